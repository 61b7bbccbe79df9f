import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_SCALE } from '../../shared/ballots/scale.js';
import { addPaper, markPresent, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { seeded } from '../helpers/random.js';

const MEMBERS = committeeIds(15);
const SUBJECTS = [...MEMBERS, 'collective'];
const LEVELS = [...OFFICIAL_SCALE.map((o) => o.id), 'abstain'];

/** Each member's paper: a level (or an abstention) for every subject but themself. */
function paperOf(voter: string, random: () => number): Record<string, string> {
  return Object.fromEntries(SUBJECTS.filter((s) => s !== voter).map((s) => [s, LEVELS[Math.floor(random() * LEVELS.length)]]));
}

describe('a committee of 15 rating each other over real sockets, all at once', () => {
  let server: TestServer;
  let voters: Map<string, TestClient>;
  let watchers: TestClient[];

  beforeAll(async () => {
    server = await startServer({ definition: committeeDefinition(15), commandsPerSecond: 1000, commandBurst: 1000 });
    voters = new Map(await Promise.all(MEMBERS.map(async (id) => [id, await server.connectAs(id)] as const)));
    watchers = await Promise.all(['sec', 'guest', 'obs', 'screen'].map((id) => server.connectAs(id)));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('counts all fifteen papers exactly, shows turnout but no count while open, then the results to every role', async () => {
    const chair = voters.get(MEMBERS[0])!;
    const everyone = [...voters.values(), ...watchers];
    await markPresent(chair, MEMBERS);
    versionOf(
      await chair.send({ type: 'ballot.create', ballot: { id: 'peer', kind: 'rating', title: 'Phiếu đánh giá, xếp loại năm 2024', subjects: SUBJECTS, allowAbstain: true } }),
    );
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'peer' }));

    const random = seeded(2024);
    const papers = new Map(MEMBERS.map((id) => [id, paperOf(id, random)]));
    const expected: Record<string, number> = {};
    for (const paper of papers.values()) addPaper(expected, paper);

    // The first seven hand in their papers at the same moment.
    const first = MEMBERS.slice(0, 7);
    const firstAcks = await Promise.all(first.map((id) => voters.get(id)!.send({ type: 'ballot.vote', ballotId: 'peer', paper: papers.get(id)! })));
    expect(firstAcks.every((a) => a.ok)).toBe(true);
    const midway = Math.max(...firstAcks.map(versionOf));
    for (const client of everyone) {
      await client.waitForVersion(midway);
      const ballot = client.state.ballots.find((b) => b.id === 'peer')!;
      expect([ballot.status, ballot.voted.length, ballot.eligible.length, ballot.results]).toEqual(['open', 7, 15, null]);
      expect(ballot.voted).toEqual([...first].sort());
    }

    // The other eight at once; the last paper closes the ballot by itself.
    const rest = MEMBERS.slice(7);
    const restAcks = await Promise.all(rest.map((id) => voters.get(id)!.send({ type: 'ballot.vote', ballotId: 'peer', paper: papers.get(id)! })));
    expect(restAcks.every((a) => a.ok)).toBe(true);
    const last = Math.max(...restAcks.map(versionOf));
    for (const client of everyone) await client.waitForVersion(last);
    const closed = everyone[0].batches.flatMap((b) => b.events).find((e) => e.type === 'ballot.closed');
    expect(closed).toMatchObject({ ballotId: 'peer', reason: 'all-voted' });
    expect(await server.store.readCounts(server.meeting.meetingId, 'peer')).toEqual(expected);
    for (const client of everyone) {
      const ballot = client.state.ballots.find((b) => b.id === 'peer')!;
      expect([ballot.status, ballot.voted.length, ballot.results]).toEqual(['closed', 15, null]);
    }

    const published = versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'peer' }));
    for (const client of everyone) {
      await client.waitForVersion(published);
      const results = client.state.ballots.find((b) => b.id === 'peer')!.results!;
      expect(results).toMatchObject({ turnout: 15, eligible: 15, members: 15, valid: true, passed: null });
      for (const row of results.subjects) {
        const levels = OFFICIAL_SCALE.map((o) => row.counts[o.id]);
        expect(levels).toEqual(OFFICIAL_SCALE.map((o) => expected[`${row.subject}/${o.id}`] ?? 0));
        expect(row.abstentions).toBe(expected[`${row.subject}/abstain`] ?? 0);
        // Members do not rate themselves: 14 papers carry their row, 15 the collective's.
        expect([row.cast, row.eligible]).toEqual(row.subject === 'collective' ? [15, 15] : [14, 14]);
      }
      expect(client.state.screen).toEqual({ show: 'ballot', ballotId: 'peer' });
    }
  });
});
