import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../server/meetings/create.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { COMMAND_TYPES } from '../../shared/meeting/commands.js';
import { PERMISSIONS } from '../../shared/meeting/permissions.js';
import type { StoredMeeting } from '../../server/store/store.js';
import { SAMPLES } from '../helpers/commandSamples.js';
import { testDefinition } from '../helpers/definitions.js';
import { fuzzSeed, mutateCommand, nested, Rng, unknownType } from '../helpers/fuzz.js';
import { accepted, expectConverged } from '../helpers/liveRoom.js';
import { openRaw } from '../helpers/rawSocket.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const SEED = fuzzSeed();
const ROLES = ['chair', 'sec', 'm1', 'guest', 'obs', 'screen'] as const;
const ROLE_OF = { chair: 'chair', sec: 'secretary', m1: 'member', guest: 'guest', obs: 'observer', screen: 'screen' } as const;

function isRefusal(a: unknown): boolean {
  const r = a as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  return r !== null && typeof r === 'object' && Object.keys(r).sort().join() === 'error,ok' && r.ok === false
    && (ERROR_CODES as readonly unknown[]).includes(r.error?.code) && typeof r.error?.message === 'string';
}

/** The client socket without its event map: the fuzz sends what the map forbids. */
interface Untyped {
  emit(event: string, ...args: unknown[]): void;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}
const untyped = (c: TestClient) => c.socket as unknown as Untyped;

/** Runs `tasks` with at most `width` in flight. */
async function pool(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) await tasks[next++]();
  }));
}

describe(`fuzzing the socket API (seed ${SEED}; rerun with FUZZ_SEED=${SEED})`, () => {
  let server: TestServer;
  let clients: Record<(typeof ROLES)[number], TestClient>;
  let before: StoredMeeting;
  let otherMeetingId: string;

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (rerun with FUZZ_SEED=${SEED})`);
    server = await startServer({ commandsPerSecond: 1_000_000, commandBurst: 1_000_000 });
    otherMeetingId = (await createMeeting(server.store, testDefinition(), server.url)).meetingId;
    const list = await Promise.all(ROLES.map((id) => server.connectAs(id)));
    clients = Object.fromEntries(ROLES.map((id, i) => [id, list[i]])) as typeof clients;
    // A meeting in full swing, so that mutated commands meet real items, requests, a speech and a ballot.
    const { chair } = clients;
    for (const id of ['chair', 'm1', 'm2', 'm3']) accepted(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' }));
    accepted(await chair.send({ type: 'ballot.create', ballot: { id: 'b1', kind: 'motion', title: 'Thông qua chương trình' } }));
    accepted(await chair.send({ type: 'ballot.open', ballotId: 'b1' }));
    accepted(await chair.send({ type: 'agenda.open', itemId: 'review-m1' }));
    accepted(await clients.m1.send({ type: 'queue.request', kind: 'reply' }));
    accepted(await clients.guest.send({ type: 'queue.request', kind: 'point-of-order' }));
    accepted(await chair.send({ type: 'queue.request', kind: 'speech', participantId: 'm2' }));
    accepted(await chair.send({ type: 'queue.give' }));
    accepted(await chair.send({ type: 'announcement.post', text: 'Nghỉ giải lao 15 phút', countdownSec: 900 }));
    await expectConverged(server, Object.values(clients));
    before = (await server.store.loadMeeting(server.meeting.meetingId))!;
  });
  afterAll(async () => { await server.stop(); });

  it('at least 1,000 random and mutated payloads from every role get typed refusals and change nothing', async () => {
    const rng = new Rng(SEED);
    const meetingId = server.meeting.meetingId;
    const problems: string[] = [];
    const codes: Record<string, number> = {};
    let sent = 0;
    let answered = 0;

    const check = (what: string, answer: unknown, acceptOk?: (a: Record<string, unknown>) => boolean) => {
      answered++;
      const a = answer as Record<string, unknown>;
      if (acceptOk && a?.ok === true && acceptOk(a)) return;
      if (!isRefusal(answer)) problems.push(`${what} → ${JSON.stringify(answer)?.slice(0, 300)}`);
      else {
        const code = (a.error as { code: string }).code;
        codes[code] = (codes[code] ?? 0) + 1;
        if (code === 'internal') problems.push(`${what} → internal error`);
      }
    };

    /** A command payload that cannot be valid, from `role`, and how it was made. */
    const commandPayload = (role: (typeof ROLES)[number]): { payload: unknown; how: string } => {
      const sample = SAMPLES[rng.pick(COMMAND_TYPES)] as Record<string, unknown>;
      const kind = rng.int(100);
      if (kind < 45) {
        const { command, how } = mutateCommand(rng, sample);
        return { payload: { meetingId, command }, how: `mutated ${sample.type}: ${how}` };
      }
      if (kind < 55) return { payload: rng.json(3), how: 'random JSON envelope' };
      if (kind < 63) return { payload: { meetingId, command: rng.json(2) }, how: 'random JSON command' };
      if (kind < 70) return { payload: { meetingId, command: { ...sample, type: unknownType(rng) } }, how: 'unknown type' };
      if (kind < 78) return { payload: { meetingId: rng.pick([otherMeetingId, rng.string(10) || 'x', 'demo', meetingId.toUpperCase() + 'x']), command: sample }, how: 'wrong meeting' };
      if (kind < 83) return { payload: { meetingId, command: sample, [rng.key() || 'extra']: rng.json(1) }, how: 'extra envelope key' };
      if (kind < 87) return { payload: { meetingId, command: { ...sample, pad: 'x'.repeat(65_536 + rng.int(800_000)) } }, how: 'over 64 KB' };
      if (kind < 90) return { payload: rng.pick([nested(100 + rng.int(1500)), { meetingId, command: nested(200) }, { meetingId, command: { ...sample, deep: nested(1000) } }]), how: 'deep nesting' };
      if (kind < 93) return { payload: rng.pick([Buffer.from(rng.string(30)), { meetingId, command: { ...sample, blob: Buffer.alloc(64) } }, { meetingId: Buffer.from(meetingId), command: sample }]), how: 'binary' };
      // Well-formed, but not this role's to give: observers and screens can give none.
      const forbidden = COMMAND_TYPES.filter((t) => !PERMISSIONS[t].includes(ROLE_OF[role]));
      if (forbidden.length === 0) return { payload: { meetingId, command: { ...sample, type: unknownType(rng) } }, how: 'unknown type' };
      const type = rng.pick(forbidden);
      return { payload: { meetingId, command: SAMPLES[type] }, how: `forbidden ${type}` };
    };

    const tasks: (() => Promise<void>)[] = [];
    for (let i = 0; i < 1400; i++) {
      const role = rng.pick(ROLES);
      const { payload, how } = commandPayload(role);
      const delivery = rng.int(100);
      const socket = untyped(clients[role]);
      const what = `#${i} ${role} ${how}${delivery < 5 ? '' : delivery < 10 ? ' (extra arguments)' : delivery < 13 ? ' (no payload)' : ''}`;
      tasks.push(async () => {
        sent++;
        if (delivery < 5) { socket.emit('command', payload); return; } // no ack: nobody to answer
        const reply = delivery < 10
          ? socket.timeout(5000).emitWithAck('command', payload, rng.json(1)) // extra arguments
          : delivery < 13 ? socket.timeout(5000).emitWithAck('command') // no payload at all
            : socket.timeout(5000).emitWithAck('command', payload);
        check(what, await reply.catch(() => 'no answer'));
      });
    }
    for (let i = 0; i < 150; i++) {
      const payload = rng.pick<unknown>([rng.json(2), {}, null, { version: rng.number() }, { version: 3 }, { version: -1 }, { version: 1, extra: 1 }, 'x'.repeat(70_000)]);
      tasks.push(async () => {
        sent++;
        const a = await untyped(clients[rng.pick(ROLES)]).timeout(5000).emitWithAck('sync', payload).catch(() => 'no answer');
        check(`sync ${JSON.stringify(payload)?.slice(0, 80)}`, a, (ok) => {
          const s = ok.snapshot as { version: number; state: unknown };
          return s.version === before.version && JSON.stringify(s.state) === JSON.stringify(before.state);
        });
      });
    }
    for (let i = 0; i < 100; i++) {
      const payload = rng.pick<unknown>([rng.json(2), { sentAt: Date.now() }, { sentAt: 'now' }, { sentAt: 1, x: 2 }, null, [], { sentAt: rng.number() }]);
      tasks.push(async () => {
        sent++;
        const a = await untyped(clients[rng.pick(ROLES)]).timeout(5000).emitWithAck('time', payload).catch(() => 'no answer');
        check(`time ${JSON.stringify(payload)?.slice(0, 80)}`, a, (ok) => typeof ok.serverNow === 'number');
      });
    }
    const reserved = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];
    for (let i = 0; i < 80; i++) {
      let event = rng.pick(['commands', 'Command', 'snapshot', 'events', 'presence', 'revoked', 'sync ', 'vote', 'admin', rng.string(12)]);
      if (reserved.includes(event)) event += '!';
      const payload = rng.json(2);
      tasks.push(async () => {
        sent++;
        check(`event ${JSON.stringify(event)}`, await untyped(clients[rng.pick(ROLES)]).timeout(5000).emitWithAck(event, payload).catch(() => 'no answer'));
      });
    }
    await pool(tasks, 64);

    console.log(`fuzz: ${sent} payloads sent, ${answered} answers checked, refusals by code: ${JSON.stringify(codes)}`);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(problems).toEqual([]);

    const after = (await server.store.loadMeeting(server.meeting.meetingId))!;
    expect(after.version).toBe(before.version);
    expect(after.state).toEqual(before.state);
    expect(await server.store.readEvents(server.meeting.meetingId, before.version)).toEqual([]);
    for (const c of Object.values(clients)) {
      expect(c.socket.connected).toBe(true);
      expect(c.version).toBe(before.version);
    }
    expect(server.logs.filter((l) => JSON.parse(l).level === 'error')).toEqual([]);

    // Still serving: a valid command goes through and reaches everyone.
    expect(await clients.chair.send({ type: 'queue.extend', seconds: 30, participantId: 'guest' })).toEqual({ ok: true, version: before.version + 1 });
    await expectConverged(server, Object.values(clients));
  }, 180_000);
});

describe(`broken Socket.IO traffic (seed ${SEED})`, () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer({ commandsPerSecond: 1_000_000, commandBurst: 1_000_000 }); });
  afterAll(async () => { await server.stop(); });

  it('malformed packets cost only their own connection; answered ones are typed refusals', async () => {
    const rng = new Rng(SEED);
    const watchers = await Promise.all(['chair', 'obs'].map((id) => server.connectAs(id)));
    const meetingId = server.meeting.meetingId;
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const frames = [
      '42["command",', '42[', '42', '4', '49', '4x', '42{"a":1}', '42"command"', '42[]', '42[null]', '42[1,2,3]', '43999[1]', '6', '5', '1',
      `42${deep(100_000)}`, `421["command",{"meetingId":"${meetingId}","command":${deep(100_000)}}]`,
      `42["command",{"meetingId":"${meetingId}","command":{"type":"agenda.next","x":1}}]`, // no ack
      '451-["command",{"_placeholder":true,"num":0}]', '452-["command",{"_placeholder":true,"num":7}]',
      '42123456789012345678901234567890["command",{}]', '42/other,["command",{}]', '40/admin,{}',
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

describe('the per-connection rate limit', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer({ commandsPerSecond: 5, commandBurst: 10 }); });
  afterAll(async () => { await server.stop(); });

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
