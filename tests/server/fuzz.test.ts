import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../server/meetings/create.js';
import { FORBIDDEN_KEYS } from '../../shared/forbiddenKeys.js';
import { COMMAND_TYPES } from '../../shared/meeting/commands.js';
import { PERMISSIONS } from '../../shared/meeting/permissions.js';
import type { StoredMeeting } from '../../server/store/store.js';
import { SAMPLES } from '../helpers/commandSamples.js';
import { testDefinition } from '../helpers/definitions.js';
import { fuzzSeed, isRefusal, mutateCommand, nested, Rng, unknownType, untyped } from '../helpers/fuzz.js';
import { accepted, expectConverged } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

const SEED = fuzzSeed();

/** `value` with `key` as an own, enumerable property, as JSON.parse makes it and JSON.stringify sends it. */
function withKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(copy, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
  return copy;
}
const ROLES = ['chair', 'sec', 'm1', 'guest', 'obs', 'screen'] as const;
const ROLE_OF = { chair: 'chair', sec: 'secretary', m1: 'member', guest: 'guest', obs: 'observer', screen: 'screen' } as const;

/** Runs `tasks` with at most `width` in flight. */
async function pool(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }),
  );
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
  afterAll(async () => {
    await server.stop();
  });

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
      if (kind < 8) {
        // A key JavaScript objects give meaning to, at the envelope, in the command or deeper (a paper's row).
        // Commands the roles may give and that would be accepted without the key, so a key dropped on the way shows.
        const base = rng.pick([
          SAMPLES['screen.show'],
          SAMPLES['queue.request'],
          SAMPLES['attendance.checkIn'],
          { type: 'ballot.vote', ballotId: 'b1', paper: { question: 'agree' } },
        ]) as Record<string, unknown>;
        const key = rng.pick(FORBIDDEN_KEYS);
        const where = rng.pick(['envelope', 'command', 'nested'] as const);
        const command =
          where === 'nested' ? { ...base, type: 'ballot.vote', ballotId: 'b1', paper: withKey({ question: 'agree' }, key) } : where === 'command' ? withKey(base, key) : base;
        const envelope = where === 'envelope' ? withKey({ meetingId, command }, key) : { meetingId, command };
        return { payload: envelope, how: `${key} key in the ${where} of ${String(command.type)}` };
      }
      if (kind < 45) {
        const { command, how } = mutateCommand(rng, sample);
        return { payload: { meetingId, command }, how: `mutated ${String(sample.type)}: ${how}` };
      }
      if (kind < 55) return { payload: rng.json(3), how: 'random JSON envelope' };
      if (kind < 63) return { payload: { meetingId, command: rng.json(2) }, how: 'random JSON command' };
      if (kind < 70) return { payload: { meetingId, command: { ...sample, type: unknownType(rng) } }, how: 'unknown type' };
      if (kind < 78)
        return { payload: { meetingId: rng.pick([otherMeetingId, rng.string(10) || 'x', 'demo', meetingId.toUpperCase() + 'x']), command: sample }, how: 'wrong meeting' };
      if (kind < 83) return { payload: { meetingId, command: sample, [rng.key() || 'extra']: rng.json(1) }, how: 'extra envelope key' };
      if (kind < 87) return { payload: { meetingId, command: { ...sample, pad: 'x'.repeat(65_536 + rng.int(800_000)) } }, how: 'over 64 KB' };
      if (kind < 90)
        return {
          payload: rng.pick([nested(100 + rng.int(1500)), { meetingId, command: nested(200) }, { meetingId, command: { ...sample, deep: nested(1000) } }]),
          how: 'deep nesting',
        };
      if (kind < 93)
        return {
          payload: rng.pick([Buffer.from(rng.string(30)), { meetingId, command: { ...sample, blob: Buffer.alloc(64) } }, { meetingId: Buffer.from(meetingId), command: sample }]),
          how: 'binary',
        };
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
        if (delivery < 5) {
          socket.emit('command', payload);
          return;
        } // no ack: nobody to answer
        const reply =
          delivery < 10
            ? socket.timeout(5000).emitWithAck('command', payload, rng.json(1)) // extra arguments
            : delivery < 13
              ? socket.timeout(5000).emitWithAck('command') // no payload at all
              : socket.timeout(5000).emitWithAck('command', payload);
        check(what, await reply.catch(() => 'no answer'));
      });
    }
    for (let i = 0; i < 150; i++) {
      const payload = rng.pick<unknown>([rng.json(2), {}, null, { version: rng.number() }, { version: 3 }, { version: -1 }, { version: 1, extra: 1 }, 'x'.repeat(70_000)]);
      tasks.push(async () => {
        sent++;
        const a = await untyped(clients[rng.pick(ROLES)])
          .timeout(5000)
          .emitWithAck('sync', payload)
          .catch(() => 'no answer');
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
        const a = await untyped(clients[rng.pick(ROLES)])
          .timeout(5000)
          .emitWithAck('time', payload)
          .catch(() => 'no answer');
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
        check(
          `event ${JSON.stringify(event)}`,
          await untyped(clients[rng.pick(ROLES)])
            .timeout(5000)
            .emitWithAck(event, payload)
            .catch(() => 'no answer'),
        );
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
