import { useDocumentsText } from '../viewer/useDocumentsText.js';
import type { DocStatus } from '../../notes/docSession.js';
import { ANNOTATION_COLORS, MAX_NOTE_CHARS, type Annotation, type AnnotationColor } from './model.js';

interface Props {
  /** The highlights of the page on screen. */
  annotations: readonly Annotation[];
  page: number;
  selectedId: string | null;
  color: AnnotationColor;
  status: DocStatus | null;
  onColor: (color: AnnotationColor) => void;
  onSelect: (id: string) => void;
  onChange: (annotation: Annotation) => void;
  onRemove: (id: string) => void;
  onExport: (format: 'md' | 'json') => void;
}

/** The reader's own notes on the page on screen, the highlight colour, and the export of all of them. */
export function AnnotationPanel({ annotations, page, selectedId, color, status, onColor, onSelect, onChange, onRemove, onExport }: Props) {
  const d = useDocumentsText();
  return (
    <aside className="annotation-panel" data-testid="annotation-panel" data-phase={status?.phase ?? 'none'} data-pending={status?.pending ?? false}>
      <h3>{d.myNotes}</h3>
      <p className="annotation-private">{d.privateHint}</p>
      <div className="annotation-colors" role="radiogroup" aria-label={d.annotate}>
        {ANNOTATION_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={c === color}
            className={`annotation-color color-${c}`}
            aria-label={d.colors[c]}
            title={d.colors[c]}
            onClick={() => onColor(c)}
          />
        ))}
      </div>
      <h4>{d.page(page)}</h4>
      {annotations.length === 0 && <p className="annotation-empty">{d.noNotes}</p>}
      <ul className="annotation-list">
        {annotations.map((a) => (
          <li key={a.id} className={a.id === selectedId ? 'is-selected' : ''} data-testid="annotation-item" data-annotation-id={a.id}>
            <button type="button" className={`annotation-swatch color-${a.color}`} aria-label={d.colors[a.color]} onClick={() => onSelect(a.id)} />
            <textarea
              aria-label={d.notePlaceholder}
              placeholder={d.notePlaceholder}
              maxLength={MAX_NOTE_CHARS}
              // Kept as typed, on every keystroke: the device copy is the save (IndexedDB), nothing to lose on a reload.
              value={a.note}
              onFocus={() => onSelect(a.id)}
              onChange={(e) => onChange({ ...a, note: e.target.value })}
            />
            <button type="button" className="annotation-remove" onClick={() => onRemove(a.id)}>
              {d.remove}
            </button>
          </li>
        ))}
      </ul>
      <div className="annotation-export">
        <button type="button" data-testid="export-md" onClick={() => onExport('md')}>
          {d.exportMarkdown}
        </button>
        <button type="button" data-testid="export-json" onClick={() => onExport('json')}>
          {d.exportJson}
        </button>
      </div>
    </aside>
  );
}
