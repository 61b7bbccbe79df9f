import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSnapshot, readCached, saveSnapshot, type CachedSnapshot } from '../../client/src/live/snapshotCache.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { toV5 } from '../../shared/migrations/toV5.js';
import { NewerSchemaError } from '../../shared/migrations/index.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { readManifest, readRedisDump } from '../fixtures/manifest.js';

const manifest = readManifest();
const example = manifest.redis.meetings.find((m) => m.key === 'example')!;

/** The example meeting's state exactly as yesterday's server held it, and so sent it to tablets. */
function v1State(): MeetingState {
  const hash = readRedisDump(manifest).keys.find((k) => k.key === `meeting:{${example.id}}`);
  if (hash?.type !== 'hash') throw new Error('no example meeting in the dump');
  return JSON.parse(hash.value.find(([f]) => f === 'state')![1] as string) as MeetingState;
}

/** What yesterday's app kept in localStorage: the snapshot and the clock offset, no stamp. */
function yesterdaysCopy(): CachedSnapshot {
  return {
    snapshot: {
      meetingId: example.id,
      version: example.version,
      state: v1State(),
      you: { participantId: 'm01', name: 'Phạm Quốc Hưng', role: 'member' },
      serverNow: 1_735_180_000_000,
      joinUrl: null,
    },
    offsetMs: -120,
  };
}

/** localStorage as a browser has it, for the cache code running here. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      items.set(k, String(v));
    },
    removeItem: (k) => {
      items.delete(k);
    },
    clear: () => items.clear(),
  };
}

describe('the device copy of the meeting (client/src/live/snapshotCache.ts)', () => {
  const token = example.tokens.m01;
  let storage: Storage;

  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  /** The storage key the cache uses for `token` (a hash of it), found by saving once. */
  function keyFor(): string {
    saveSnapshot(token, yesterdaysCopy());
    return storage.key(0)!;
  }

  it("migrates a copy yesterday's app kept to today's schema", () => {
    const key = keyFor();
    storage.setItem(key, JSON.stringify(yesterdaysCopy()));
    const loaded = loadSnapshot(token)!;
    expect(loaded.snapshot.state.schemaVersion).toBe(SCHEMA_VERSION);
    // Schema 3 keeps each status of yesterday's attendance, its source unrecorded.
    const unrecorded = Object.fromEntries(
      Object.entries(v1State().attendance as unknown as Record<string, string>).map(([id, status]) => [id, { status, source: 'unrecorded', by: null, at: null }]),
    );
    // Schema 4 keeps removed items; a copy from before had none to keep.
    // Schema 5 adds the review, empty, and the ballots' confirmations; schema 6 the documents, none.
    const review = toV5.state({}) as Record<string, unknown>;
    const ballots = (v1State().ballots as unknown as Record<string, unknown>[]).map((b) => ({ ...b, levelRule: null, confirmations: [] }));
    expect(loaded.snapshot.state).toEqual({
      ...v1State(),
      schemaVersion: SCHEMA_VERSION,
      attendance: unrecorded,
      removedItems: [],
      ballots,
      reviewRules: review.reviewRules,
      selfAssessed: {},
      disclosed: {},
      committee: null,
      record: review.record,
      documents: [],
    });
    expect(loaded.offsetMs).toBe(-120);
    expect(loaded.snapshot.you.participantId).toBe('m01');
    // An older copy still, whose state lacks the fields added since: they are filled in.
    const older = yesterdaysCopy();
    delete (older.snapshot.state as Partial<MeetingState>).notices;
    delete (older.snapshot.state as Partial<MeetingState>).observers;
    const migrated = readCached(older)!;
    expect(migrated.snapshot.state.notices).toEqual([]);
    expect(migrated.snapshot.state.observers).toMatchObject({ notes: false, ratings: 'collective' });
  });

  it('stamps what it saves, and reads it back as it was', () => {
    const current = readCached(yesterdaysCopy())!;
    saveSnapshot(token, current);
    expect(JSON.parse(storage.getItem(storage.key(0)!)!).schema).toBe(SCHEMA_VERSION);
    expect(loadSnapshot(token)).toEqual(current);
  });

  it('leaves alone a copy a newer app kept: not shown, not rewritten', () => {
    const key = keyFor();
    const newer = JSON.stringify({ ...yesterdaysCopy(), schema: SCHEMA_VERSION + 1 });
    storage.setItem(key, newer);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(loadSnapshot(token)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('newer version of Phòng họp'));
    expect(storage.getItem(key)).toBe(newer);
    expect(() => readCached(JSON.parse(newer))).toThrow(NewerSchemaError);
    const newerState = yesterdaysCopy();
    newerState.snapshot.state = { ...newerState.snapshot.state, schemaVersion: SCHEMA_VERSION + 1 };
    expect(() => readCached(newerState)).toThrow(NewerSchemaError);
  });
});
