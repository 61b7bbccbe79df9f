import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evolveAll } from '../../shared/meeting/evolve.js';
import { initialState } from '../../shared/meeting/state.js';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import { testDefinition } from '../helpers/definitions.js';
import { connectLive, startCluster, type Cluster, type LiveClient } from '../helpers/cluster.js';
import { redisAvailable } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';

const available = await redisAvailable();

/** Refusals the meeting's rules may give when two chairs act at once; anything else is a failure. */
const RULE_ERRORS = ['invalid-state', 'not-found'];

describe.runIf(available)('two instances on one Redis, commands racing', () => {
  let cluster: Cluster;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2, { commandsPerSecond: 1000 });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
  });

  async function connect(instance: number, participantId: string): Promise<LiveClient> {
    const client = await connectLive(cluster.instances[instance].url, cluster.tokenOf(participantId));
    clients.push(client);
    return client;
  }

  it('two chairs racing on two instances leave one gap-free version history every client converges to', async () => {
    const [chairA, chairB] = [await connect(0, 'chair'), await connect(1, 'chair')];
    const watchers = [await connect(0, 'obs'), await connect(1, 'obs'), await connect(1, 'screen')];
    expect(await chairA.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });

    const members = ['m1', 'm2', 'm3', 'm4'];
    const acks: Ack<CommandResult>[] = [];
    for (let round = 0; round < 50; round++) {
      const a = [{ type: 'queue.request', kind: 'speech', participantId: members[round % 4] }, { type: 'agenda.next' }, { type: 'announcement.post', text: `Thông báo A${round}` }][
        round % 3
      ];
      const b = [
        { type: 'announcement.post', text: `Thông báo B${round}` },
        { type: 'agenda.previous' },
        { type: 'queue.request', kind: 'point-of-order', participantId: members[(round + 1) % 4] },
      ][round % 3];
      acks.push(...(await Promise.all([chairA.send(a), chairB.send(b)])));
    }

    // Every command was decided: accepted, or refused by a rule of the meeting. None was lost to the race.
    for (const ack of acks) if (!ack.ok) expect(RULE_ERRORS, JSON.stringify(ack)).toContain(ack.error.code);
    const accepted = acks.filter((a): a is Extract<typeof a, { ok: true }> => a.ok);
    expect(accepted.length).toBeGreaterThan(60);

    const store = cluster.instances[0].opened.store;
    const stored = (await store.loadMeeting(cluster.meeting.meetingId))!;
    const records = await store.readEvents(cluster.meeting.meetingId);
    // One history: versions 1..n, each once, and replaying it gives exactly the stored state.
    expect(records.map((r) => r.version)).toEqual(records.map((_, i) => i + 1));
    expect(records).toHaveLength(stored.version);
    const replayed = evolveAll(
      initialState(cluster.meeting.meetingId, testDefinition()),
      records.flatMap((r) => r.events),
    );
    expect(replayed).toEqual(stored.state);
    // Each accepted command owns its version; none was acknowledged twice or left out of the log.
    const versions = accepted.map((a) => a.version).filter((v) => v > 0);
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of versions) expect(v).toBeLessThanOrEqual(stored.version);

    for (const client of [chairA, chairB, ...watchers]) {
      await waitFor(() => client.version === stored.version, 10_000, `a client at version ${stored.version} (has ${client.version})`);
      expect(client.state).toEqual(stored.state);
    }
  });

  it('a paper handed in twice at once on two instances counts once, every time', async () => {
    const voter = [await connect(0, 'm3'), await connect(1, 'm3')];
    const chair = await connect(0, 'chair');
    for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) {
      expect(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    }
    const store = cluster.instances[1].opened.store;
    for (let round = 0; round < 100; round++) {
      const ballotId = `race-${round}`;
      const ballot = { id: ballotId, kind: 'rating', title: `Phiếu thử ${round}`, subjects: ['m1', 'm2'] };
      expect(await chair.send({ type: 'ballot.create', ballot })).toMatchObject({ ok: true });
      expect(await chair.send({ type: 'ballot.open', ballotId })).toMatchObject({ ok: true });
      const paper = round % 2 === 0 ? { m1: 'excellent', m2: 'good' } : { m1: 'completed', m2: 'not-completed' };
      const twice = await Promise.all(voter.map((v) => v.send({ type: 'ballot.vote', ballotId, paper })));
      expect(
        twice.filter((a) => a.ok),
        `round ${round}: ${JSON.stringify(twice)}`,
      ).toHaveLength(1);
      expect(
        twice.find((a) => !a.ok),
        `round ${round}: ${JSON.stringify(twice)}`,
      ).toMatchObject({ error: { code: 'already-voted' } });
      const counts = await store.readCounts(cluster.meeting.meetingId, ballotId);
      expect(counts, `round ${round}`).toEqual({ [`m1/${paper.m1}`]: 1, [`m2/${paper.m2}`]: 1 });
      expect(await chair.send({ type: 'ballot.cancel', ballotId, reason: 'thử nghiệm' })).toMatchObject({ ok: true });
    }
    const stored = (await store.loadMeeting(cluster.meeting.meetingId))!;
    for (let round = 0; round < 100; round++) expect(stored.state.ballots.find((b) => b.id === `race-${round}`)!.voted).toEqual(['m3']);
  });
});
