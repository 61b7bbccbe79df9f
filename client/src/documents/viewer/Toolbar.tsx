import { useState, type FormEvent } from 'react';
import { HighlightIcon, NotesIcon, SearchIcon, ThumbnailsIcon } from './Icons.js';
import { useDocumentsText } from './useDocumentsText.js';
import { formatPercent } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export type Panel = 'thumbnails' | 'search' | 'notes';

interface Props {
  title: string;
  page: number;
  pages: number;
  scale: number;
  panels: ReadonlySet<Panel>;
  /** Whether the private annotations are on for this reader (not for the observer link). */
  annotating: boolean;
  drawing: boolean;
  onPage: (page: number) => void;
  onZoom: (factor: number) => void;
  onFit: () => void;
  onPanel: (panel: Panel) => void;
  onDrawing: () => void;
  onClose: () => void;
}

/** Every control is a 44 px target at least (documents-viewer.css): fingers, not a mouse. */
export function Toolbar({ title, page, pages, scale, panels, annotating, drawing, onPage, onZoom, onFit, onPanel, onDrawing, onClose }: Props) {
  const d = useDocumentsText();
  const { lang } = useI18n();
  const [typed, setTyped] = useState<string | null>(null);
  const go = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 1 && n <= pages) onPage(n);
    setTyped(null);
  };
  return (
    <header className="dv-toolbar">
      <button type="button" className="dv-close" onClick={onClose} aria-label={d.close} title={d.close} data-testid="viewer-close">
        ×
      </button>
      <h2 className="dv-title">{title}</h2>
      <div className="dv-group">
        <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-label={d.previous} title={d.previous} data-testid="page-prev">
          ‹
        </button>
        <form onSubmit={go} className="dv-page-form">
          <input
            type="text"
            inputMode="numeric"
            aria-label={d.pageInput}
            data-testid="page-input"
            value={typed ?? String(page)}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={go}
            onFocus={(e) => e.target.select()}
          />
          <span>{d.pageOf(pages)}</span>
        </form>
        <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages} aria-label={d.next} title={d.next} data-testid="page-next">
          ›
        </button>
      </div>
      <div className="dv-group">
        <button type="button" onClick={() => onZoom(1 / 1.25)} aria-label={d.zoomOut} title={d.zoomOut} data-testid="zoom-out">
          −
        </button>
        <output className="dv-zoom" data-testid="zoom-level">
          {formatPercent(Math.round(scale * 100), lang)}
        </output>
        <button type="button" onClick={() => onZoom(1.25)} aria-label={d.zoomIn} title={d.zoomIn} data-testid="zoom-in">
          +
        </button>
        <button type="button" onClick={onFit} aria-label={d.fitWidth} title={d.fitWidth} data-testid="fit-width">
          ↔
        </button>
      </div>
      <div className="dv-group">
        <button
          type="button"
          aria-pressed={panels.has('thumbnails')}
          onClick={() => onPanel('thumbnails')}
          aria-label={d.thumbnails}
          title={d.thumbnails}
          data-testid="toggle-thumbnails"
        >
          <ThumbnailsIcon />
        </button>
        <button type="button" aria-pressed={panels.has('search')} onClick={() => onPanel('search')} aria-label={d.search} title={d.search} data-testid="toggle-search">
          <SearchIcon />
        </button>
        {annotating && (
          <>
            <button type="button" aria-pressed={drawing} onClick={onDrawing} aria-label={d.annotate} title={d.annotateHint} data-testid="toggle-annotate">
              <HighlightIcon />
            </button>
            <button type="button" aria-pressed={panels.has('notes')} onClick={() => onPanel('notes')} aria-label={d.myNotes} title={d.myNotes} data-testid="toggle-notes">
              <NotesIcon />
            </button>
          </>
        )}
      </div>
    </header>
  );
}
