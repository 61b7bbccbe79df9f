import type { Readable } from 'node:stream';
import type { BlobFacts } from '../../shared/documents/types.js';
import type { BlobLookup } from './blobFacts.js';

/**
 * Where the documents' bytes live (docs/DOCUMENTS.md, "Storage"), named by their SHA-256, one store
 * per process shared by every meeting: files under DATA_DIR by default (diskStore.ts), or an
 * S3-compatible object store when instances are several (s3Store.ts). The store never sees a file's
 * name or its title: only bytes in, and bytes out by their hash.
 */
export interface FileStore extends BlobLookup {
  readonly kind: 'disk' | 's3';
  /**
   * Receives an upload into a temporary file: hashed while it is written, refused as soon as it is
   * over `maxBytes` or its first bytes are no document's (FileRefused). Nothing carries its hash
   * until `commit`, so the caller can still refuse it (the meeting's cap) and `discard` it.
   */
  stage(body: Readable, maxBytes: number): Promise<StagedFile>;
  /** The bytes (all, or one inclusive range within them); null when no such file is stored. */
  read(sha256: string, range?: ByteRange): Promise<Readable | null>;
  /** Forgets a file; the caller knows no meeting names it (the store does not). */
  remove(sha256: string): Promise<void>;
}

export interface StagedFile {
  facts: BlobFacts;
  /** Stores it under its hash, atomically: a crash leaves the old state or the new one, never half a file. */
  commit(): Promise<BlobFacts>;
  /** Drops the temporary file. */
  discard(): Promise<void>;
}

/** Bytes `start` to `end`, both included, as HTTP ranges count them. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Names only a SHA-256 could be: anything else never reaches a path or a key. */
export const isSha256 = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);

/** An upload's bytes are not what a document may be; `reason` is the refusal's (shared/errors.ts). */
export class FileRefused extends Error {
  constructor(
    readonly reason: 'not-a-document' | 'file-too-large',
    readonly max?: number,
  ) {
    super(reason === 'file-too-large' ? `a document is at most ${max} bytes` : 'only PDF files and PNG, JPEG or WebP images are accepted');
  }
}

/** Stages and stores at once: for the definition's files and tests, which have no cap of the meeting to check in between. */
export async function putFile(files: FileStore, body: Readable, maxBytes: number): Promise<BlobFacts> {
  return (await files.stage(body, maxBytes)).commit();
}
