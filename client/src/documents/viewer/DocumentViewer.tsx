import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { currentVersion } from '../../../../shared/documents/types.js';
import { useDocumentsText } from './useDocumentsText.js';
import { AnnotationLayer } from '../annotations/AnnotationLayer.js';
import { AnnotationPanel } from '../annotations/AnnotationPanel.js';
import { downloadText } from '../annotations/download.js';
import { annotationsJson, annotationsMarkdown } from '../annotations/exportNotes.js';
import { newAnnotationId, type Annotation, type AnnotationColor } from '../annotations/model.js';
import { useAnnotations } from '../annotations/useAnnotations.js';
import '../../styles/documents-viewer.css';
import { ImageView } from './ImageView.js';
import { PdfPageView } from './PdfPageView.js';
import { SearchBar } from './SearchBar.js';
import { Thumbnails } from './Thumbnails.js';
import { Toolbar, type Panel } from './Toolbar.js';
import type { DocumentViewerProps } from './types.js';
import { useMinute } from './useNow.js';
import { useOpened } from './useOpened.js';
import { usePinchZoom } from './usePinchZoom.js';
import { useSearch } from './useSearch.js';
import { watermarkText } from './watermark.js';

const MIN_SCALE = 0.25;
const MAX_SCALE = 5;
/** The stage's padding around the page, both sides, in CSS pixels. */
const GUTTER = 32;
const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/**
 * A meeting document on the tablet (docs/DOCUMENTS.md, "Reading"): one page at a time, turned with
 * the buttons, the page number or the arrow keys; zoomed with the buttons, two fingers or "fit to
 * width"; searched; with page thumbnails; the reader's watermark over every page; and the reader's
 * private highlights and notes. A file that is no valid PDF or image says so here and nowhere else.
 */
export default function DocumentViewer(props: DocumentViewerProps) {
  const { meetingId, document, token, reader, initialPage = 1, onPage, onClose, annotator, timeZone } = props;
  const d = useDocumentsText();
  const version = currentVersion(document);
  const [attempt, setAttempt] = useState(0);
  const open = useOpened({ meetingId, document, token }, attempt);
  const opened = open.phase === 'ready' ? open.opened : null;
  const pdf = opened?.kind === 'pdf' ? opened.pdf : null;
  const pages = pdf?.numPages ?? 1;

  const [page, setPage] = useState(initialPage);
  const [scale, setScaleState] = useState<number | null>(null);
  const [pdfPageWidth, setPdfPageWidth] = useState<number | null>(null);
  const [panels, setPanels] = useState<ReadonlySet<Panel>>(new Set());
  const [drawing, setDrawing] = useState(false);
  const [color, setColor] = useState<AnnotationColor>('yellow');
  const [selected, setSelected] = useState<string | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const search = useSearch(pdf);
  const minute = useMinute();
  const watermark = watermarkText(reader, minute, timeZone);
  const notes = useAnnotations(meetingId, token, annotator ? { ...annotator, name: reader } : null);

  // The width in PDF points (or image pixels) at scale 1, for "fit to width".
  useEffect(() => {
    if (!pdf) return;
    let live = true;
    void pdf.getPage(Math.min(page, pdf.numPages)).then((p) => live && setPdfPageWidth(p.getViewport({ scale: 1 }).width));
    return () => {
      live = false;
    };
  }, [pdf, page]);
  const pageWidth = opened?.kind === 'image' ? opened.image.width : pdfPageWidth;

  const fitScale = useCallback(() => (pageWidth && stage.current ? clampScale((stage.current.clientWidth - GUTTER) / pageWidth) : 1), [pageWidth]);
  // Opened at the width of the screen; the reader's zoom is kept from page to page after that.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the first fit needs the stage's measured width
    if (scale === null && pageWidth !== null) setScaleState(fitScale());
  }, [scale, pageWidth, fitScale]);

  const scaleRef = useRef(1);
  useEffect(() => {
    scaleRef.current = scale ?? 1;
  }, [scale]);
  const getScale = useCallback(() => scaleRef.current, []);
  const setScale = useCallback((s: number) => setScaleState(Math.round(clampScale(s) * 1000) / 1000), []);
  usePinchZoom(stage, getScale, setScale);

  const go = useCallback(
    (n: number) => {
      const next = Math.min(Math.max(1, n), pages);
      setPage(next);
      onPage?.(next);
    },
    [pages, onPage],
  );
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') go(page + 1);
      if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(page - 1);
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [go, page, onClose]);

  const toggle = (panel: Panel) =>
    setPanels((now) => {
      const next = new Set(now);
      if (!next.delete(panel)) next.add(panel);
      return next;
    });

  const mine = useMemo(() => notes.list.filter((a) => a.documentId === document.id && a.version === version.version), [notes.list, document.id, version.version]);
  const onThisPage = mine.filter((a) => a.page === page);
  const draw = (rect: Annotation['rect']) => {
    const annotation: Annotation = { id: newAnnotationId(), documentId: document.id, version: version.version, page, rect, color, note: '', at: Date.now() };
    notes.put(annotation);
    setSelected(annotation.id);
    setPanels((now) => new Set(now).add('notes'));
  };
  const exportNotes = (format: 'md' | 'json') => {
    const meta = { meeting: meetingId, owner: reader, exportedAt: watermarkText(reader, Date.now(), timeZone).split(' · ')[1] };
    const documents = [{ id: document.id, title: document.title }];
    const base = `ghi-chu-${meetingId}`;
    if (format === 'json') downloadText(`${base}.json`, JSON.stringify(annotationsJson(notes.list, documents, meta), null, 2), 'application/json');
    else
      downloadText(
        `${base}.md`,
        annotationsMarkdown(notes.list, documents, { title: d.exportTitle, page: d.page, version: d.version, highlight: d.highlight, colors: d.colors }, meta),
        'text/markdown',
      );
  };

  const onMatchPage = search.matches.filter((m) => m.page === page);
  const active = search.at >= 0 && search.matches[search.at]?.page === page ? search.matches[search.at] : null;
  const layer = annotator ? <AnnotationLayer annotations={onThisPage} drawing={drawing} selectedId={selected} onSelect={setSelected} onDraw={draw} /> : null;

  return (
    <section
      className="document-viewer"
      aria-label={document.title}
      data-testid="document-viewer"
      data-document-id={document.id}
      data-state={open.phase}
      data-page={page}
      data-pages={pages}
      data-scale={scale ?? undefined}
      data-from-device={opened?.fromDevice ?? undefined}
    >
      <Toolbar
        title={document.title}
        page={page}
        pages={pages}
        scale={scale ?? 1}
        panels={panels}
        annotating={annotator !== undefined && opened !== null}
        drawing={drawing}
        onPage={go}
        onZoom={(f) => setScale((scale ?? 1) * f)}
        onFit={() => setScale(fitScale())}
        onPanel={toggle}
        onDrawing={() => setDrawing((v) => !v)}
        onClose={onClose}
      />
      {panels.has('search') && pdf && <SearchBar search={search} onFound={go} />}
      <div className="dv-body">
        {panels.has('thumbnails') && pdf && pageWidth && <Thumbnails pdf={pdf} pageWidth={pageWidth} current={page} watermark={watermark} onGo={go} />}
        <div ref={stage} className={`dv-stage ${drawing ? 'is-drawing' : ''}`} data-testid="viewer-stage">
          {open.phase === 'loading' && <p className="dv-message">{d.loading}</p>}
          {open.phase === 'failed' && (
            <div className="dv-message dv-error" role="alert" data-testid="viewer-error" data-failure={open.failure}>
              <p>{open.failure === 'malformed' ? d.malformed : d.unavailable}</p>
              {open.failure === 'unavailable' && (
                <button type="button" onClick={() => setAttempt((n) => n + 1)}>
                  {d.retry}
                </button>
              )}
            </div>
          )}
          {pdf && scale !== null && (
            <PdfPageView pdf={pdf} page={page} scale={scale} watermark={watermark} matches={onMatchPage} active={active}>
              {layer}
            </PdfPageView>
          )}
          {opened?.kind === 'image' && scale !== null && (
            <ImageView image={opened.image} scale={scale} watermark={watermark}>
              {layer}
            </ImageView>
          )}
        </div>
        {annotator && panels.has('notes') && opened && (
          <AnnotationPanel
            annotations={onThisPage}
            page={page}
            selectedId={selected}
            color={color}
            status={notes.status}
            onColor={setColor}
            onSelect={setSelected}
            onChange={notes.put}
            onRemove={notes.remove}
            onExport={exportNotes}
          />
        )}
      </div>
    </section>
  );
}
