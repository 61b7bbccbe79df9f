import type { VersionKind } from './history.js';

/**
 * Which versions of a document are taken and which are kept (docs/YJS.md, "History"). Pure: the
 * server supplies the clock and the stored versions' metadata.
 */

/** An automatic version is taken once someone has been editing for this long since the last version. */
export const VERSION_EVERY_MS = 5 * 60_000;

/** Versions nobody may lose while they fit under the caps: named, or taken around a wipe, a restore or a day's end. */
export const KEPT_KINDS: readonly VersionKind[] = ['named', 'before-restore', 'before-wipe', 'day-end'];

/** Kinds taken only when the text differs from the newest version (the others always are: someone asked, or something is at stake). */
export const CHANGE_ONLY_KINDS: readonly VersionKind[] = ['auto', 'transition', 'day-end'];

/** Thinning of automatic and transition versions: every one younger than an hour, … */
export const KEEP_ALL_MS = 60 * 60_000;
/** …then one per 10 minutes for a day, … */
export const DAY_MS = 24 * 60 * 60_000;
export const DAY_BUCKET_MS = 10 * 60_000;
/** …then one per hour. */
export const OLD_BUCKET_MS = 60 * 60_000;

/** Hard caps per document, whatever the kinds: the newest version is always kept. */
export const MAX_VERSIONS_PER_DOC = 200;
export const MAX_VERSION_BYTES_PER_DOC = 64 * 1024 * 1024;

/** Past the caps, versions go oldest first, in this order of kinds. */
const DROP_ORDER: readonly VersionKind[] = ['auto', 'transition', 'before-wipe', 'before-restore', 'day-end', 'named'];

export interface KeptVersion {
  id: string;
  at: number;
  kind: VersionKind;
  /** Encoded size of the stored state. */
  bytes: number;
}

/**
 * The ids of the versions to delete at `now`: automatic and transition versions thinned with age
 * (all of the last hour, the newest per 10 minutes for the last day, the newest per hour before),
 * then, while the document keeps more than MAX_VERSIONS_PER_DOC versions or MAX_VERSION_BYTES_PER_DOC
 * bytes of them, the oldest by DROP_ORDER. The newest version is never dropped.
 */
export function versionsToDrop(versions: readonly KeptVersion[], now: number): string[] {
  const newestFirst = [...versions].sort((a, b) => b.at - a.at);
  const newestId = newestFirst[0]?.id;
  const drop = new Set<string>();
  const seenBuckets = new Set<string>();
  for (const v of newestFirst) {
    if (KEPT_KINDS.includes(v.kind) || v.id === newestId) continue;
    const age = now - v.at;
    if (age < KEEP_ALL_MS) continue;
    const bucket = age < DAY_MS ? `d${Math.floor(v.at / DAY_BUCKET_MS)}` : `h${Math.floor(v.at / OLD_BUCKET_MS)}`;
    // Newest first: the first one met in a bucket stays, the older ones in it go.
    if (seenBuckets.has(bucket)) drop.add(v.id);
    else seenBuckets.add(bucket);
  }
  let left = newestFirst.filter((v) => !drop.has(v.id));
  let bytes = left.reduce((n, v) => n + v.bytes, 0);
  for (const kind of DROP_ORDER) {
    for (const v of [...left].reverse()) {
      if (left.length <= MAX_VERSIONS_PER_DOC && bytes <= MAX_VERSION_BYTES_PER_DOC) return [...drop];
      if (v.kind !== kind || v.id === newestId) continue;
      drop.add(v.id);
      bytes -= v.bytes;
      left = left.filter((x) => x.id !== v.id);
    }
  }
  return [...drop];
}

/** Whether an automatic version is due: someone has been editing since `editingSince` for VERSION_EVERY_MS. */
export function autoVersionDue(editingSince: number | null, now: number): boolean {
  return editingSince !== null && now - editingSince >= VERSION_EVERY_MS;
}

/**
 * A change deleting fewer items than this is never checked as a wipe (docs/YJS.md, "History"): the
 * check measures the whole text, which every keystroke's backspace should not pay for.
 */
export const MIN_WIPE_ITEMS = 8;
