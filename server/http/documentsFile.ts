import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { DocumentMime, DocumentVersion } from '../../shared/documents/types.js';
import type { ByteRange, FileStore } from '../files/fileStore.js';

const EXTENSION: Record<DocumentMime, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'image/webp': '.webp' };

/**
 * `Content-Disposition: inline` with the title as the file's name: a plain ASCII one (Vietnamese
 * letters without their marks, anything else `_`) for old browsers, and the title itself as RFC 5987
 * `filename*`. Nothing of it ever reaches this server's file system.
 */
export function contentDisposition(title: string, mime: DocumentMime): string {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9 ._-]+/g, '_')
      .replace(/^[ ._]+|[ ._]+$/g, '')
      .slice(0, 100) || 'document';
  const utf8 = encodeURIComponent(`${title.slice(0, 150)}${EXTENSION[mime]}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${base}${EXTENSION[mime]}"; filename*=UTF-8''${utf8}`;
}

/** The single range a `Range` header asks for; 'all' for none, several, or one this server does not parse; 'unsatisfiable' when it starts beyond the file. */
export function parseRange(header: string | undefined, size: number): ByteRange | 'all' | 'unsatisfiable' {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'all';
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  // `bytes=5-2`: syntactically invalid, so ignored (RFC 9110 14.1.1), the whole file goes.
  return start > end ? 'all' : { start, end };
}

const etagOf = (sha256: string) => `"${sha256}"`;

/** Whether If-None-Match names this file (weak or strong: it is the same bytes either way). */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * A version's bytes, as a PDF reader fetches them page by page: `ETag` is the SHA-256, so
 * If-None-Match answers 304; one `Range` answers 206 (unsatisfiable: 416), unless `If-Range` names
 * other bytes; several ranges get the whole file. A named version never changes (cached for a
 * year); the current one is checked each time. The file is sandboxed: were it ever rendered as a
 * page, it would run no script and reach no origin.
 */
export async function sendVersion(req: Request, res: Response, files: FileStore, version: DocumentVersion, title: string, pinned: boolean): Promise<void> {
  const etag = etagOf(version.sha256);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', pinned ? 'private, max-age=31536000, immutable' : 'private, no-cache');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  if (notModified(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  const ifRange = req.get('if-range');
  const range = ifRange !== undefined && ifRange.trim() !== etag ? 'all' : parseRange(req.get('range'), version.bytes);
  if (range === 'unsatisfiable') {
    res
      .status(416)
      .setHeader('Content-Range', `bytes */${version.bytes}`)
      .json({ ok: false, error: { code: 'invalid-payload', message: 'the range lies outside the file' } });
    return;
  }
  const body = await files.read(version.sha256, range === 'all' ? undefined : range);
  if (!body) {
    // The state names it but the store lost it: the operator's to know (a volume not shared, a bucket emptied).
    throw Object.assign(new Error(`the file ${version.sha256} is missing from the file store`), { missingFile: true });
  }
  res.setHeader('Content-Type', version.mime);
  res.setHeader('Content-Disposition', contentDisposition(title, version.mime));
  if (range === 'all') {
    res.status(200).setHeader('Content-Length', String(version.bytes));
  } else {
    res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${version.bytes}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  }
  if (req.method === 'HEAD') {
    body.destroy();
    res.end();
    return;
  }
  // A reader that goes away mid-file ends the pipeline; nothing more to answer then.
  await pipeline(body, res).catch(() => undefined);
}
