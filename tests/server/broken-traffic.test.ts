import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzSeed, isRefusal, Rng, untyped } from '../helpers/fuzz.js';
import { openRaw } from '../helpers/rawSocket.js';
import { startServer, type TestServer } from '../helpers/server.js';

const SEED = fuzzSeed();

describe(`broken Socket.IO traffic (seed ${SEED})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 1_000_000, commandBurst: 1_000_000 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('malformed packets cost only their own connection; answered ones are typed refusals', async () => {
    const rng = new Rng(SEED);
    const watchers = await Promise.all(['chair', 'obs'].map((id) => server.connectAs(id)));
    const meetingId = server.meeting.meetingId;
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const frames = [
      '42["command",',
      '42[',
      '42',
      '4',
      '49',
      '4x',
      '42{"a":1}',
      '42"command"',
      '42[]',
      '42[null]',
      '42[1,2,3]',
      '43999[1]',
      '6',
      '5',
      '1',
      `42${deep(100_000)}`,
      `421["command",{"meetingId":"${meetingId}","command":${deep(100_000)}}]`,
      `42["command",{"meetingId":"${meetingId}","command":{"type":"agenda.next","x":1}}]`, // no ack
      '451-["command",{"_placeholder":true,"num":0}]',
      '452-["command",{"_placeholder":true,"num":7}]',
      '42123456789012345678901234567890["command",{}]',
      '42/other,["command",{}]',
      '40/admin,{}',
      ...Array.from({ length: 20 }, () => `4${rng.string(30)}`),
      ...Array.from({ length: 20 }, () => `421${JSON.stringify(['command', rng.json(3)])}`),
    ];
    const problems: string[] = [];
    for (const frame of frames) {
      const raw = await openRaw(server.url, server.tokenOf(rng.pick(['chair', 'm1', 'guest', 'obs'])));
      raw.frame(frame);
      // An ack for a command is proof the frame was read; without one, a valid command after it shows whether the connection lives.
      const after = await raw.emit('command', [{ meetingId, command: { type: 'queue.end', bogus: 1 } }], 2000);
      for (const r of raw.received.filter((f) => f.startsWith('43'))) {
        const args = JSON.parse(r.replace(/^43[^[]*/, '')) as unknown[];
        if (!isRefusal(args[0])) problems.push(`${frame.slice(0, 60)} → ${r.slice(0, 200)}`);
      }
      if (after !== null && !isRefusal(after[0])) problems.push(`${frame.slice(0, 60)}, then → ${JSON.stringify(after)}`);
      raw.close();
    }
    console.log(`broken traffic: ${frames.length} malformed frames`);
    expect(problems).toEqual([]);
    expect((await server.store.loadMeeting(meetingId))!.version).toBe(0);
    for (const w of watchers) expect(w.socket.connected).toBe(true);
    expect(server.logs.filter((l) => JSON.parse(l).level === 'error')).toEqual([]);
    expect(await watchers[0].send({ type: 'agenda.next' })).toEqual({ ok: true, version: 1 });
  });

  it('a message over the 1 MB transport limit closes that connection only', async () => {
    const [chair, m2] = await Promise.all([server.connectAs('chair'), server.connectAs('m2')]);
    const closed = new Promise<string>((resolve) => m2.socket.once('disconnect', resolve));
    untyped(m2).emit('command', { meetingId: server.meeting.meetingId, command: { type: 'attendance.checkIn', pad: 'x'.repeat(1_100_000) } });
    expect(await closed).toBe('transport close');
    expect(chair.socket.connected).toBe(true);
    const version = (await server.store.loadMeeting(server.meeting.meetingId))!.version;
    expect(await chair.send({ type: 'attendance.checkIn' })).toEqual({ ok: true, version: version + 1 });
  });
});
