import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useDocumentsText } from './useDocumentsText.js';
import { PdfPageView } from './PdfPageView.js';

/** Thumbnail width in CSS pixels. */
const WIDTH = 96;

interface Props {
  pdf: PDFDocumentProxy;
  /** Page 1's width in PDF points, at scale 1. */
  pageWidth: number;
  current: number;
  watermark: string;
  onGo: (page: number) => void;
}

/** Every page, small, to jump to; the watermark is on these too. */
export function Thumbnails({ pdf, pageWidth, current, watermark, onGo }: Props) {
  const d = useDocumentsText();
  const scale = WIDTH / pageWidth;
  return (
    <nav className="dv-thumbnails" aria-label={d.thumbnails} data-testid="thumbnails">
      {Array.from({ length: pdf.numPages }, (_, i) => i + 1).map((page) => (
        <button
          key={page}
          type="button"
          className={page === current ? 'is-current' : ''}
          aria-current={page === current ? 'page' : undefined}
          aria-label={d.thumbnailOf(page)}
          onClick={() => onGo(page)}
        >
          <PdfPageView pdf={pdf} page={page} scale={scale} watermark={watermark} textLayer={false} />
          <span>{page}</span>
        </button>
      ))}
    </nav>
  );
}
