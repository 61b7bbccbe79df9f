import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

interface ToolProps {
  label: string;
  testId: string;
  pressed?: boolean;
  disabled?: boolean;
  onRun: () => void;
  children: ReactNode;
}

function Tool({ label, testId, pressed, disabled, onRun, children }: ToolProps) {
  return (
    <button
      type="button"
      className={`btn notes-tool ${pressed ? 'is-selected' : ''}`}
      title={label}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      data-testid={testId}
      // Keeps the caret in the text: a tap on the toolbar must not take the focus away from it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

/** The formats the record keeps (they are what the DOCX and Markdown export render), and undo/redo of one's own edits. */
export function NotesToolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const tb = t.notes.toolbar;
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = (f: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => void f(editor.chain().focus()).run();
  return (
    <div className="notes-toolbar" role="toolbar" aria-label={tb.label} data-testid="notes-toolbar">
      <div className="notes-tool-group">
        <Tool label={tb.bold} testId="tool-bold" pressed={active.bold} onRun={run((c) => c.toggleBold())}>
          <strong>B</strong>
        </Tool>
        <Tool label={tb.italic} testId="tool-italic" pressed={active.italic} onRun={run((c) => c.toggleItalic())}>
          <em>I</em>
        </Tool>
      </div>
      <div className="notes-tool-group">
        <Tool label={tb.h2} testId="tool-h2" pressed={active.h2} onRun={run((c) => c.toggleHeading({ level: 2 }))}>
          H2
        </Tool>
        <Tool label={tb.h3} testId="tool-h3" pressed={active.h3} onRun={run((c) => c.toggleHeading({ level: 3 }))}>
          H3
        </Tool>
      </div>
      <div className="notes-tool-group">
        <Tool label={tb.bulletList} testId="tool-bullet-list" pressed={active.bulletList} onRun={run((c) => c.toggleBulletList())}>
          •≡
        </Tool>
        <Tool label={tb.orderedList} testId="tool-ordered-list" pressed={active.orderedList} onRun={run((c) => c.toggleOrderedList())}>
          1≡
        </Tool>
        <Tool label={tb.quote} testId="tool-quote" pressed={active.quote} onRun={run((c) => c.toggleBlockquote())}>
          ❝
        </Tool>
      </div>
      <div className="notes-tool-group">
        <Tool label={tb.undo} testId="tool-undo" disabled={!active.canUndo} onRun={run((c) => c.undo())}>
          ↶
        </Tool>
        <Tool label={tb.redo} testId="tool-redo" disabled={!active.canRedo} onRun={run((c) => c.redo())}>
          ↷
        </Tool>
      </div>
    </div>
  );
}
