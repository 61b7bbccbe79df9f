import * as Y from 'yjs';
import type { Store } from '../store/store.js';

/** A document rebuilt from its stored updates. */
export async function loadStoredDoc(store: Store, meetingId: string, docName: string): Promise<{ doc: Y.Doc; through: number; count: number; bytes: number }> {
  const stored = await store.loadDoc(meetingId, docName);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return { doc, through: stored.through, count: stored.updates.length, bytes: stored.updates.reduce((n, u) => n + u.byteLength, 0) };
}

/**
 * Replaces a document's stored log with one update. It merges what the store holds, not this
 * instance's copy: with a shared store another instance may have appended updates this copy has
 * not seen yet, and they must survive. Rebuilding a Y.Doc (rather than Y.mergeUpdates) lets Yjs
 * garbage-collect deleted text, so a document edited for two days does not keep every keystroke.
 * Returns the merged size in bytes, or null when there was nothing to merge.
 */
export async function compactStoredDoc(store: Store, meetingId: string, docName: string): Promise<number | null> {
  const { doc, through, count } = await loadStoredDoc(store, meetingId, docName);
  try {
    if (count <= 1) return null;
    const merged = Y.encodeStateAsUpdate(doc);
    await store.compactDoc(meetingId, docName, merged, through);
    return merged.byteLength;
  } finally {
    doc.destroy();
  }
}
