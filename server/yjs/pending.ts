import * as Y from 'yjs';

/**
 * Yjs keeps an update it cannot integrate yet (it builds on structs the document lacks) aside in
 * `doc.store.pendingStructs` / `pendingDs` and retries it with every later update. On the server
 * such an update has been neither stored nor relayed, so it must reach nobody by another route,
 * yet `Y.encodeStateAsUpdate` adds it to what it encodes. These helpers keep it where it belongs.
 */

/** Bytes of the updates held aside. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}

/** The integrated content missing from `stateVector` (everything by default), without the pending updates. */
export function integratedUpdate(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}

/** Forgets the pending updates: they were never stored or relayed, so nobody was told of them. */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
