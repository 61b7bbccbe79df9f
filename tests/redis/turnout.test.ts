import { afterEach, describe, expect, it } from 'vitest';
import type { EventBatch } from '../../shared/protocol.js';
import { connectLive, startCluster, type Cluster, type LiveClient } from '../helpers/cluster.js';
import { redisAvailable } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';

const available = await redisAvailable();
const VOTERS = ['chair', 'm1', 'm2', 'm3', 'm4'];

/**
 * A burst's turnout is held back and sent as one batch (docs/PROTOCOL.md, "Versioned state") only
 * where no other instance could send a later version first: alone on Redis, as on SQLite.
 */
describe.runIf(available)('turnout batches on Redis', () => {
  let cluster: Cluster;
  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await cluster?.stop();
  });

  async function ballotBurst(instances: number): Promise<EventBatch[]> {
    cluster = await startCluster(instances, { commandsPerSecond: 1000 });
    const connect = async (instance: number, id: string) => {
      const client = await connectLive(cluster.instances[instance].url, cluster.tokenOf(id));
      clients.push(client);
      return client;
    };
    const chair = await connect(0, 'chair');
    const observer = await connect(instances - 1, 'obs');
    const batches: EventBatch[] = [];
    observer.socket.on('events', (batch) => batches.push(batch));
    for (const id of VOTERS) expect(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'ballot.create', ballot: { id: 'b', kind: 'motion', title: 'Thông qua', closeWhenAllVoted: false } })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'ballot.open', ballotId: 'b' })).toMatchObject({ ok: true });
    const voters = [chair, ...(await Promise.all(VOTERS.slice(1).map((id) => connect(0, id))))];
    // One after another, each a version of its own, well within one turnout interval (200 ms).
    for (const voter of voters) expect(await voter.send({ type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } })).toMatchObject({ ok: true });
    const stored = (await cluster.instances[0].opened.store.loadMeeting(cluster.meeting.meetingId))!;
    await waitFor(() => observer.version === stored.version, 5000, 'the observer to hold every paper');
    expect(observer.state).toEqual(stored.state);
    expect(observer.state.ballots[0].voted).toEqual(VOTERS);
    return batches.filter((b) => b.events.some((e) => e.type === 'ballot.voted'));
  }

  it('alone on Redis, papers after the first go out together, marked with where they start', async () => {
    const turnout = await ballotBurst(1);
    expect(turnout.length).toBeLessThan(VOTERS.length);
    expect(turnout.some((b) => b.from !== undefined && b.version - b.from > 1)).toBe(true);
  });

  it('with two instances, every version is sent on its own, at once', async () => {
    const turnout = await ballotBurst(2);
    expect(turnout).toHaveLength(VOTERS.length);
    expect(turnout.every((b) => b.from === undefined)).toBe(true);
  });
});
