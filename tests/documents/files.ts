import PDFDocument from 'pdfkit';
import { documentFilePath, documentPath, documentsPath } from '../../shared/documents/urls.js';

/** A real (small) PDF with `text` on `pages` pages, as pdfkit writes it. */
export function pdfBytes(text = 'Báo cáo kiểm điểm (hư cấu)', pages = 1): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: false, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 1; i <= pages; i++) doc.addPage().text(`${text} — ${i}`);
    doc.end();
  });
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** What an upload sends: bytes, or a stream (then chunked, with no length announced). */
export type Body = Uint8Array | ReadableStream<Uint8Array>;

export interface Upload {
  title?: string;
  itemId?: string;
  visibility?: 'everyone' | 'participants' | 'presidium';
  order?: number;
}

/** Plain fetch against the documents' routes, with a token as the app sends it. */
export function documentsApi(url: string, meetingId: string) {
  const auth = (token: string | null): Record<string, string> => (token === null ? {} : { authorization: `Bearer ${token}` });
  return {
    list: (token: string | null) => fetch(`${url}${documentsPath(meetingId)}`, { headers: auth(token) }),
    upload: (token: string | null, body: Body, q: Upload = {}) => {
      const query = new URLSearchParams({
        title: q.title ?? 'Báo cáo',
        ...(q.itemId ? { itemId: q.itemId } : {}),
        visibility: q.visibility ?? 'participants',
        ...(q.order === undefined ? {} : { order: String(q.order) }),
      });
      return fetch(`${url}${documentsPath(meetingId)}?${query}`, {
        method: 'POST',
        headers: { ...auth(token), 'content-type': 'application/pdf' },
        body: body as BodyInit,
        duplex: 'half',
      } as RequestInit);
    },
    replace: (token: string | null, documentId: string, body: Body) =>
      fetch(`${url}${documentPath(meetingId, documentId)}/file`, {
        method: 'PUT',
        headers: { ...auth(token), 'content-type': 'application/octet-stream' },
        body: body as BodyInit,
        duplex: 'half',
      } as RequestInit),
    download: (token: string | null, documentId: string, opts: { v?: number; headers?: Record<string, string> } = {}) =>
      fetch(`${url}${documentFilePath(meetingId, documentId, opts.v)}`, { headers: { ...auth(token), ...opts.headers } }),
    edit: (token: string | null, documentId: string, changes: Record<string, unknown>) =>
      fetch(`${url}${documentPath(meetingId, documentId)}`, {
        method: 'PATCH',
        headers: { ...auth(token), 'content-type': 'application/json' },
        body: JSON.stringify({ changes }),
      }),
    remove: (token: string | null, documentId: string) => fetch(`${url}${documentPath(meetingId, documentId)}`, { method: 'DELETE', headers: auth(token) }),
  };
}

export const bytesOf = async (res: Response): Promise<Buffer> => Buffer.from(await res.arrayBuffer());
