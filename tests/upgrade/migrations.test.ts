import { describe, expect, it } from 'vitest';
import { DEFAULT_BALLOT_RULES } from '../../shared/ballots/rules.js';
import { DEFAULT_OBSERVER_RULES } from '../../shared/meeting/visibility.js';
import { migrateEvents, migrateState, NewerSchemaError, schemaOf, STEPS } from '../../shared/migrations/index.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { readManifest, readRedisDump } from '../fixtures/manifest.js';
import type { Json } from '../fixtures/driver.js';

const manifest = readManifest();
const dump = readRedisDump(manifest);

/** The states and event records exactly as schema 1 stored them (the v1 Redis dump, which is plain JSON). */
function storedV1(meetingId: string): { state: Json; records: { version: number; at: number; events: Json[] }[] } {
  const hash = dump.keys.find((k) => k.key === `meeting:{${meetingId}}`);
  const list = dump.keys.find((k) => k.key === `events:{${meetingId}}`);
  if (hash?.type !== 'hash') throw new Error(`no meeting ${meetingId} in the dump`);
  const state = hash.value.find(([field]) => field === 'state')![1] as string;
  const records = list?.type === 'list' ? list.value.map((r) => JSON.parse(r as string)) : [];
  return { state: JSON.parse(state) as Json, records };
}

const deepCopy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the schema migrations (pure functions in shared/migrations)', () => {
  it('have one step per schema after the first, in order', () => {
    expect(STEPS.map((s) => s.to)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 2));
  });

  it("take each v1 fixture state to v2: the stamp, and nothing else changed where today's fields were present", () => {
    for (const m of manifest.redis.meetings) {
      const { state } = storedV1(m.id);
      expect(state.schemaVersion).toBeUndefined();
      const before = deepCopy(state);
      const migrated = migrateState(state);
      expect(state, 'the input is not changed').toEqual(before);
      expect(migrated).toEqual({ ...before, schemaVersion: 2 });
      // Already current: the same object comes back.
      expect(migrateState(migrated)).toBe(migrated);
    }
  });

  it('fill in what older stored meetings lack with what the code read in its absence', () => {
    const { state } = storedV1(manifest.redis.meetings.find((m) => m.key === 'example')!.id);
    const older = deepCopy(state);
    for (const field of ['ballotRules', 'pins', 'notices', 'observers']) delete older[field];
    for (const b of older.ballots as { majority: Json }[]) delete b.majority.threshold;
    const migrated = migrateState(older);
    expect(migrated.ballotRules).toEqual(DEFAULT_BALLOT_RULES);
    expect(migrated.observers).toEqual(DEFAULT_OBSERVER_RULES);
    expect(migrated.pins).toEqual({});
    expect(migrated.notices).toEqual([]);
    expect(migrated.ballots.map((b) => b.majority.threshold)).toEqual(migrated.ballots.map(() => 'more-than'));
    // Results published under rules that did not exist yet stay as they were published.
    expect(migrated.ballots.map((b) => b.results)).toEqual((state.ballots as Json[]).map((b) => b.results));
  });

  it("take v1 event records to v2: ballots get their threshold, attendance marks their record's time", () => {
    const { records } = storedV1(manifest.redis.meetings.find((m) => m.key === 'example')!.id);
    expect(records.length).toBeGreaterThan(50);
    for (const record of records) {
      expect(migrateEvents(record.events, 1, record.at)).toEqual(record.events);
    }
    const older = [
      { type: 'attendance.marked', participantId: 'm01', status: 'present' },
      { type: 'ballot.created', ballot: { id: 'b', majority: { base: 'cast', fraction: [1, 2] } } },
      { type: 'meeting.started', at: 5 },
    ];
    expect(migrateEvents(older, 1, 1234)).toEqual([
      { type: 'attendance.marked', participantId: 'm01', status: 'present', at: 1234 },
      { type: 'ballot.created', ballot: { id: 'b', majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' } } },
      { type: 'meeting.started', at: 5 },
    ]);
    expect(migrateEvents(older, SCHEMA_VERSION, 1234)).toEqual(older);
  });

  it('refuse data from a newer schema, and a malformed stamp, without changing it', () => {
    const newer = { ...storedV1(manifest.redis.meetings[0].id).state, schemaVersion: SCHEMA_VERSION + 1 };
    const before = deepCopy(newer);
    expect(() => migrateState(newer, 'meeting x')).toThrow(NewerSchemaError);
    expect(() => migrateState(newer, 'meeting x')).toThrow(/meeting x was stored by a newer version of Phòng họp \(schema 3; this one knows up to 2\)/);
    expect(newer).toEqual(before);
    expect(() => migrateEvents([], SCHEMA_VERSION + 1, 0)).toThrow(NewerSchemaError);
    for (const bad of [0, -1, 1.5, '2', {}]) expect(() => schemaOf(bad, 'x')).toThrow(/malformed schema stamp/);
    expect(schemaOf(undefined, 'x')).toBe(1);
  });
});
