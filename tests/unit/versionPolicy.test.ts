import { describe, expect, it } from 'vitest';
import { VERSION_KINDS, type VersionKind } from '../../shared/notes/history.js';
import {
  autoVersionDue,
  DAY_BUCKET_MS,
  KEEP_ALL_MS,
  MAX_VERSION_BYTES_PER_DOC,
  MAX_VERSIONS_PER_DOC,
  OLD_BUCKET_MS,
  VERSION_EVERY_MS,
  versionsToDrop,
  type KeptVersion,
} from '../../shared/notes/versionPolicy.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Versions as the server would have kept them, thinning after each one taken (as takeVersion does). */
function simulate(taken: { at: number; kind: VersionKind; bytes?: number }[]): KeptVersion[] {
  let kept: KeptVersion[] = [];
  taken.forEach((v, i) => {
    kept.push({ id: `v${i}`, at: v.at, kind: v.kind, bytes: v.bytes ?? 10_000 });
    const drop = new Set(versionsToDrop(kept, v.at));
    kept = kept.filter((k) => !drop.has(k.id));
  });
  return kept;
}

describe('which versions a document keeps', () => {
  it('thins automatic versions with age: all of the last hour, one per 10 minutes for a day, one per hour before', () => {
    // Two days of editing, an automatic version every 5 minutes.
    const taken = Array.from({ length: (48 * HOUR) / VERSION_EVERY_MS }, (_, i) => ({ at: i * VERSION_EVERY_MS, kind: 'auto' as const }));
    const now = taken.at(-1)!.at;
    const kept = simulate(taken);
    const age = (v: KeptVersion) => now - v.at;
    expect(kept.filter((v) => age(v) < KEEP_ALL_MS)).toHaveLength(KEEP_ALL_MS / VERSION_EVERY_MS);
    const day = kept.filter((v) => age(v) >= KEEP_ALL_MS && age(v) < 24 * HOUR);
    expect(new Set(day.map((v) => Math.floor(v.at / DAY_BUCKET_MS))).size).toBe(day.length);
    const old = kept.filter((v) => age(v) >= 24 * HOUR);
    expect(new Set(old.map((v) => Math.floor(v.at / OLD_BUCKET_MS))).size).toBe(old.length);
    expect(old.length).toBeLessThanOrEqual(25);
    expect(kept.length).toBeLessThanOrEqual(12 + 24 * 6 + 25);
  });

  it('keeps every named, before-restore, before-wipe and day-end version while under the caps', () => {
    const taken = Array.from({ length: 100 }, (_, i) => ({ at: i * 30 * MIN, kind: VERSION_KINDS[i % VERSION_KINDS.length] }));
    const kept = simulate(taken);
    for (const kind of ['named', 'before-restore', 'before-wipe', 'day-end'] as const) {
      expect(kept.filter((v) => v.kind === kind)).toHaveLength(taken.filter((v) => v.kind === kind).length);
    }
    expect(kept.filter((v) => v.kind === 'auto').length).toBeLessThan(taken.filter((v) => v.kind === 'auto').length);
  });

  it('holds the hard caps against a flood of wipes, dropping wipes before any named version', () => {
    const named = Array.from({ length: 20 }, (_, i) => ({ at: i * MIN, kind: 'named' as const }));
    const wipes = Array.from({ length: 1000 }, (_, i) => ({ at: HOUR + i * 1000, kind: 'before-wipe' as const }));
    const kept = simulate([...named, ...wipes]);
    expect(kept).toHaveLength(MAX_VERSIONS_PER_DOC);
    expect(kept.filter((v) => v.kind === 'named')).toHaveLength(20);
    // The newest wipes stay.
    expect(kept.map((v) => v.id)).toContain(`v${20 + 999}`);

    const big = simulate(Array.from({ length: 100 }, (_, i) => ({ at: i * MIN, kind: 'named' as const, bytes: 4 * 1024 * 1024 })));
    expect(big.reduce((n, v) => n + v.bytes, 0)).toBeLessThanOrEqual(MAX_VERSION_BYTES_PER_DOC);
    expect(big.at(-1)!.id).toBe('v99');
  });

  it('never drops the newest version', () => {
    expect(versionsToDrop([{ id: 'only', at: 0, kind: 'auto', bytes: MAX_VERSION_BYTES_PER_DOC * 2 }], 10 * 24 * HOUR)).toEqual([]);
  });

  it('takes an automatic version once someone has been editing for VERSION_EVERY_MS', () => {
    expect(autoVersionDue(null, 10 * HOUR)).toBe(false);
    expect(autoVersionDue(1000, 1000 + VERSION_EVERY_MS - 1)).toBe(false);
    expect(autoVersionDue(1000, 1000 + VERSION_EVERY_MS)).toBe(true);
  });
});
