import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
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
 * (client/src/documents/offline), otherwise from the server, a PDF by range requests. `track` is
 * handed the pdf.js task at once, so a viewer closed mid-way can cancel it.
 */
export async function openDocument({ meetingId, document, token }: OpenRequest, track: (task: PDFDocumentLoadingTask) => void): Promise<Opened> {
  const version = currentVersion(document);
  const url = documentFilePath(meetingId, document.id, version.version);
  const cached = await cachedFile(version.sha256).catch(() => null);
  if (isPdf(version.mime)) {
    const task = loadPdf(cached ? { data: new Uint8Array(await cached.arrayBuffer()) } : { url, token });
    track(task);
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
