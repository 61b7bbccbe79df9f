import type { DocumentMime } from '../../../../shared/documents/types.js';
import type { HeldFile } from './plan.js';

/** Where the received bytes are kept: IndexedDB on the device (idbFiles.ts), memory in the tests. */
export interface HeldFiles {
  /** Every file with at least one chunk, whole or not. */
  list(): Promise<Map<string, HeldFile>>;
  /** Adds the bytes at `offset` (which must be what is held so far); returns the bytes held after. */
  append(sha256: string, offset: number, bytes: ArrayBuffer, mime: DocumentMime): Promise<number>;
  /** All the bytes held, in order, whole or not. */
  read(sha256: string): Promise<Blob | null>;
  markComplete(sha256: string, pages: number | null): Promise<void>;
  drop(sha256: string): Promise<void>;
}

/** Lowercase hex, as the store names files and sends ETags. */
export { toHex as hex } from '../../../../shared/sha256.js';

export const isQuotaError = (e: unknown): boolean => e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));
