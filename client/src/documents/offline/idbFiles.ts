import type { DocumentMime } from '../../../../shared/documents/types.js';
import type { HeldFiles } from './heldFiles.js';
import type { HeldFile } from './plan.js';

const DB = 'phong-hop-documents';
interface FileRow extends HeldFile {
  sha256: string;
  mime: DocumentMime;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A quota error surfaces on the transaction, not on the request that caused it.
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('files', { keyPath: 'sha256' });
      // Chunks keyed [sha256, offset]: a key range reads one file's chunks in order.
      req.result.createObjectStore('chunks');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

const chunksOf = (sha256: string) => IDBKeyRange.bound([sha256, 0], [sha256, Number.MAX_SAFE_INTEGER]);

/**
 * The device's copy of the documents, a chunk a record, so what arrived before a Wi-Fi drop (or a
 * reload) stays and the download resumes from it.
 */
export const idbFiles: HeldFiles = {
  async list() {
    const db = await open();
    const rows = await request(db.transaction('files').objectStore('files').getAll() as IDBRequest<FileRow[]>);
    return new Map(rows.map((r) => [r.sha256, { received: r.received, complete: r.complete, pages: r.pages ?? null }]));
  },
  async append(sha256, offset, bytes, mime) {
    const db = await open();
    const tx = db.transaction(['files', 'chunks'], 'readwrite');
    const files = tx.objectStore('files');
    const row = ((await request(files.get(sha256))) as FileRow | undefined) ?? { sha256, mime, received: 0, complete: false };
    if (row.received !== offset) {
      tx.abort();
      throw new Error(`chunk at ${offset}, but ${row.received} bytes held`);
    }
    tx.objectStore('chunks').put(bytes, [sha256, offset]);
    const next = { ...row, received: offset + bytes.byteLength };
    files.put(next);
    await done(tx);
    return next.received;
  },
  async read(sha256) {
    const db = await open();
    const tx = db.transaction(['files', 'chunks']);
    const row = (await request(tx.objectStore('files').get(sha256))) as FileRow | undefined;
    if (!row) return null;
    const chunks = (await request(tx.objectStore('chunks').getAll(chunksOf(sha256)))) as ArrayBuffer[];
    return new Blob(chunks, { type: row.mime });
  },
  async markComplete(sha256, pages) {
    const db = await open();
    const tx = db.transaction('files', 'readwrite');
    const row = (await request(tx.objectStore('files').get(sha256))) as FileRow | undefined;
    if (row) tx.objectStore('files').put({ ...row, complete: true, pages });
    await done(tx);
  },
  async drop(sha256) {
    const db = await open();
    const tx = db.transaction(['files', 'chunks'], 'readwrite');
    tx.objectStore('files').delete(sha256);
    tx.objectStore('chunks').delete(chunksOf(sha256));
    await done(tx);
  },
};

/** Whether this browser can keep documents at all (private modes of some browsers have no IndexedDB). */
export const canKeepFiles = (): boolean => typeof indexedDB !== 'undefined';
