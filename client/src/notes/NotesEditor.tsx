import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { DocPresenceList } from './DocPresenceList.js';
import { DocStatusBadge } from './DocStatusBadge.js';
import type { DocSession } from './docSession.js';
import { NotesToolbar } from './NotesToolbar.js';
import { useDocStatus } from './useDocSession.js';

/**
 * The rich text the record knows (server/export reads these node and mark names): paragraphs,
 * headings, bold, italic, lists, quotes, line breaks, rules. What the export would drop (links,
 * code, strike, underline) is left out so that nothing typed is lost in the DOCX. Yjs keeps the
 * history, so the plain undo-redo is off; and no trailing paragraph is forced in, since every
 * client doing so at once would add one each.
 */
function extensions(session: DocSession, carets: boolean): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      link: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      heading: { levels: [2, 3] },
    }),
    Collaboration.configure({ document: session.doc }),
    ...(carets ? [CollaborationCaret.configure({ provider: session.provider, user: session.user })] : []),
  ];
}

interface Props {
  session: DocSession;
  /** What the text is, for screen readers: "Notes: <item>", "Minutes". */
  label: string;
  testId: string;
  /** The room screen shows the text alone: no toolbar, status, presence or carets. */
  bare?: boolean;
  onChange?: () => void;
}

/** One co-edited document: TipTap on the session's Y.Doc, with everyone's named carets. */
export function NotesEditor({ session, label, testId, bare = false, onChange }: Props) {
  const { t } = useI18n();
  const status = useDocStatus(session);
  const editable = !session.user.readOnly && status.phase !== 'closed';
  const exts = useMemo(() => extensions(session, !bare), [session, bare]);
  const editor = useEditor(
    {
      extensions: exts,
      editable,
      editorProps: {
        attributes: {
          class: 'notes-prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          spellcheck: 'false',
          lang: 'vi',
        },
      },
    },
    [exts],
  );
  useEffect(() => {
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
    // The attributes above were set at creation; the language can change since.
    editor.view.dom.setAttribute('aria-label', label);
  }, [editor, editable, label]);
  useEffect(() => {
    if (!onChange) return;
    editor.on('update', onChange);
    return () => void editor.off('update', onChange);
  }, [editor, onChange]);
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e.isEmpty });

  if (bare) {
    return (
      <div className="notes-editor is-bare" data-testid={testId} data-editable={editable}>
        <EditorContent editor={editor} className="notes-content" />
        {empty && (
          <p className="notes-empty" aria-hidden="true">
            {t.notes.screen.empty}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className={`notes-editor ${editable ? 'is-editable' : 'is-read-only'}`} data-testid={testId} data-editable={editable}>
      <div className="notes-editor-head">
        {editable ? (
          <NotesToolbar editor={editor} />
        ) : (
          <p className="notes-read-only" data-testid="notes-read-only">
            <span className="chip">{t.notes.readOnly}</span> <span className="muted">{t.notes.readOnlyHint}</span>
          </p>
        )}
        <div className="notes-editor-meta">
          <DocStatusBadge session={session} />
          <DocPresenceList session={session} />
        </div>
      </div>
      <div className="notes-page">
        <EditorContent editor={editor} className="notes-content" />
        {empty && (
          <p className="notes-empty" aria-hidden="true">
            {editable ? t.notes.emptyEditable : t.notes.empty}
          </p>
        )}
      </div>
    </div>
  );
}
