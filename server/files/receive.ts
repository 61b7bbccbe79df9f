import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobFacts } from '../../shared/documents/types.js';
import { FileRefused } from './fileStore.js';
import { HEAD_BYTES, pdfComplete, sniffHead, TAIL_BYTES } from './sniff.js';

export interface Received {
  /** The temporary file holding the bytes, in `dir`. */
  path: string;
  facts: BlobFacts;
}

/** A temporary file's name: this process's and random, never anything from the upload. */
export const tempName = (): string => `.upload-${process.pid}-${randomBytes(8).toString('hex')}`;

/**
 * Streams an upload to a temporary file in `dir`, hashing it as it goes; memory holds a chunk, the
 * head and the tail, whatever the file's size. Refuses (FileRefused) as soon as the bytes pass
 * `maxBytes` or the head rules out every accepted type, and at the end a PDF without its end marker
 * (cut off) or an empty body. On any failure the temporary file is gone.
 */
export async function receive(body: Readable, dir: string, maxBytes: number): Promise<Received> {
  const path = join(dir, tempName());
  const file = await open(path, 'wx', 0o600);
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let mime: BlobFacts['mime'] | null | 'more' = 'more';
  try {
    for await (const data of body) {
      const chunk = data as Buffer;
      bytes += chunk.length;
      if (bytes > maxBytes) throw new FileRefused('file-too-large', maxBytes);
      if (mime === 'more') {
        head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        mime = sniffHead(head, false);
        if (mime === null) throw new FileRefused('not-a-document');
      }
      tail = chunk.length >= TAIL_BYTES ? Buffer.from(chunk.subarray(-TAIL_BYTES)) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
      hash.update(chunk);
      await file.write(chunk);
    }
    if (mime === 'more') mime = sniffHead(head, true);
    if (mime === null || mime === 'more' || (mime === 'application/pdf' && !pdfComplete(tail))) throw new FileRefused('not-a-document');
    // On disk before it is given its real name: a crash after the rename never finds a short file.
    await file.sync();
    await file.close();
    return { path, facts: { sha256: hash.digest('hex'), bytes, mime } };
  } catch (e) {
    await file.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw e;
  }
}

/** A temporary file older than this belongs to no upload still running (on any instance sharing the folder). */
const STALE_UPLOAD_MS = 60 * 60 * 1000;

/** Removes the temporary files a crash left in `dir`: never under a real name, so only space to take back. */
export async function sweepStale(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > STALE_UPLOAD_MS) await unlink(path).catch(() => undefined);
  }
}
