import { getDocument, PDFWorker, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';

/**
 * pdf.js as this app runs it. The worker is a script of this origin bundled by Vite (a `?worker`
 * import, so it lands in assets/ and the service worker keeps it for offline use), which the CSP's
 * `script-src 'self'` allows; pdf.js 6 has no `eval` path left (its `isEvalSupported` option is
 * gone), and WebAssembly is turned off so the CSP needs no 'wasm-unsafe-eval' either: the few image
 * codecs that would use it fall back to their JavaScript versions.
 */
let shared: PDFWorker | null = null;
/**
 * One worker for every document this page opens, owned here rather than by a loading task: a task
 * that makes its own destroys it with itself, and a document opened while the previous one is being
 * destroyed (the chair going straight from one document to the next) was refused by pdf.js
 * ("the worker is being destroyed") and never showed.
 */
function worker(): PDFWorker {
  shared ??= PDFWorker.create({ port: new PdfWorker() });
  return shared;
}

/** Bytes fetched per range request: page 1 of a 30-page report arrives in a request or two. */
export const RANGE_CHUNK_BYTES = 128 * 1024;

export type PdfSource = { url: string; token: string } | { data: Uint8Array };

export function loadPdf(source: PdfSource): PDFDocumentLoadingTask {
  const common = { worker: worker(), useWasm: false, enableXfa: false, isOffscreenCanvasSupported: true } as const;
  if ('data' in source) return getDocument({ ...common, data: source.data });
  return getDocument({
    ...common,
    url: source.url,
    httpHeaders: { Authorization: `Bearer ${source.token}` },
    rangeChunkSize: RANGE_CHUNK_BYTES,
    // Only the ranges the pages on screen need: page 1 shows before the rest of the file arrives.
    disableAutoFetch: true,
    disableStream: true,
  });
}

/** Whether pdf.js failed on the file itself (not a PDF, damaged) rather than on the way to it. */
export function isMalformed(e: unknown): boolean {
  const name = e instanceof Error ? e.name : '';
  return name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException';
}
