import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRefusal } from '../helpers/fuzz.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

describe('the per-connection rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 1, commandBurst: 10 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers a flood with rate-limited, changes nothing for it, and spares other connections', async () => {
    const flooder = await server.connectAs('m1');
    const answers = await Promise.all(Array.from({ length: 40 }, () => flooder.send({ type: 'queue.request', kind: 'speech' })));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    // The burst is served (and refused for the state: no meeting in session); the rest is throttled.
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('invalid-state'));
    expect(codes.filter((c) => c === 'rate-limited').length).toBeGreaterThanOrEqual(20);
    expect(codes.every((c) => c === 'invalid-state' || c === 'rate-limited')).toBe(true);
    expect(answers.every(isRefusal)).toBe(true);

    // The same person's other device has its own allowance; the flooder gets tokens back over time.
    const tablet = await server.connectAs('m1');
    expect(await tablet.send({ type: 'attendance.checkIn' })).toEqual({ ok: true, version: 1 });
    await waitFor(async () => (await flooder.send({ type: 'attendance.checkIn' })).ok, 5000, 'the flooder to be served again');
    expect((await server.store.loadMeeting(server.meeting.meetingId))!.version).toBe(1);
  });

  it('limits snapshot requests too: the observer link is public', async () => {
    const observer = await server.connectAs('obs');
    const answers = await Promise.all(Array.from({ length: 40 }, () => observer.socket.timeout(5000).emitWithAck('sync', {})));
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => !a.ok && a.error.code === 'rate-limited').length).toBeGreaterThanOrEqual(20);
  });
});
