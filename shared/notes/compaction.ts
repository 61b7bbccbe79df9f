/**
 * When a document's stored log is merged into one update (docs/YJS.md, "Compaction"). Two reasons:
 *
 * - many updates (keystrokes): due once `every` were appended, at the next pause in the typing,
 *   because rebuilding the document holds up every relay for a moment;
 * - many bytes: due at once when the bytes appended since the last compaction exceed `growth` times
 *   the document's encoded size (at least `floorBytes`). A few big updates (a 3.9 MB text pasted,
 *   deleted, pasted again) would otherwise pile up tens of megabytes before the count is reached;
 *   they are not keystrokes, so there is no typing to wait for.
 *
 * So the log holds at most its last compaction (one encoded document, ≤ MAX_DOC_BYTES), plus
 * `growth` × max(document, floor), plus the update that crossed it (≤ MAX_DOC_MESSAGE_BYTES).
 */

export interface CompactionRule {
  /** Appended updates after which compaction is due at the next pause. */
  every: number;
  /** Appended bytes, as a multiple of the encoded document, after which compaction is due at once. */
  growth: number;
  /** The smallest document size the multiple applies to, so a small document is not compacted at every paste. */
  floorBytes: number;
}

/** What the log took in since its last compaction. */
export interface LogGrowth {
  updates: number;
  bytes: number;
}

export type CompactionDue = 'not-yet' | 'at-pause' | 'now';

/** Bytes the log may take in over a document of `encodedBytes` before compaction is due at once. */
export function growthBudget(encodedBytes: number, rule: CompactionRule): number {
  return rule.growth * Math.max(encodedBytes, rule.floorBytes);
}

/**
 * Whether compaction is due. `encodedBytes` measures the document (it encodes it, so it costs a
 * copy of the document): it is only called once the log grew past the smallest document's budget.
 */
export function compactionDue(growth: LogGrowth, encodedBytes: () => number, rule: CompactionRule): CompactionDue {
  if (growth.bytes > growthBudget(0, rule) && growth.bytes > growthBudget(encodedBytes(), rule)) return 'now';
  return growth.updates >= rule.every ? 'at-pause' : 'not-yet';
}
