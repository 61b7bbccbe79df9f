import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDefinition } from '../../shared/definition.js';
import { OwnSelfAssessment } from '../../shared/review/selfAssessmentWire.js';
import { expectRefused, markPresent, versionOf } from '../helpers/ballots.js';
import { connectLive, startCluster, type Cluster, type LiveClient } from '../helpers/cluster.js';
import { testDefinition } from '../helpers/definitions.js';
import { REDIS_URL, redisAvailable } from '../helpers/redis.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';

/** Words only m1's self-review holds: wherever they turn up, the content went there. */
const SECRET = 'Khuyết điểm riêng của đồng chí Một';
const M1 = {
  type: 'review.submitSelf',
  level: 'good',
  scores: { 'politics-ethics': 26, results: 60 },
  exceededShare: 10,
  text: `Ưu điểm: hoàn thành các nhiệm vụ được giao.\n\n${SECRET}: chậm báo cáo.`,
} as const;
const M2 = { ...M1, level: 'completed', scores: { 'politics-ethics': 20, results: 45 }, text: 'Bản tự kiểm điểm của đồng chí Hai.' } as const;

async function ownAssessment(url: string, meetingId: string, token: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/api/meetings/${meetingId}/self-assessment`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

/** Everything a client has seen of the meeting: its snapshot, its state now and every batch. */
const seen = (c: TestClient) => JSON.stringify([c.snapshot, c.state, c.batches]);

describe('self-assessment over the real server (SQLite)', () => {
  let server: TestServer;
  let clients: Record<string, TestClient>;
  const own = (who: string) => ownAssessment(server.url, server.meeting.meetingId, server.tokenOf(who));

  beforeAll(async () => {
    server = await startServer();
    clients = Object.fromEntries(await Promise.all(['chair', 'sec', 'm1', 'm2', 'm3', 'm4', 'obs', 'screen'].map(async (id) => [id, await server.connectAs(id)] as const)));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a member hands in their own; the events say only that they did; the form is theirs to read back', async () => {
    expect(OwnSelfAssessment.parse((await own('m1')).body)).toEqual({ assessment: null, disclosed: false });
    const version = versionOf(await clients.m1.send(M1));
    for (const c of Object.values(clients)) await c.waitForVersion(version);
    expect(clients.chair.state.selfAssessed).toEqual({ m1: expect.any(Number) });
    expect(clients.chair.batches.at(-1)?.events).toEqual([{ type: 'review.selfSubmitted', participantId: 'm1', at: clients.chair.state.selfAssessed.m1 }]);
    const mine = OwnSelfAssessment.parse((await own('m1')).body);
    expect(mine).toEqual({
      assessment: { level: 'good', scores: M1.scores, exceededShare: 10, text: M1.text, submittedAt: clients.chair.state.selfAssessed.m1 },
      disclosed: false,
    });
  });

  it('refuses one for someone else, and a level above what the score allows, naming the level it allows', async () => {
    expectRefused(await clients.m2.send({ ...M1, participantId: 'm1' } as Record<string, unknown>), 'invalid-payload');
    const above = await clients.m1.send({ ...M1, level: 'excellent' });
    expect(above).toMatchObject({ ok: false, error: { code: 'invalid-state', reason: 'self-level-above-score', detail: { allowed: 1, total: 86 } } });
    expectRefused(await clients.sec.send(M1), 'forbidden');
    expectRefused(await clients.obs.send(M1), 'forbidden');
    expect(OwnSelfAssessment.parse((await own('m1')).body).assessment?.level).toBe('good');
  });

  it('nobody else reads it before it is disclosed: not by HTTP, the state, the events or the export', async () => {
    for (const who of ['chair', 'm2']) expect(OwnSelfAssessment.parse((await own(who)).body)).toEqual({ assessment: null, disclosed: false });
    for (const who of ['sec', 'obs', 'screen']) expect((await own(who)).status, who).toBe(403);
    expect((await ownAssessment(server.url, server.meeting.meetingId, 'not-a-token')).status).toBe(401);
    for (const [who, c] of Object.entries(clients)) expect(seen(c), who).not.toContain(SECRET);
    for (const token of [server.tokenOf('chair'), ADMIN_TOKEN]) {
      const md = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/export?format=md`, { headers: { authorization: `Bearer ${token}` } });
      expect(md.status).toBe(200);
      expect(await md.text()).not.toContain(SECRET);
    }
    const events = JSON.stringify(await server.store.readEvents(server.meeting.meetingId));
    expect(events).not.toContain(SECRET);
    expect(JSON.stringify((await server.store.loadMeeting(server.meeting.meetingId))?.state)).not.toContain(SECRET);
  });

  it("is disclosed to the body when the member's review item starts, and stays as it was", async () => {
    const version = versionOf(await clients.chair.send({ type: 'agenda.open', itemId: 'review-m1' }));
    for (const c of Object.values(clients)) await c.waitForVersion(version);
    const disclosed = clients.chair.batches.at(-1)?.events.find((e) => e.type === 'review.disclosed');
    expect(disclosed).toMatchObject({ participantId: 'm1', assessment: { level: 'good', text: M1.text } });
    for (const who of ['chair', 'sec', 'm2', 'screen', 'obs']) expect(clients[who].state.disclosed.m1?.text, who).toBe(M1.text);
    expect(OwnSelfAssessment.parse((await own('m1')).body).disclosed).toBe(true);
    expect(await clients.m1.send({ ...M1, level: 'completed' })).toMatchObject({ ok: false, error: { reason: 'self-assessment-disclosed' } });
  });

  it('survives a restart, and is disclosed when a rating naming the member opens', async () => {
    versionOf(await clients.m2.send(M2));
    for (const c of Object.values(clients)) c.close();
    await server.restart();
    expect(OwnSelfAssessment.parse((await own('m2')).body).assessment?.text).toBe(M2.text);
    const chair = await server.connectAs('chair');
    const m3 = await server.connectAs('m3');
    await markPresent(chair, ['chair', 'm1', 'm2', 'm3', 'm4']);
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'r1', kind: 'rating', title: 'Xếp loại cá nhân', subjects: ['m1', 'm2', 'm3'] } }));
    const version = versionOf(await chair.send({ type: 'ballot.open', ballotId: 'r1' }));
    await m3.waitForVersion(version);
    const disclosures = m3.batches.flatMap((b) => b.events).filter((e) => e.type === 'review.disclosed');
    // m1's was disclosed with their item already; m3 handed none in.
    expect(disclosures.map((e) => e.type === 'review.disclosed' && [e.participantId, e.assessment.level])).toEqual([['m2', 'completed']]);
    expect(Object.keys(m3.state.disclosed).sort()).toEqual(['m1', 'm2']);
  });
});

describe("the public link shows disclosed self-assessments only where it shows individuals' ratings", () => {
  for (const [ratings, shown] of [
    ['none', false],
    ['collective', false],
    ['all', true],
  ] as const) {
    it(`ratings: '${ratings}'`, async () => {
      const server = await startServer({ definition: testDefinition({ observers: { notes: false, ratings } }) });
      try {
        const [chair, m1, obs] = await Promise.all(['chair', 'm1', 'obs'].map((id) => server.connectAs(id)));
        versionOf(await m1.send(M1));
        const version = versionOf(await chair.send({ type: 'agenda.open', itemId: 'review-m1' }));
        await obs.waitForVersion(version);
        expect(chair.state.disclosed.m1?.text).toBe(M1.text);
        expect(seen(obs).includes(SECRET)).toBe(shown);
        expect(Object.keys(obs.state.disclosed)).toEqual(shown ? ['m1'] : []);
        // A fresh connection's snapshot follows the same rule.
        const late = await server.connectAs('obs');
        expect(Object.keys(late.state.disclosed)).toEqual(shown ? ['m1'] : []);
      } finally {
        await server.stop();
      }
    });
  }
});

const available = await redisAvailable();

describe.runIf(available)('self-assessment on Redis, two instances', () => {
  let cluster: Cluster;
  const clients: LiveClient[] = [];
  const definition: MeetingDefinition = testDefinition();

  beforeAll(async () => {
    cluster = await startCluster(2, { definition });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster.stop();
  });

  it('handed in on one instance, read back and disclosed on the other', async () => {
    const [a, b] = cluster.instances;
    const m1 = await connectLive(a.url, cluster.tokenOf('m1'));
    const chair = await connectLive(b.url, cluster.tokenOf('chair'));
    clients.push(m1, chair);
    const submitted = versionOf(await m1.send(M1));
    const own = OwnSelfAssessment.parse((await ownAssessment(b.url, cluster.meeting.meetingId, cluster.tokenOf('m1'))).body);
    expect(own).toMatchObject({ assessment: { text: M1.text }, disclosed: false });
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.hkeys(`${cluster.prefix}selfassess:{${cluster.meeting.meetingId}}`)).toEqual(['m1']);
    } finally {
      redis.disconnect();
    }
    await chair.waitForVersion(submitted);
    expect(JSON.stringify(chair.state)).not.toContain(SECRET);
    const opened = versionOf(await chair.send({ type: 'agenda.open', itemId: 'review-m1' }));
    await m1.waitForVersion(opened);
    expect(m1.state.disclosed.m1?.text).toBe(M1.text);
    expect(OwnSelfAssessment.parse((await ownAssessment(a.url, cluster.meeting.meetingId, cluster.tokenOf('m1'))).body).disclosed).toBe(true);
  });
});
