import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

describe('a rating ballot over real sockets', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  async function presentMembers(chair: TestClient) {
    for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) {
      expect(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    }
  }

  it('counts each paper once, keeps counts sealed until published, then shows them to everyone', async () => {
    const chair = await server.connectAs('chair');
    const members = await Promise.all(['m1', 'm2', 'm3', 'm4'].map((id) => server.connectAs(id)));
    const obs = await server.connectAs('obs');
    await presentMembers(chair);
    expect(await chair.send({ type: 'ballot.create', ballot: { id: 'rate-m1', kind: 'rating', title: 'Xếp loại đồng chí Một', subjects: ['m1', 'm2'] } })).toMatchObject({
      ok: true,
    });
    expect(await chair.send({ type: 'ballot.open', ballotId: 'rate-m1' })).toMatchObject({ ok: true });

    // m1 does not rate themself: a paper with their own row is refused, the right one counts.
    expect(await members[0].send({ type: 'ballot.vote', ballotId: 'rate-m1', paper: { m1: 'excellent', m2: 'good' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-paper' },
    });
    expect(await members[0].send({ type: 'ballot.vote', ballotId: 'rate-m1', paper: { m2: 'good' } })).toMatchObject({ ok: true });
    const twice = await Promise.all([1, 2].map(() => members[1].send({ type: 'ballot.vote', ballotId: 'rate-m1', paper: { m1: 'excellent' } })));
    expect(twice.filter((a) => a.ok)).toHaveLength(1);
    expect(twice.find((a) => !a.ok)).toMatchObject({ error: { code: 'already-voted' } });
    expect(await members[2].send({ type: 'ballot.vote', ballotId: 'rate-m1', paper: { m1: 'good', m2: 'completed' } })).toMatchObject({ ok: true });
    expect(await members[3].send({ type: 'ballot.vote', ballotId: 'rate-m1', paper: { m1: 'good', m2: 'good' } })).toMatchObject({ ok: true });
    const last = await chair.send({ type: 'ballot.vote', ballotId: 'rate-m1', paper: { m1: 'excellent', m2: 'good' } });
    expect(last).toMatchObject({ ok: true });

    await obs.waitForVersion((last as { version: number }).version);
    const closed = obs.state.ballots.find((b) => b.id === 'rate-m1')!;
    expect(closed.status).toBe('closed'); // every eligible voter voted
    expect(closed.voted).toEqual(['chair', 'm1', 'm2', 'm3', 'm4']);
    expect(closed.results).toBeNull();
    expect(JSON.stringify(obs.batches)).not.toContain('"counts"');

    const published = await chair.send({ type: 'ballot.publish', ballotId: 'rate-m1' });
    expect(published).toMatchObject({ ok: true });
    await obs.waitForVersion((published as { version: number }).version);
    const results = obs.state.ballots.find((b) => b.id === 'rate-m1')!.results!;
    expect(results).toMatchObject({ turnout: 5, eligible: 5, valid: true });
    expect(results.subjects.find((s) => s.subject === 'm1')).toMatchObject({ counts: { excellent: 2, good: 2, completed: 0, 'not-completed': 0 }, cast: 4, eligible: 4 });
    expect(results.subjects.find((s) => s.subject === 'm2')).toMatchObject({ counts: { excellent: 0, good: 3, completed: 1, 'not-completed': 0 }, cast: 4, eligible: 4 });
  });
});
