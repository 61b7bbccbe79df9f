import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingDefinition } from '../../shared/definition.js';
import { expectRefused, markPresent, versionOf } from '../helpers/ballots.js';
import { testDefinition } from '../helpers/definitions.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';

/** JSON text with a key JSON.parse keeps as an own property, and object spreads may not. */
const raw = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('validation closes: calendar dates and keys JavaScript gives meaning to', () => {
  let server: TestServer;
  let chair: TestClient;
  let m1: TestClient;
  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 1000, commandBurst: 1000 });
    chair = await server.connectAs('chair');
    m1 = await server.connectAs('m1');
    await markPresent(chair, ['chair', 'm1', 'm2', 'm3']);
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'b', kind: 'motion', title: 'M' } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'b' }));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('impossible calendar dates are refused, with the path named', () => {
    for (const day of ['2025-02-30', '2025-04-31', '2025-02-29', '2025-13-01', '2025-00-10']) {
      const parsed = MeetingDefinition.safeParse({ ...testDefinition(), days: ['2025-01-02', day] });
      expect(parsed.success, day).toBe(false);
      expect(parsed.error?.issues[0].path, day).toEqual(['days', 1]);
    }
    expect(MeetingDefinition.safeParse({ ...testDefinition(), days: ['2024-02-29', '2024-12-31'] }).success).toBe(true);
  });

  it('a command with __proto__, constructor or prototype anywhere is refused and changes nothing', async () => {
    const before = (await server.store.loadMeeting(server.meeting.meetingId))!.version;
    const id = server.meeting.meetingId;
    const payloads = [
      raw(`{"meetingId":"${id}","command":{"type":"announcement.clear","__proto__":{"isAdmin":true}}}`),
      raw(`{"meetingId":"${id}","command":{"type":"screen.show","show":"notes","constructor":{"x":1}}}`),
      raw(`{"meetingId":"${id}","__proto__":{"x":1},"command":{"type":"screen.show","show":"notes"}}`),
      raw(`{"meetingId":"${id}","command":{"type":"ballot.vote","ballotId":"b","paper":{"question":"agree","__proto__":"agree"}}}`),
      raw(`{"meetingId":"${id}","command":{"type":"ballot.create","ballot":{"kind":"motion","title":"M","prototype":1}}}`),
    ];
    for (const payload of payloads) {
      const ack = await chair.socket.timeout(5000).emitWithAck('command', payload);
      expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/is not allowed/) } });
    }
    const paper = raw(`{"meetingId":"${id}","command":{"type":"ballot.vote","ballotId":"b","paper":{"question":"agree","__proto__":"x"}}}`);
    expectRefused(await m1.socket.timeout(5000).emitWithAck('command', paper), 'invalid-payload');
    expect((await server.store.loadMeeting(server.meeting.meetingId))!.version).toBe(before);
    expect(await server.store.readCounts(id, 'b')).toEqual({});
    expectRefused((await chair.socket.timeout(5000).emitWithAck('sync', raw('{"__proto__":{"version":1}}'))) as never, 'invalid-payload');
  });

  it('an HTTP body or a definition with such a key is refused with its path', async () => {
    const body = JSON.stringify(testDefinition()).replace('"participants":[{', '"participants":[{"__proto__":{"role":"chair"},');
    const res = await fetch(`${server.url}/api/meetings`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: 'participants[0].__proto__: the key "__proto__" is not allowed' } });
  });
});
