import type { PDFDocumentProxy } from 'pdfjs-dist';
import { documentFilePath } from '../../../../shared/documents/urls.js';
import { currentVersion, isPdf, type MeetingDocument } from '../../../../shared/documents/types.js';
import { cachedFile } from '../offline/files.js';
import { isMalformed, loadPdf } from './pdfjs.js';

export type ViewerFailure = 'malformed' | 'unavailable';

export class ViewerError extends Error {
  constructor(
    readonly failure: ViewerFailure,
    cause?: unknown,
  ) {
    super(failure, { cause });
  }
}

export type Opened = { kind: 'pdf'; pdf: PDFDocumentProxy; fromDevice: boolean } | { kind: 'image'; image: ImageBitmap; fromDevice: boolean };

export interface OpenRequest {
  meetingId: string;
  document: MeetingDocument;
  token: string;
}

/**
 * Opens the document's current version: from this device's offline copy when it has the whole file
 * (client/src/documents/offline), otherwise from the server, a PDF by range requests. Aborting
 * `signal` (the viewer closed, or another document shown) stops before pdf.js starts, or destroys
 * its task: the screen can change documents faster than a file opens.
 */
export async function openDocument({ meetingId, document, token }: OpenRequest, signal: AbortSignal): Promise<Opened> {
  const version = currentVersion(document);
  const url = documentFilePath(meetingId, document.id, version.version);
  const cached = await cachedFile(version.sha256).catch(() => null);
  if (isPdf(version.mime)) {
    const source = cached ? { data: new Uint8Array(await cached.arrayBuffer()) } : { url, token };
    signal.throwIfAborted();
    const task = loadPdf(source);
    // Destroying a task still opening rejects with why it stopped; that is the point, not a fault.
    signal.addEventListener('abort', () => void task.destroy().catch(() => undefined), { once: true });
    try {
      return { kind: 'pdf', pdf: await task.promise, fromDevice: cached !== null };
    } catch (e) {
      throw new ViewerError(isMalformed(e) ? 'malformed' : 'unavailable', e);
    }
  }
  let blob = cached;
  if (!blob) {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } }).catch((e: unknown) => {
      throw new ViewerError('unavailable', e);
    });
    if (!response.ok) throw new ViewerError('unavailable', new Error(`HTTP ${response.status}`));
    blob = await response.blob();
  }
  // Decoded into a bitmap, drawn on a canvas: no blob: URL for the CSP to allow, and a file that is
  // no image fails here, in the viewer, as a damaged PDF does.
  try {
    return { kind: 'image', image: await createImageBitmap(blob), fromDevice: cached !== null };
  } catch (e) {
    throw new ViewerError('malformed', e);
  }
}
