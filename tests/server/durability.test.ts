import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { evolveAll } from '../../shared/meeting/evolve.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { EventBatch, Snapshot } from '../../shared/protocol.js';
import { accepted } from '../helpers/liveRoom.js';
import { stateForRole } from '../../shared/meeting/audience.js';
import { demoTokens, removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { connectClient, startServer, type TestClient } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/** The demo meeting (`npm start`'s) on a server process, with a chair, a member and an observer connected. */
async function demoRoom(proc: ServerProcess) {
  const tokens = demoTokens(proc.dataDir);
  const [chair, member, observer] = await Promise.all(['chair', 'member', 'observer'].map((role) => connectClient(proc.url, tokens.roleOf(role))));
  return { tokens, chair, member, observer, all: [chair, member, observer] };
}

/** A snapshot from a fresh connection to `proc`. */
async function snapshotFrom(proc: ServerProcess, token: string): Promise<Snapshot> {
  const client = await connectClient(proc.url, token);
  client.close();
  return client.snapshot;
}

describe('durability: kill -9 and restart on the same DATA_DIR', () => {
  const procs: ServerProcess[] = [];
  const clients: TestClient[] = [];
  const spawn = async (dataDir?: string, port?: number) => {
    const p = await spawnServer({ dataDir, port });
    procs.push(p);
    return p;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const p of procs) await p.kill9();
    for (const dir of new Set(procs.splice(0).map((p) => p.dataDir))) removeDataDir(dir);
  });

  it('every acknowledged command is in the snapshot after the restart, at the same version', async () => {
    const first = await spawn();
    const { tokens, chair, member, observer, all } = await demoRoom(first);
    clients.push(...all);
    const memberId = member.snapshot.you.participantId;
    const firstItem = chair.state.agenda[0].id;

    const acks = [
      await chair.send({ type: 'meeting.start' }),
      await chair.send({ type: 'agenda.open', itemId: firstItem }),
      await member.send({ type: 'attendance.checkIn' }),
      await member.send({ type: 'queue.request', kind: 'speech' }),
      await chair.send({ type: 'queue.give' }),
      await chair.send({ type: 'queue.extend', seconds: 60 }),
      await chair.send({ type: 'announcement.post', text: 'Nghỉ giải lao 15 phút', countdownSec: 900 }),
      await chair.send({ type: 'agenda.add', item: { day: 1, title: 'Thảo luận', kind: 'discussion', plannedMinutes: 20 } }),
      await chair.send({ type: 'attendance.mark', participantId: chair.snapshot.you.participantId, status: 'present' }),
      await chair.send({ type: 'queue.end' }),
      await chair.send({ type: 'queue.request', kind: 'speech', participantId: memberId }),
    ];
    const versions = acks.map(accepted);
    // The demo meeting starts at the version its definition's documents left it at.
    const start = chair.snapshot.version;
    expect(versions).toEqual(versions.map((_, i) => start + i + 1));
    await observer.waitForVersion(versions.at(-1)!);
    const seen = stateForRole('observer', chair.state);

    await first.kill9();
    const second = await spawn(first.dataDir, first.port);
    const snapshot = await snapshotFrom(second, tokens.roleOf('observer'));
    expect(snapshot.version).toBe(versions.at(-1));
    expect(snapshot.state).toEqual(seen);
    expect(snapshot.state.agenda[0].queue.speeches).toHaveLength(1);
    expect(snapshot.state.agenda[0].queue.requests.map((r) => r.participantId)).toEqual([memberId]);
  });

  it('killed in the middle of a burst: nothing acknowledged is lost, and the state is one the clients saw', async () => {
    const first = await spawn();
    const tokens = demoTokens(first.dataDir);
    // Several connections of the chair (as many as a link may hold), each with its own rate limit
    // (bursts of 60; the link's, 120).
    const chairs = await Promise.all([1, 2, 3].map(() => connectClient(first.url, tokens.roleOf('chair'))));
    const observer = await connectClient(first.url, tokens.roleOf('observer'));
    clients.push(...chairs, observer);
    const history = new Map<number, MeetingState>();
    observer.socket.on('events', () => history.set(observer.version, observer.state));

    let acked = 0;
    let maxAcked = 0;
    // Assigned in a callback, so typed by assertion: a plain annotation narrows it to null here.
    let killed = null as Promise<void> | null;
    const sends = chairs.flatMap((chair, c) =>
      Array.from({ length: 50 }, (_, i) =>
        chair.send({ type: 'announcement.post', text: `Thông báo ${c}-${i}` }).then(
          (ack) => {
            if (!ack.ok) return;
            maxAcked = Math.max(maxAcked, ack.version);
            if (++acked === 60) killed = first.kill9();
          },
          () => undefined,
        ),
      ),
    );
    await Promise.all(sends);
    await killed;
    expect(acked).toBeGreaterThanOrEqual(60);

    const second = await spawn(first.dataDir, first.port);
    const snapshot = await snapshotFrom(second, tokens.roleOf('observer'));
    console.log(`burst: ${acked} of 150 acknowledged, highest acknowledged version ${maxAcked}, restored at ${snapshot.version}`);
    expect(snapshot.version).toBeGreaterThanOrEqual(maxAcked);
    // Committed but not yet broadcast when the process died is possible; anything broadcast is exact.
    if (history.has(snapshot.version)) expect(snapshot.state).toEqual(history.get(snapshot.version));
    expect(snapshot.state.announcement?.text).toMatch(/^Thông báo \d-\d+$/);
  });

  it('a client that reconnects after the restart gets a fresh snapshot by itself', async () => {
    const first = await spawn();
    const { tokens, chair } = await demoRoom(first);
    clients.push(chair);
    // A socket.io-client that reconnects on its own, as the browser's does.
    const tablet = io(first.url, { auth: { token: tokens.roleOf('member') }, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 });
    const copy = { snapshots: 0, version: -1, state: null as MeetingState | null };
    tablet.on('snapshot', (s) => {
      copy.snapshots++;
      copy.version = s.version;
      copy.state = s.state;
    });
    tablet.on('events', (b) => {
      if (copy.state && b.version === copy.version + 1) {
        copy.state = evolveAll(copy.state, b.events);
        copy.version = b.version;
      }
    });
    try {
      await waitFor(() => copy.snapshots === 1, 5000, 'the first snapshot');
      accepted(await chair.send({ type: 'meeting.start' }));
      await first.kill9();
      const second = await spawn(first.dataDir, first.port);
      const chair2 = await connectClient(second.url, tokens.roleOf('chair'));
      clients.push(chair2);
      const version = accepted(await chair2.send({ type: 'announcement.post', text: 'Tiếp tục phiên họp' }));
      await waitFor(() => copy.version === version, 15_000, 'the tablet to catch up');
      expect(copy.snapshots).toBeGreaterThanOrEqual(2);
      await chair2.waitForVersion(version);
      // The member's copy is the room's: without the presidium's documents.
      expect(copy.state).toEqual(stateForRole('member', chair2.state));
    } finally {
      tablet.close();
    }
  }, 60_000);
});

describe('resynchronising', () => {
  it('a client that reconnects gets a snapshot with what it missed', async () => {
    const server = await startServer();
    try {
      const [chair, m1] = await Promise.all([server.connectAs('chair'), server.connectAs('m1')]);
      m1.socket.disconnect();
      accepted(await chair.send({ type: 'agenda.open', itemId: 'open' }));
      accepted(await chair.send({ type: 'queue.give', participantId: 'm2' }));
      m1.socket.connect();
      await m1.waitForVersion(2);
      expect(m1.snapshot.version).toBe(2);
      expect(m1.state).toEqual(chair.state);
    } finally {
      await server.stop();
    }
  });

  it('a client that misses a batch notices the gap and resyncs with sync', async () => {
    const server = await startServer();
    const tablet = io(server.url, { auth: { token: server.tokenOf('m1') }, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      // The client's rules (docs/PROTOCOL.md): ignore old batches, ask for a snapshot on a gap,
      // and hold what arrives meanwhile.
      const copy = { version: -1, state: null as MeetingState | null, dropped: 0, resyncs: 0 };
      let held: EventBatch[] | null = null;
      const apply = (batch: EventBatch) => {
        if (batch.version <= copy.version || !copy.state) return;
        if (copy.dropped === 0) {
          copy.dropped++;
          return;
        } // lost on the way
        if (batch.version === copy.version + 1) {
          copy.state = evolveAll(copy.state, batch.events);
          copy.version = batch.version;
          return;
        }
        copy.resyncs++;
        held = [batch];
        void tablet
          .timeout(5000)
          .emitWithAck('sync', { version: copy.version })
          .then((reply) => {
            if (reply.ok) {
              copy.version = reply.snapshot.version;
              copy.state = reply.snapshot.state;
            }
            const waiting = held ?? [];
            held = null;
            waiting.forEach(apply);
          });
      };
      tablet.on('snapshot', (s) => {
        copy.version = s.version;
        copy.state = s.state;
      });
      tablet.on('events', (batch) => (held ? held.push(batch) : apply(batch)));
      const chair = await server.connectAs('chair');
      await waitFor(() => copy.state !== null, 5000, 'the first snapshot');
      accepted(await chair.send({ type: 'meeting.start' }));
      accepted(await chair.send({ type: 'agenda.open', itemId: 'open' }));
      const version = accepted(await chair.send({ type: 'announcement.post', text: 'Xin chào' }));
      await waitFor(() => copy.version === version, 5000, 'the tablet to resync');
      expect(copy).toMatchObject({ dropped: 1, resyncs: 1 });
      await chair.waitForVersion(version);
      expect(copy.state).toEqual(chair.state);
    } finally {
      tablet.close();
      await server.stop();
    }
  });
});
