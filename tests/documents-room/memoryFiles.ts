import type { DocumentMime } from '../../shared/documents/types.js';
import type { HeldFiles } from '../../client/src/documents/offline/heldFiles.js';
import type { HeldFile } from '../../client/src/documents/offline/plan.js';

/** The device's store without IndexedDB (Node): the same contract as idbFiles, in memory. */
export function memoryFiles(opts: { quotaBytes?: number } = {}): HeldFiles & { chunks: Map<string, ArrayBuffer[]>; meta: Map<string, HeldFile & { mime: DocumentMime }> } {
  const chunks = new Map<string, ArrayBuffer[]>();
  const meta = new Map<string, HeldFile & { mime: DocumentMime }>();
  const used = () => [...meta.values()].reduce((n, m) => n + m.received, 0);
  return {
    chunks,
    meta,
    async list() {
      return new Map([...meta].map(([k, v]) => [k, { received: v.received, complete: v.complete, pages: v.pages ?? null }]));
    },
    async append(sha256, offset, bytes, mime) {
      const row = meta.get(sha256) ?? { received: 0, complete: false, mime };
      if (row.received !== offset) throw new Error(`chunk at ${offset}, but ${row.received} held`);
      if (opts.quotaBytes !== undefined && used() + bytes.byteLength > opts.quotaBytes)
        throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      chunks.set(sha256, [...(chunks.get(sha256) ?? []), bytes]);
      meta.set(sha256, { ...row, received: offset + bytes.byteLength });
      return offset + bytes.byteLength;
    },
    async read(sha256) {
      const row = meta.get(sha256);
      return row ? new Blob(chunks.get(sha256) ?? [], { type: row.mime }) : null;
    },
    async markComplete(sha256, pages) {
      const row = meta.get(sha256);
      if (row) meta.set(sha256, { ...row, complete: true, pages });
    },
    async drop(sha256) {
      meta.delete(sha256);
      chunks.delete(sha256);
    },
  };
}
