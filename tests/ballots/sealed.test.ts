import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ballot } from '../../shared/ballots/types.js';
import type { Ack, Snapshot } from '../../shared/protocol.js';
import { expectRefused, markPresent, versionOf } from '../helpers/ballots.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';

const ROLES = ['chair', 'sec', 'm1', 'm2', 'm3', 'm4', 'guest', 'obs', 'screen'];
/** Anything that would be a count: a count key ("m1/excellent") or a counts/results object. */
const COUNT_KEY = /(m1|m2|collective)\/(excellent|good|completed|not-completed)/;
const expectNoCounts = (payload: unknown, where: string) => {
  const json = JSON.stringify(payload);
  expect(json, where).not.toMatch(COUNT_KEY);
  expect(json, where).not.toContain('"counts"');
  expect(json, where).not.toContain('"increments"');
};

/**
 * While a ballot is open (and until the chair publishes it), nobody, the chair included, sees a
 * count by any path: snapshots, event batches, `sync`, the admin API or the exported record.
 * Everyone sees turnout: who has voted, out of whom.
 */
describe('sealed counts', () => {
  let server: TestServer;
  const clients = new Map<string, TestClient>();
  let atOpen: Ballot;

  const sync = async (client: TestClient) => {
    const ack = (await client.socket.timeout(5000).emitWithAck('sync', {})) as Ack<{ snapshot: Snapshot }>;
    if (!ack.ok) throw new Error(ack.error.code);
    return ack.snapshot;
  };
  const admin = async (path: string) => await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

  async function everyPath(expected: Pick<Ballot, 'status' | 'voted'>, version: number): Promise<void> {
    const late = await server.connectAs('obs');
    for (const [role, client] of [...clients, ['late observer', late] as const]) {
      await client.waitForVersion(version);
      const snapshot = await sync(client);
      for (const [path, payload] of [
        ['state', client.state],
        ['sync', snapshot],
        ['snapshot', client.snapshot],
        ['events', client.batches],
      ] as const) {
        expectNoCounts(payload, `${role}: ${path}`);
      }
      // Beyond turnout, the ballot is exactly as it was when it opened, whatever the papers said.
      const ballot = snapshot.state.ballots.find((b) => b.id === 'peer')!;
      expect(ballot).toEqual({ ...atOpen, ...expected, closedAt: ballot.closedAt });
    }
    const detail = await admin(`/api/meetings/${server.meeting.meetingId}`);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { state: unknown };
    expectNoCounts(body, 'GET /api/meetings/:id');
    expect(body.state).toEqual(clients.get('chair')!.state);
    const record = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/export?format=md`, { headers: { authorization: `Bearer ${server.tokenOf('chair')}` } });
    expect(record.status).toBe(200);
    const text = await record.text();
    expect(text).not.toMatch(COUNT_KEY);
    // Every ballot that left draft is listed, with its turnout and nothing else of its papers.
    expect(text).toContain('### Phiếu đánh giá');
    expect(text).toContain(`**Số phiếu:** ${expected.voted.length}/5`);
    expect(text).not.toMatch(/^\| (Lê Văn Một|Phạm Thị Hai|Tập thể) \|/m);
  }

  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 1000, commandBurst: 1000 });
    for (const id of ROLES) clients.set(id, await server.connectAs(id));
    const chair = clients.get('chair')!;
    await markPresent(chair, ['chair', 'm1', 'm2', 'm3', 'm4']);
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'peer', kind: 'rating', title: 'Phiếu đánh giá', subjects: ['m1', 'm2', 'collective'] } }));
    const opened = versionOf(await chair.send({ type: 'ballot.open', ballotId: 'peer' }));
    await chair.waitForVersion(opened);
    atOpen = chair.state.ballots.find((b) => b.id === 'peer')!;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('while open: turnout for everyone, no count for anyone, by any path', async () => {
    const vote = (id: string, paper: Record<string, string>) => clients.get(id)!.send({ type: 'ballot.vote', ballotId: 'peer', paper });
    versionOf(await vote('m1', { m2: 'excellent', collective: 'good' }));
    versionOf(await vote('m2', { m1: 'not-completed', collective: 'excellent' }));
    const ack = await vote('chair', { m1: 'good', m2: 'completed', collective: 'good' });
    // A vote's acknowledgement says it was counted, and nothing about what was counted.
    expect(Object.keys(ack).sort()).toEqual(['ok', 'version']);
    expectRefused(await clients.get('chair')!.send({ type: 'ballot.publish', ballotId: 'peer' }), 'invalid-state');
    await everyPath({ status: 'open', voted: ['chair', 'm1', 'm2'] }, versionOf(ack));
    for (const client of clients.values()) {
      const state = client.state.ballots.find((b) => b.id === 'peer')!;
      expect(`${state.voted.length}/${state.eligible.length}`).toBe('3/5');
    }
  });

  it('closed but not published: still sealed', async () => {
    // Closing early needs the ballot's quorum: four of five.
    versionOf(await clients.get('m3')!.send({ type: 'ballot.vote', ballotId: 'peer', paper: { m1: 'good', m2: 'good', collective: 'good' } }));
    const closed = versionOf(await clients.get('chair')!.send({ type: 'ballot.close', ballotId: 'peer' }));
    await everyPath({ status: 'closed', voted: ['chair', 'm1', 'm2', 'm3'] }, closed);
  });

  it('published: every role sees the results', async () => {
    const published = versionOf(await clients.get('chair')!.send({ type: 'ballot.publish', ballotId: 'peer' }));
    for (const [role, client] of clients) {
      await client.waitForVersion(published);
      const results = client.state.ballots.find((b) => b.id === 'peer')!.results;
      expect(results, role).toMatchObject({ turnout: 4, eligible: 5, valid: true });
      expect(results!.subjects.find((s) => s.subject === 'm1')).toMatchObject({ counts: { good: 2, 'not-completed': 1 }, cast: 3, eligible: 4 });
    }
    const text = await (
      await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/export?format=md`, { headers: { authorization: `Bearer ${server.tokenOf('chair')}` } })
    ).text();
    expect(text).toContain('Phiếu đánh giá');
  });
});
