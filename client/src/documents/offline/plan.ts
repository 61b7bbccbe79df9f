import { currentVersion, type DocumentMime, type MeetingDocument } from '../../../../shared/documents/types.js';

/** One file this device should keep: the current version of a document it may see. */
export interface WantedFile {
  documentId: string;
  version: number;
  sha256: string;
  bytes: number;
  mime: DocumentMime;
}

/** What this device holds of a file: bytes received so far, and whether the whole was checked. */
export interface HeldFile {
  received: number;
  complete: boolean;
  /** A whole PDF's pages, when its page tree says (pdfPages.ts). */
  pages?: number | null;
}

/** Why a file is no longer tried this session: retrying would only be refused (or fail) again. */
export type StopReason = 'auth' | 'gone' | 'corrupt' | 'quota';

/**
 * The files to keep, in reading order. Only current versions: a tablet reads the current one, and an
 * older version is the record's (the export), not the room's. A file two documents share is fetched once.
 */
export function wantedFiles(docs: readonly MeetingDocument[]): WantedFile[] {
  const seen = new Set<string>();
  const wanted: WantedFile[] = [];
  for (const doc of docs) {
    if (doc.removedAt !== null) continue;
    const v = currentVersion(doc);
    if (seen.has(v.sha256)) continue;
    seen.add(v.sha256);
    wanted.push({ documentId: doc.id, version: v.version, sha256: v.sha256, bytes: v.bytes, mime: v.mime });
  }
  return wanted;
}

/** The next file to fetch: a half-received one first (it resumes), then the first missing, skipping stopped ones. */
export function nextToFetch(wanted: readonly WantedFile[], held: ReadonlyMap<string, HeldFile>, stopped: ReadonlyMap<string, StopReason>): WantedFile | null {
  const open = wanted.filter((w) => !stopped.has(w.sha256) && !held.get(w.sha256)?.complete);
  return open.find((w) => (held.get(w.sha256)?.received ?? 0) > 0) ?? open[0] ?? null;
}

/** Held files no document of the list needs any more (removed, replaced, hidden): dropped to spare the quota. */
export function unreferenced(held: Iterable<string>, wanted: readonly WantedFile[]): string[] {
  const keep = new Set(wanted.map((w) => w.sha256));
  return [...held].filter((sha) => !keep.has(sha));
}

export interface OfflineProgress {
  /** Files whole and checked. */
  done: number;
  total: number;
  /** Bytes received of all the wanted files, in percent, rounded down (100 only when all are done). */
  percent: number;
  /** Files given up on this session, and why. */
  stopped: number;
}

export function offlineProgress(wanted: readonly WantedFile[], held: ReadonlyMap<string, HeldFile>, stopped: ReadonlyMap<string, StopReason>): OfflineProgress {
  let bytes = 0;
  let received = 0;
  let done = 0;
  for (const w of wanted) {
    const h = held.get(w.sha256);
    bytes += w.bytes;
    received += h?.complete ? w.bytes : Math.min(h?.received ?? 0, w.bytes);
    if (h?.complete) done += 1;
  }
  const all = done === wanted.length;
  const percent = bytes === 0 ? (all ? 100 : 0) : all ? 100 : Math.min(99, Math.floor((received / bytes) * 100));
  return { done, total: wanted.length, percent, stopped: wanted.filter((w) => stopped.has(w.sha256)).length };
}

/** One file's state as the list shows it. */
export type FileState = { kind: 'done' } | { kind: 'downloading'; percent: number } | { kind: 'waiting' } | { kind: 'stopped'; reason: StopReason };

export function fileState(
  file: Pick<WantedFile, 'sha256' | 'bytes'>,
  held: ReadonlyMap<string, HeldFile>,
  stopped: ReadonlyMap<string, StopReason>,
  fetching: string | null,
): FileState {
  const h = held.get(file.sha256);
  if (h?.complete) return { kind: 'done' };
  const reason = stopped.get(file.sha256);
  if (reason) return { kind: 'stopped', reason };
  if (fetching === file.sha256) return { kind: 'downloading', percent: file.bytes === 0 ? 0 : Math.min(99, Math.floor(((h?.received ?? 0) / file.bytes) * 100)) };
  return { kind: 'waiting' };
}
