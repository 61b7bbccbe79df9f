import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotDraftInput } from '../../shared/ballots/draft.js';
import type { Counts } from '../../shared/ballots/types.js';
import { expectRefused, markPresent, versionOf } from '../helpers/ballots.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

/**
 * Requirement 8: a paper on an unknown, draft, closed or cancelled ballot, from someone not on the
 * list, naming rows or levels the ballot does not have, or incomplete, gets a typed error and
 * counts nothing: the stored counts, the list of who voted and the meeting's version stay as they were.
 */
describe('refused papers count nothing', () => {
  let server: TestServer;
  const clients = new Map<string, TestClient>();
  const ballots = ['rate', 'draft', 'closed', 'cancelled'];
  const as = (id: string) => clients.get(id)!;

  async function storeNow(): Promise<{ version: number; counts: Record<string, Counts>; voted: Record<string, string[]> }> {
    const stored = (await server.store.loadMeeting(server.meeting.meetingId))!;
    const counts: Record<string, Counts> = {};
    for (const id of ballots) counts[id] = await server.store.readCounts(server.meeting.meetingId, id);
    return { version: stored.version, counts, voted: Object.fromEntries(stored.state.ballots.map((b) => [b.id, b.voted])) };
  }

  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 1000, commandBurst: 1000 });
    for (const id of ['chair', 'sec', 'm1', 'm2', 'm3', 'm4', 'guest', 'obs', 'screen']) clients.set(id, await server.connectAs(id));
    const chair = as('chair');
    await markPresent(chair, ['chair', 'm1', 'm2', 'm3', 'sec', 'guest']);
    const create = (ballot: BallotDraftInput) => chair.send({ type: 'ballot.create', ballot });
    versionOf(await create({ id: 'rate', kind: 'rating', title: 'Xếp loại', subjects: ['m1', 'm2', 'collective'] }));
    versionOf(await create({ id: 'draft', kind: 'motion', title: 'Chưa mở' }));
    versionOf(await create({ id: 'closed', kind: 'motion', title: 'Đã đóng' }));
    versionOf(await create({ id: 'cancelled', kind: 'motion', title: 'Đã hủy' }));
    for (const id of ['rate', 'closed', 'cancelled']) versionOf(await chair.send({ type: 'ballot.open', ballotId: id }));
    versionOf(await as('m1').send({ type: 'ballot.vote', ballotId: 'rate', paper: { m2: 'good', collective: 'good' } }));
    // Closing early needs the ballot's quorum: three of the four eligible.
    for (const id of ['m1', 'm3', 'chair']) versionOf(await as(id).send({ type: 'ballot.vote', ballotId: 'closed', paper: { question: 'agree' } }));
    versionOf(await chair.send({ type: 'ballot.close', ballotId: 'closed' }));
    versionOf(await as('m2').send({ type: 'ballot.vote', ballotId: 'cancelled', paper: { question: 'disagree' } }));
    versionOf(await chair.send({ type: 'ballot.cancel', ballotId: 'cancelled', reason: 'Biểu quyết lại theo danh sách mới' }));
  });
  afterAll(async () => {
    await server.stop();
  });

  const full = { m1: 'good', m2: 'excellent', collective: 'good' };
  const cases: [string, string, object, string][] = [
    ['an unknown ballot', 'm2', { type: 'ballot.vote', ballotId: 'nope', paper: full }, 'not-found'],
    ['a draft ballot', 'm2', { type: 'ballot.vote', ballotId: 'draft', paper: { question: 'agree' } }, 'invalid-state'],
    ['a closed ballot', 'm2', { type: 'ballot.vote', ballotId: 'closed', paper: { question: 'agree' } }, 'invalid-state'],
    ['a cancelled ballot', 'm3', { type: 'ballot.vote', ballotId: 'cancelled', paper: { question: 'agree' } }, 'invalid-state'],
    ['a member absent when it opened', 'm4', { type: 'ballot.vote', ballotId: 'rate', paper: full }, 'not-eligible'],
    ['a secretary who is not a member', 'sec', { type: 'ballot.vote', ballotId: 'rate', paper: full }, 'not-eligible'],
    ['a guest', 'guest', { type: 'ballot.vote', ballotId: 'rate', paper: full }, 'forbidden'],
    ['an observer', 'obs', { type: 'ballot.vote', ballotId: 'rate', paper: full }, 'forbidden'],
    ['the room screen', 'screen', { type: 'ballot.vote', ballotId: 'rate', paper: full }, 'forbidden'],
    ['an unknown subject', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: { ...full, m4: 'good' } }, 'invalid-paper'],
    ["one's own row", 'm2', { type: 'ballot.vote', ballotId: 'rate', paper: full }, 'invalid-paper'],
    ['an unknown level', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: { ...full, m1: 'outstanding' } }, 'invalid-paper'],
    ['an incomplete paper', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: { m1: 'good', m2: 'good' } }, 'invalid-paper'],
    ['an empty paper', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: {} }, 'invalid-paper'],
    ['an abstention the ballot does not allow', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: { ...full, m1: 'abstain' } }, 'invalid-paper'],
    ['a level that is not a string', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: { ...full, m1: 1 } }, 'invalid-payload'],
    ['a paper that is a list', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: ['good', 'good', 'good'] }, 'invalid-payload'],
    ['no paper', 'm3', { type: 'ballot.vote', ballotId: 'rate' }, 'invalid-payload'],
    ['extra fields', 'm3', { type: 'ballot.vote', ballotId: 'rate', paper: full, voterId: 'm2' }, 'invalid-payload'],
    ['a second paper', 'm1', { type: 'ballot.vote', ballotId: 'rate', paper: { m2: 'completed', collective: 'completed' } }, 'already-voted'],
  ];

  it.each(cases)('%s is refused with a typed error and changes nothing', async (_what, who, command, code) => {
    const before = await storeNow();
    expectRefused(await as(who).send(command as Record<string, unknown>), code);
    expect(await storeNow()).toEqual(before);
  });

  it('the papers that were accepted are still the only ones counted', async () => {
    const { counts, voted } = await storeNow();
    expect(counts).toEqual({ rate: { 'm2/good': 1, 'collective/good': 1 }, draft: {}, closed: { 'question/agree': 3 }, cancelled: {} });
    expect(voted).toEqual({ rate: ['m1'], draft: [], closed: ['chair', 'm1', 'm3'], cancelled: ['m2'] });
    // A valid paper from an eligible voter still counts after all those refusals.
    versionOf(await as('m3').send({ type: 'ballot.vote', ballotId: 'rate', paper: full }));
    expect(await server.store.readCounts(server.meeting.meetingId, 'rate')).toEqual({ 'm1/good': 1, 'm2/good': 1, 'm2/excellent': 1, 'collective/good': 2 });
  });
});
