import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markOf, quorum } from '../../shared/meeting/attendance.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { statuses } from '../helpers/attendance.js';
import { accepted } from '../helpers/liveRoom.js';
import { startServer, type TestServer } from '../helpers/server.js';

/** Day one's attendance as main stored it under schema 2: statuses alone, events without a source. */
const DAY_ONE = { chair: 'present', m1: 'present', m2: 'excused', m3: 'absent' } as const;

describe('a meeting stored under schema 2 (attendance as statuses), opened after the upgrade', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    const id = server.meeting.meetingId;
    const today = (await server.store.loadMeeting(id))!.state;
    // Written below the store, as yesterday's server left the file: no connection has loaded the meeting yet.
    const db = new Database(join(server.dataDir, 'test.sqlite'));
    const v2State = { ...today, schemaVersion: 2, attendance: DAY_ONE };
    db.prepare('UPDATE meetings SET state = ?, version = ? WHERE id = ?').run(JSON.stringify(v2State), Object.keys(DAY_ONE).length, id);
    Object.entries(DAY_ONE).forEach(([participantId, status], i) => {
      const events = [{ type: 'attendance.marked', participantId, status, at: 1_000 + i }];
      db.prepare('INSERT INTO events (meeting_id, version, at, actor, events, schema) VALUES (?, ?, ?, ?, ?, 2)').run(id, i + 1, 1_000 + i, 'chair', JSON.stringify(events));
    });
    db.close();
    await server.restart();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('keeps every status, the quorum, and the chair’s marks as the chair’s', async () => {
    const chair = await server.connectAs('chair');
    expect(chair.state.schemaVersion).toBe(SCHEMA_VERSION);
    expect(statuses(chair.state.attendance)).toEqual(DAY_ONE);
    expect(markOf(chair.state, 'm2')).toEqual({ status: 'excused', source: 'unrecorded', by: null, at: null });
    expect(quorum(chair.state)).toEqual({ present: 2, members: 5, required: 4, met: false });
    // The member excused on day one opens the tablet and taps: the chair's mark stays.
    const m2 = await server.connectAs('m2', { app: true });
    expect(await m2.send({ type: 'attendance.checkIn' })).toMatchObject({ ok: false, error: { reason: 'attendance-marked' } });
    // One not marked on day one checks in as usual.
    const m4 = await server.connectAs('m4', { app: true });
    const version = accepted(await m4.send({ type: 'attendance.checkIn' }));
    await chair.waitForVersion(version);
    expect(statuses(chair.state.attendance)).toEqual({ ...DAY_ONE, m4: 'present' });
    // Day one's records read in today's shape.
    const records = await server.store.readEvents(server.meeting.meetingId);
    expect(records[1].events).toEqual([{ type: 'attendance.marked', participantId: 'm1', status: 'present', at: 1_001, source: 'unrecorded', by: null }]);
  });
});
