import type { DocumentMime } from '../../shared/documents/types.js';

/**
 * What a file is, decided by its bytes alone (docs/DOCUMENTS.md, "Limits"): its name, and the
 * Content-Type the uploader sent, say nothing the server believes.
 */

/** Bytes the head is read to: a PDF's header may stand anywhere within them (as readers allow). */
export const HEAD_BYTES = 1024;
/** Bytes the tail is kept to: a PDF ends with `%%EOF`, give or take a few trailing bytes. */
export const TAIL_BYTES = 1024;

const PDF = Buffer.from('%PDF-');
const EOF = Buffer.from('%%EOF');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

const startsWith = (buf: Buffer, magic: Buffer, at = 0) => buf.length >= at + magic.length && buf.subarray(at, at + magic.length).equals(magic);

/**
 * The type the first bytes announce, null when they announce none, or 'more' while they are too few
 * to tell (an upload is refused as soon as its head rules every type out, not once it is all in).
 * `complete`: these are all the bytes there will be.
 */
export function sniffHead(head: Buffer, complete: boolean): DocumentMime | null | 'more' {
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, Buffer.from('RIFF')) && startsWith(head, Buffer.from('WEBP'), 8)) return 'image/webp';
  const window = head.subarray(0, HEAD_BYTES);
  const at = window.indexOf(PDF);
  // Markup before the header is an HTML (or SVG) page with a PDF's header tucked in: a polyglot
  // some browser could render as a page. Readers accept junk there; nobody's real report has markup.
  if (at >= 0) return window.subarray(0, at).includes(0x3c) ? null : 'application/pdf';
  if (complete || head.length >= HEAD_BYTES) return null;
  // Still possible: an image's magic number half received, or a PDF header further on (unless markup came first).
  const prefixOf = (magic: Buffer) => magic.subarray(0, Math.min(magic.length, head.length)).equals(head.subarray(0, magic.length));
  return prefixOf(PNG) || prefixOf(JPEG) || prefixOf(Buffer.from('RIFF')) || !head.includes(0x3c) ? 'more' : null;
}

/** Whether a PDF's last bytes hold its end marker: a truncated upload (or a cut download) has none. */
export const pdfComplete = (tail: Buffer): boolean => tail.subarray(-TAIL_BYTES).includes(EOF);
