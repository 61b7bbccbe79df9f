import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { drawWatermark } from './watermark.js';
import type { RunRange } from './search.js';

interface Props {
  pdf: PDFDocumentProxy;
  page: number;
  /** CSS pixels per PDF point. */
  scale: number;
  watermark: string;
  /** Search matches on this page, and the one the reader is on (if here). */
  matches?: readonly RunRange[];
  active?: RunRange | null;
  /** Drawn over the page, under the watermark: the reader's annotations. */
  children?: ReactNode;
  /** With no text layer (thumbnails, the room screen): the canvas alone. */
  textLayer?: boolean;
  onRendered?: (page: number) => void;
}

/**
 * One page: the canvas at the device's pixel density, the text layer over it (selectable, searched,
 * what a screen reader reads), then the annotations, then the watermark on top of everything.
 */
export function PdfPageView({ pdf, page, scale, watermark, matches = [], active = null, children, textLayer = true, onRendered }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const mark = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [spans, setSpans] = useState<HTMLElement[]>([]);

  useEffect(() => {
    let cancelled = false;
    let task: RenderTask | null = null;
    let layer: TextLayer | null = null;
    void (async () => {
      const proxy = await pdf.getPage(page);
      if (cancelled || !canvas.current) return;
      const viewport = proxy.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const target = canvas.current;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      setSize({ width: viewport.width, height: viewport.height });
      task = proxy.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (cancelled) return;
      if (textLayer && text.current) {
        text.current.replaceChildren();
        layer = new TextLayer({ textContentSource: proxy.streamTextContent(), container: text.current, viewport });
        await layer.render();
        if (cancelled) return;
        setSpans(layer.textDivs.filter((d) => (d.textContent ?? '') !== ''));
      }
      onRendered?.(page);
    })().catch((e: unknown) => {
      // A render replaced by the next one (zoom, page turn) is cancelled: nothing to report.
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException')) console.warn('page render failed', e);
    });
    return () => {
      cancelled = true;
      task?.cancel();
      layer?.cancel();
    };
  }, [pdf, page, scale, textLayer, onRendered]);

  useEffect(() => {
    if (!size || !mark.current) return;
    const ratio = window.devicePixelRatio || 1;
    mark.current.width = Math.floor(size.width * ratio);
    mark.current.height = Math.floor(size.height * ratio);
    drawWatermark(mark.current, watermark);
  }, [size, watermark]);

  useEffect(() => {
    for (const span of spans) span.classList.remove('match', 'selected');
    for (const m of matches) for (let i = m.first; i <= m.last; i++) spans[i]?.classList.add('match');
    if (active) {
      for (let i = active.first; i <= active.last; i++) spans[i]?.classList.add('selected');
      spans[active.first]?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [spans, matches, active]);

  const style = size
    ? ({ width: `${size.width}px`, height: `${size.height}px`, '--total-scale-factor': String(scale), '--scale-factor': String(scale) } as CSSProperties)
    : undefined;
  return (
    <div className="pdf-page" style={style} data-page={page} data-rendered={size !== null}>
      <canvas ref={canvas} className="pdf-page-canvas" />
      {textLayer && <div ref={text} className="textLayer" />}
      {children}
      <canvas ref={mark} className="pdf-page-watermark" aria-hidden="true" data-testid="watermark" data-text={watermark} />
    </div>
  );
}
