import type { BlobFacts } from '../../shared/documents/types.js';

/**
 * What the meeting's rules need of the file store: the facts of a stored file, by its SHA-256, or
 * null when there is none such (server/files/fileStore.ts implements it).
 */
export interface BlobLookup {
  facts(sha256: string): Promise<BlobFacts | null>;
}
