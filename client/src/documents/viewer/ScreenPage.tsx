import { useEffect, useRef, useState } from 'react';
import type { MeetingDocument } from '../../../../shared/documents/types.js';
import { useDocumentsText } from './useDocumentsText.js';
import '../../styles/documents-viewer.css';
import { ImageView } from './ImageView.js';
import { PdfPageView } from './PdfPageView.js';
import { useMinute } from './useNow.js';
import { useOpened } from './useOpened.js';
import { watermarkText } from './watermark.js';

export interface ScreenPageProps {
  meetingId: string;
  document: MeetingDocument;
  token: string;
  page: number;
  /** Watermarked with the time, as every page is; the screen is nobody's, so the meeting's title, not a name. */
  meetingTitle: string;
  timeZone: string;
}

/**
 * One page as large as the room screen's main area allows, whole (fit to width and height): the
 * chair turns the pages (`screen.show`), this follows. The same loading, watermark and failure as
 * the tablet's viewer, without any control: nobody in the hall can press one.
 */
export default function ScreenPage({ meetingId, document, token, page, meetingTitle, timeZone }: ScreenPageProps) {
  const watermark = watermarkText(meetingTitle, useMinute(), timeZone);
  const d = useDocumentsText();
  const open = useOpened({ meetingId, document, token }, 0);
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<{ width: number; height: number } | null>(null);
  const [pdfNatural, setPdfNatural] = useState<{ width: number; height: number } | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setRoom({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const opened = open.phase === 'ready' ? open.opened : null;
  const shown = opened?.kind === 'pdf' ? Math.min(Math.max(1, page), opened.pdf.numPages) : 1;
  useEffect(() => {
    if (opened?.kind !== 'pdf') return;
    let live = true;
    opened.pdf.getPage(shown).then(
      (p) => {
        const v = p.getViewport({ scale: 1 });
        if (live) setPdfNatural({ width: v.width, height: v.height });
      },
      // The file let go before its page came (the chair already on the next document): nothing to size.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [opened, shown]);

  const natural = opened?.kind === 'image' ? { width: opened.image.width, height: opened.image.height } : pdfNatural;
  const scale = room && natural ? Math.min(room.width / natural.width, room.height / natural.height) : null;
  return (
    <div ref={box} className="screen-page" data-testid="screen-page" data-state={open.phase} data-page={shown}>
      {open.phase === 'failed' && <p className="dv-message dv-error">{open.failure === 'malformed' ? d.malformed : d.unavailable}</p>}
      {opened?.kind === 'pdf' && scale !== null && <PdfPageView pdf={opened.pdf} page={shown} scale={scale} watermark={watermark} textLayer={false} />}
      {opened?.kind === 'image' && scale !== null && <ImageView image={opened.image} scale={scale} watermark={watermark} />}
    </div>
  );
}
