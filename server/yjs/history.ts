import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { textLength, type DocBlock, type VersionKind } from '../../shared/notes/history.js';
import { CHANGE_ONLY_KINDS, versionsToDrop } from '../../shared/notes/versionPolicy.js';
import { newId } from '../ids.js';
import type { Logger } from '../log.js';
import type { Store, StoredVersionMeta } from '../store/store.js';
import { attributedBlocks, blocksOfState } from './docBlocks.js';
import { loadStoredDoc } from './persistence.js';

/**
 * Taking, listing and thinning a document's versions (docs/YJS.md, "History"). Every version holds
 * the whole encoded document, read from the store (or handed over by the live document that is
 * about to change), so it needs nothing else to be shown or restored, on any instance.
 */

export interface HistoryDeps {
  store: Store;
  log: Logger;
  clock: () => number;
}

export interface TakeOptions {
  /** The document's encoded state; read from the store when absent. */
  state?: Uint8Array;
  label?: string | null;
  by?: string | null;
  id?: string;
}

/** What identifies a text: two versions with the same fingerprint show the same blocks. */
export const fingerprint = (blocks: readonly DocBlock[]) => createHash('sha256').update(JSON.stringify(blocks)).digest('base64url');

/** The document as the store holds it, encoded whole: everything that was ever relayed is there. */
export async function storedState(store: Store, meetingId: string, docName: string): Promise<Uint8Array> {
  const { doc } = await loadStoredDoc(store, meetingId, docName);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Takes a version of the document, unless its kind is taken only on change (CHANGE_ONLY_KINDS) and
 * the text is the newest version's (or empty with no version yet). Then thins the document's
 * versions (shared/notes/versionPolicy.ts). Answers the version stored, or null.
 */
export async function takeVersion(deps: HistoryDeps, meetingId: string, docName: string, kind: VersionKind, opts: TakeOptions = {}): Promise<StoredVersionMeta | null> {
  const state = opts.state ?? (await storedState(deps.store, meetingId, docName));
  const blocks = blocksOfState(state);
  const hash = fingerprint(blocks);
  const length = textLength(blocks);
  const before = await deps.store.listDocVersions(meetingId, docName);
  if (CHANGE_ONLY_KINDS.includes(kind) && (before.length === 0 ? length === 0 : before[0].hash === hash)) return null;
  const at = deps.clock();
  const saved = await deps.store.saveDocVersion(meetingId, docName, {
    meta: { id: opts.id ?? newId(), docName, at, kind, label: opts.label ?? null, by: opts.by ?? null, textLength: length, hash },
    state,
  });
  const drop = versionsToDrop([saved, ...before], at);
  if (drop.length > 0) await deps.store.deleteDocVersions(meetingId, docName, drop);
  deps.log.debug('document version taken', { meetingId, doc: docName, kind, bytes: saved.bytes, dropped: drop.length });
  return saved;
}

/** A stored version's metadata as the API shows it (without the store's fingerprint and size). */
export function publicMeta({ hash: _hash, bytes: _bytes, ...meta }: StoredVersionMeta) {
  return meta;
}

/** The text as the store holds it now, each run attributed to its author. */
export async function currentAttributed(store: Store, meetingId: string, docName: string) {
  const [{ doc }, authors] = await Promise.all([loadStoredDoc(store, meetingId, docName), store.loadDocAuthors(meetingId, docName)]);
  try {
    return attributedBlocks(doc, authors);
  } finally {
    doc.destroy();
  }
}
