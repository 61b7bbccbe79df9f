import { describe, expect, it } from 'vitest';
import { DEFAULT_BALLOT_RULES } from '../../shared/ballots/rules.js';
import { DEFAULT_OBSERVER_RULES } from '../../shared/meeting/visibility.js';
import { migrateEvents, migrateState, NewerSchemaError, schemaOf, STEPS } from '../../shared/migrations/index.js';
import { toV2 } from '../../shared/migrations/toV2.js';
import { toV3 } from '../../shared/migrations/toV3.js';
import { toV4 } from '../../shared/migrations/toV4.js';
import { toV5 } from '../../shared/migrations/toV5.js';
import { toV6 } from '../../shared/migrations/toV6.js';
import type { Stored } from '../../shared/migrations/step.js';
import { markedByPresidium, markOf, quorum } from '../../shared/meeting/attendance.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { readManifest, readRedisDump, V3_DIR } from '../fixtures/manifest.js';
import type { Json } from '../fixtures/driver.js';

const manifest = readManifest();
const dump = readRedisDump(manifest);
/** What main stored under schema 3 (tests/fixtures/v3, written by tests/fixtures/make-v1.ts --schema 3). */
const manifestV3 = readManifest(V3_DIR);

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
      const migrated = toV2.state(state);
      expect(state, 'the input is not changed').toEqual(before);
      expect(migrated).toEqual({ ...before, schemaVersion: 2 });
      // Already current: the same object comes back.
      const current = migrateState(state);
      expect(migrateState(current)).toBe(current);
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
      expect(toV2.events(record.events as Stored[], record.at)).toEqual(record.events);
    }
    const older = [
      { type: 'attendance.marked', participantId: 'm01', status: 'present' },
      { type: 'ballot.created', ballot: { id: 'b', majority: { base: 'cast', fraction: [1, 2] } } },
      { type: 'meeting.started', at: 5 },
    ];
    expect(toV2.events(older, 1234)).toEqual([
      { type: 'attendance.marked', participantId: 'm01', status: 'present', at: 1234 },
      { type: 'ballot.created', ballot: { id: 'b', majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' } } },
      { type: 'meeting.started', at: 5 },
    ]);
    expect(migrateEvents(older, SCHEMA_VERSION, 1234)).toEqual(older);
  });

  it('take a v2 state to v3: every attendance status kept, marked as recorded before sources existed', () => {
    // What main stored under schema 2: the v1 fixture's example meeting (members present, one excused), taken to v2.
    const { state } = storedV1(manifest.redis.meetings.find((m) => m.key === 'example')!.id);
    const v2 = toV2.state(state);
    const before = deepCopy(v2);
    const v2Attendance = v2.attendance as Record<string, string>;
    expect(Object.values(v2Attendance)).toEqual(expect.arrayContaining(['present', 'excused']));
    const migrated = migrateState(v2);
    expect(v2, 'the input is not changed').toEqual(before);
    const { attendance, ...rest } = toV3.state(v2);
    const { attendance: _old, ...restBefore } = before;
    expect(rest).toEqual({ ...restBefore, schemaVersion: 3 });
    expect(attendance).toEqual(Object.fromEntries(Object.entries(v2Attendance).map(([id, status]) => [id, { status, source: 'unrecorded', by: null, at: null }])));
    // The meeting's rules read it as before: the same quorum, and the chair's absences stay the chair's.
    expect(quorum(migrated).present).toBe(Object.entries(v2Attendance).filter(([id, s]) => s === 'present' && migrated.participants.find((p) => p.id === id)?.member).length);
    for (const [id, status] of Object.entries(v2Attendance)) expect(markedByPresidium(markOf(migrated, id)), id).toBe(status !== 'present');
    // And a v1 state goes through both steps to the same place.
    expect(migrateState(state)).toEqual(migrated);
  });

  it('take v2 event records to v3: attendance marks say their source was not recorded; v1 records go through both steps', () => {
    const v2 = [
      { type: 'attendance.marked', participantId: 'm01', status: 'excused', at: 7 },
      { type: 'meeting.started', at: 5 },
    ];
    expect(migrateEvents(v2, 2, 1234)).toEqual([
      { type: 'attendance.marked', participantId: 'm01', status: 'excused', at: 7, source: 'unrecorded', by: null },
      { type: 'meeting.started', at: 5 },
    ]);
    expect(toV3.events([{ type: 'attendance.marked', participantId: 'm01', status: 'present' }], 99)).toEqual([
      { type: 'attendance.marked', participantId: 'm01', status: 'present', source: 'unrecorded', by: null },
    ]);
    expect(migrateEvents([{ type: 'attendance.marked', participantId: 'm01', status: 'present' }], 1, 99)).toEqual([
      { type: 'attendance.marked', participantId: 'm01', status: 'present', at: 99, source: 'unrecorded', by: null },
    ]);
    const { records } = storedV1(manifest.redis.meetings.find((m) => m.key === 'example')!.id);
    for (const record of records)
      for (const e of migrateEvents(record.events, 1, record.at))
        if (e.type === 'attendance.marked') expect(e).toMatchObject({ source: 'unrecorded', by: null, at: expect.any(Number) });
  });

  it('take each v3 fixture state (what main stored under schema 3) to v4: no removed items to keep, nothing else changed', () => {
    const dumpV3 = readRedisDump(manifestV3, V3_DIR);
    expect(manifestV3.schemaVersion).toBe(3);
    for (const m of manifestV3.redis.meetings) {
      const hash = dumpV3.keys.find((k) => k.key === `meeting:{${m.id}}`);
      if (hash?.type !== 'hash') throw new Error(`no meeting ${m.id} in the v3 dump`);
      const state = JSON.parse(hash.value.find(([field]) => field === 'state')![1] as string) as Stored;
      expect(state.schemaVersion, m.key).toBe(3);
      const before = deepCopy(state);
      const migrated = migrateState(state);
      expect(state, 'the input is not changed').toEqual(before);
      expect(toV4.state(state)).toEqual({ ...before, schemaVersion: 4, removedItems: [] });
      expect(migrated).toEqual(toV6.state(toV5.state(toV4.state(state))));
    }
  });

  it('take v3 event records to v4: an item.removed takes its record’s time; v1 records go through every step', () => {
    const v3 = [
      { type: 'item.removed', itemId: 'review-m14' },
      { type: 'item.removed', itemId: 'x', at: 5 },
      { type: 'meeting.started', at: 5 },
    ];
    expect(migrateEvents(v3, 3, 1234)).toEqual([
      { type: 'item.removed', itemId: 'review-m14', at: 1234 },
      { type: 'item.removed', itemId: 'x', at: 5 },
      { type: 'meeting.started', at: 5 },
    ]);
    expect(migrateEvents([{ type: 'item.removed', itemId: 'a' }], 1, 99)).toEqual([{ type: 'item.removed', itemId: 'a', at: 99 }]);
    // The v3 fixture's records come through unchanged: none of them removed an item.
    const dumpV3 = readRedisDump(manifestV3, V3_DIR);
    for (const m of manifestV3.redis.meetings) {
      const list = dumpV3.keys.find((k) => k.key === `events:{${m.id}}`);
      const records = list?.type === 'list' ? list.value.map((r) => JSON.parse(r as string) as { at: number; events: Stored[] }) : [];
      for (const record of records) expect(toV4.events(record.events, record.at)).toEqual(record.events);
    }
  });

  it('refuse data from a newer schema, and a malformed stamp, without changing it', () => {
    const newer = { ...storedV1(manifest.redis.meetings[0].id).state, schemaVersion: SCHEMA_VERSION + 1 };
    const before = deepCopy(newer);
    expect(() => migrateState(newer, 'meeting x')).toThrow(NewerSchemaError);
    expect(() => migrateState(newer, 'meeting x')).toThrow(
      `meeting x was stored by a newer version of Phòng họp (schema ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION})`,
    );
    expect(newer).toEqual(before);
    expect(() => migrateEvents([], SCHEMA_VERSION + 1, 0)).toThrow(NewerSchemaError);
    for (const bad of [0, -1, 1.5, '2', {}]) expect(() => schemaOf(bad, 'x')).toThrow(/malformed schema stamp/);
    expect(schemaOf(undefined, 'x')).toBe(1);
  });
});
