import { describe, expect, it } from 'vitest';
import { compactionDue, growthBudget, type CompactionRule } from '../../shared/notes/compaction.js';
import { DOC_COMPACT_EVERY, DOC_COMPACT_FLOOR_BYTES, DOC_COMPACT_GROWTH, MAX_DOC_BYTES } from '../../shared/notes/limits.js';

const KiB = 1024;
const MB = 1_000_000;
const rule: CompactionRule = { every: DOC_COMPACT_EVERY, growth: DOC_COMPACT_GROWTH, floorBytes: DOC_COMPACT_FLOOR_BYTES };

/** A measurement that records whether it was taken. */
function measured(bytes: number): { size: () => number; taken: () => number } {
  let taken = 0;
  return {
    size: () => {
      taken++;
      return bytes;
    },
    taken: () => taken,
  };
}

describe('when a document log is compacted (shared/notes/compaction.ts)', () => {
  it('after DOC_COMPACT_EVERY small updates, at the next pause in the typing, without measuring the document', () => {
    const doc = measured(2 * MB);
    expect(compactionDue({ updates: DOC_COMPACT_EVERY - 1, bytes: 30 * (DOC_COMPACT_EVERY - 1) }, doc.size, rule)).toBe('not-yet');
    expect(compactionDue({ updates: DOC_COMPACT_EVERY, bytes: 30 * DOC_COMPACT_EVERY }, doc.size, rule)).toBe('at-pause');
    // Keystrokes never come near the smallest budget, so the document is never encoded for them.
    expect(doc.taken()).toBe(0);
  });

  it('at once when the bytes appended exceed DOC_COMPACT_GROWTH times the document, however few updates brought them', () => {
    expect(growthBudget(1 * MB, rule)).toBe(DOC_COMPACT_GROWTH * MB);
    expect(compactionDue({ updates: 3, bytes: DOC_COMPACT_GROWTH * MB }, () => 1 * MB, rule)).toBe('not-yet');
    expect(compactionDue({ updates: 3, bytes: DOC_COMPACT_GROWTH * MB + 1 }, () => 1 * MB, rule)).toBe('now');
    // Over the count as well: the bytes win, there is no typing to wait for.
    expect(compactionDue({ updates: DOC_COMPACT_EVERY, bytes: DOC_COMPACT_GROWTH * MB + 1 }, () => 1 * MB, rule)).toBe('now');
  });

  it('measures a small document as DOC_COMPACT_FLOOR_BYTES, so pasting into it does not compact every time', () => {
    expect(growthBudget(0, rule)).toBe(DOC_COMPACT_GROWTH * DOC_COMPACT_FLOOR_BYTES);
    expect(growthBudget(10 * KiB, rule)).toBe(DOC_COMPACT_GROWTH * DOC_COMPACT_FLOOR_BYTES);
    const empty = measured(0);
    expect(compactionDue({ updates: 2, bytes: DOC_COMPACT_GROWTH * DOC_COMPACT_FLOOR_BYTES }, empty.size, rule)).toBe('not-yet');
    expect(empty.taken(), 'under the smallest budget nothing is measured').toBe(0);
    expect(compactionDue({ updates: 2, bytes: DOC_COMPACT_GROWTH * DOC_COMPACT_FLOOR_BYTES + 1 }, empty.size, rule)).toBe('now');
    expect(empty.taken()).toBe(1);
  });

  it("compacts the issue's cycle (3.9 MB inserted, then deleted, in separate updates) within two cycles, the log staying under 3 × MAX_DOC_BYTES", () => {
    const text = 3.9 * MB;
    let log = 0; // bytes stored
    let appended = { updates: 0, bytes: 0 };
    let size = 0; // the encoded document
    let compactions = 0;
    let peak = 0;
    const append = (bytes: number, after: number) => {
      log += bytes;
      size = after;
      appended = { updates: appended.updates + 1, bytes: appended.bytes + bytes };
      peak = Math.max(peak, log);
      if (compactionDue(appended, () => size, rule) === 'now') {
        compactions++;
        log = size;
        appended = { updates: 0, bytes: 0 };
      }
    };
    for (let cycle = 0; cycle < 8; cycle++) {
      append(text, text); // inserted
      append(20, 40); // deleted: Yjs keeps a few bytes of tombstone
    }
    expect(compactions).toBeGreaterThanOrEqual(4);
    expect(peak).toBeLessThanOrEqual(3 * MAX_DOC_BYTES);
    expect(log).toBeLessThanOrEqual(2 * text);
  });
});
