import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Command } from '../../shared/meeting/commands.js';
import type { Actor } from '../../shared/meeting/permissions.js';
import { initialState } from '../../shared/meeting/state.js';
import type { Ack, CommandResult, EventBatch } from '../../shared/protocol.js';
import { createLogger } from '../../server/log.js';
import { MeetingRoom } from '../../server/realtime/room.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { expectRefused, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';

const VOTERS = committeeIds(12).slice(1);
/** Longer than the room's 200 ms, so that a test can be sure two commits fall within one interval. */
const TURNOUT_MS = 1500;
const CHAIR: Actor = { participantId: 'u00', role: 'chair' };
const member = (id: string): Actor => ({ participantId: id, role: 'member' });
const vote = (answer: string, ballotId = 'b'): Command => ({ type: 'ballot.vote', ballotId, paper: { question: answer } });

/**
 * Papers that reach a meeting while it is busy are decided one by one, in arrival order, and
 * committed together as one version: one store write and one broadcast for the whole group.
 */
describe('papers arriving together share one commit', () => {
  let store: SqliteStore;
  let room: MeetingRoom;
  let published: EventBatch[];

  beforeEach(async () => {
    const definition = committeeDefinition(12);
    store = new SqliteStore(':memory:');
    await store.createMeeting({ id: 'mtg', createdAt: 1, definition, state: initialState('mtg', definition), tokens: [] });
    const stored = (await store.loadMeeting('mtg'))!;
    published = [];
    room = new MeetingRoom('mtg', stored.state, stored.version, {
      store,
      log: createLogger('silent'),
      publish: (batch) => published.push(batch),
      beforeCommit: async () => ({}),
      turnoutEveryMs: TURNOUT_MS,
    });
    for (const id of ['u00', ...VOTERS]) versionOf(await room.execute(CHAIR, { type: 'attendance.mark', participantId: id, status: 'present' }));
    await open('b');
    published = [];
  });
  afterEach(async () => {
    room.dispose();
    await store.close();
  });

  async function open(ballotId: string, closeWhenAllVoted = false): Promise<number> {
    versionOf(await room.execute(CHAIR, Command.parse({ type: 'ballot.create', ballot: { id: ballotId, kind: 'motion', title: `Biểu quyết ${ballotId}`, closeWhenAllVoted } })));
    return versionOf(await room.execute(CHAIR, { type: 'ballot.open', ballotId }));
  }

  it('counts every paper once, acknowledges them all with one version and broadcasts one batch', async () => {
    const before = room.current().version;
    const acks = await Promise.all(VOTERS.map((id, i) => room.execute(member(id), vote(i % 3 ? 'agree' : 'disagree'))));
    expect(acks).toEqual(VOTERS.map(() => ({ ok: true, version: before + 1 })));
    // The acknowledgements go out first; the turnout follows on the next turn of the event loop.
    expect(published).toEqual([]);
    await vi.waitFor(() => expect(published).toHaveLength(1));
    // One event names every voter of the group, in arrival order.
    expect(published).toEqual([{ version: before + 1, events: [{ type: 'ballot.voted', ballotId: 'b', voterIds: VOTERS }] }]);
    expect(await store.readCounts('mtg', 'b')).toEqual({ 'question/agree': 7, 'question/disagree': 4 });
    const stored = (await store.loadMeeting('mtg'))!;
    expect(stored.version).toBe(before + 1);
    expect(stored.state).toEqual(room.current().state);
    expect(stored.state.ballots[0].voted).toEqual(VOTERS);
    // The whole group is one row of the event log, with no actor.
    expect(await store.readEvents('mtg', before)).toEqual([
      { version: before + 1, at: expect.any(Number), actor: null, events: [{ type: 'ballot.voted', ballotId: 'b', voterIds: VOTERS }] },
    ]);
  });

  it('refuses the papers that may not count and counts the others in the same version', async () => {
    const before = room.current().version;
    const [first, twice, outsider, invalid, other] = await Promise.all([
      room.execute(member('u01'), vote('agree')),
      room.execute(member('u01'), vote('disagree')),
      room.execute({ participantId: 'guest', role: 'guest' }, vote('agree')),
      room.execute(member('u02'), vote('maybe')),
      room.execute(member('u03'), vote('abstain')),
    ]);
    expect(first).toEqual({ ok: true, version: before + 1 });
    expectRefused(twice, 'already-voted');
    expect(outsider.ok).toBe(false);
    expectRefused(invalid, 'invalid-paper');
    expect(other).toEqual({ ok: true, version: before + 1 });
    expect(await store.readCounts('mtg', 'b')).toEqual({ 'question/agree': 1, 'question/abstain': 1 });
    expect(room.current().state.ballots[0].voted).toEqual(['u01', 'u03']);
  });

  it('a paper that arrives after the chair\'s "close" is refused, not slipped in ahead of it', async () => {
    // Closing early needs the ballot's quorum (two thirds of twelve): seven papers before, the eighth in the race.
    for (const id of VOTERS.slice(2, 9)) versionOf(await room.execute(member(id), vote('agree')));
    const early = room.execute(member('u01'), vote('agree'));
    const close = room.execute(CHAIR, { type: 'ballot.close', ballotId: 'b' });
    const late = room.execute(member('u02'), vote('agree'));
    const [earlyAck, closeAck, lateAck] = await Promise.all([early, close, late]);
    expect(versionOf(closeAck)).toBe(versionOf(earlyAck) + 1);
    expectRefused(lateAck, 'invalid-state');
    expect(await store.readCounts('mtg', 'b')).toEqual({ 'question/agree': 8 });
  });

  it('the last eligible paper closes the ballot inside the group; papers for two ballots share the commit', async () => {
    await open('all', true);
    published = [];
    const acks = await Promise.all([
      ...VOTERS.map((id) => room.execute(member(id), vote('agree', 'all'))),
      room.execute(CHAIR, vote('disagree', 'all')),
      room.execute(member('u05'), vote('agree', 'b')),
    ]);
    expect(new Set(acks.map(versionOf)).size).toBe(1);
    await vi.waitFor(() => expect(published).toHaveLength(1));
    const events = published.flatMap((b) => b.events);
    expect(events.filter((e) => e.type === 'ballot.closed')).toEqual([expect.objectContaining({ ballotId: 'all', reason: 'all-voted' })]);
    expect(await store.readCounts('mtg', 'all')).toEqual({ 'question/agree': VOTERS.length, 'question/disagree': 1 });
    expect(await store.readCounts('mtg', 'b')).toEqual({ 'question/agree': 1 });
  });

  it('when the store fails, every paper of the group fails and nothing is counted', async () => {
    const failing = Object.assign(Object.create(store) as SqliteStore, {
      commit: async () => {
        throw new Error('disk full');
      },
    });
    const stored = room.current();
    const broken = new MeetingRoom('mtg', stored.state, stored.version, {
      store: failing,
      log: createLogger('silent'),
      publish: (batch) => published.push(batch),
      beforeCommit: async () => ({}),
    });
    const outcomes = await Promise.allSettled(VOTERS.slice(0, 4).map((id) => broken.execute(member(id), vote('agree'))));
    broken.dispose();
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(published).toEqual([]);
    expect(await store.readCounts('mtg', 'b')).toEqual({});
    // The room that failed kept its copy as it was: a later paper is decided against the stored state.
    expect(broken.current().version).toBe(stored.version);
  });

  it('gives every paper its answer in arrival order, group after group', async () => {
    const answered: string[] = [];
    const send = (id: string) =>
      room.execute(member(id), vote('agree')).then((ack: Ack<CommandResult>) => {
        answered.push(id);
        return ack;
      });
    const first = VOTERS.slice(0, 5).map(send);
    await Promise.all(first);
    const second = VOTERS.slice(5).map(send);
    const versions = (await Promise.all([...first, ...second])).map(versionOf);
    expect(answered).toEqual(VOTERS);
    expect(new Set(versions.slice(0, 5)).size).toBe(1);
    expect(new Set(versions.slice(5)).size).toBe(1);
    expect(versions[5]).toBe(versions[0] + 1);
  });

  it("a burst's turnout goes out as one batch per interval, covering every version it held", async () => {
    const first = versionOf(await room.execute(member('u01'), vote('agree')));
    await vi.waitFor(() => expect(published).toHaveLength(1));
    // Within the interval: two more commits are held and then sent together, marked with where they start.
    const second = versionOf(await room.execute(member('u02'), vote('agree')));
    const third = versionOf(await room.execute(member('u03'), vote('disagree')));
    expect(third).toBe(second + 1);
    expect(published).toHaveLength(1);
    await vi.waitFor(() => expect(published).toHaveLength(2), { timeout: TURNOUT_MS * 3 });
    expect(published[1]).toEqual({
      from: first,
      version: third,
      events: [{ type: 'ballot.voted', ballotId: 'b', voterIds: ['u02', 'u03'] }],
    });
  });

  it('any other change sends the held turnout first, so devices get every version in order', async () => {
    await room.execute(member('u01'), vote('agree'));
    await vi.waitFor(() => expect(published).toHaveLength(1));
    const held = versionOf(await room.execute(member('u02'), vote('agree')));
    const posted = versionOf(await room.execute(CHAIR, { type: 'announcement.post', text: 'Còn 5 phút' }));
    expect(published.map((b) => b.version)).toEqual([held - 1, held, posted]);
    expect(published[2].events[0]).toMatchObject({ type: 'announcement.posted' });
  });

  it("a snapshot sends the held turnout first: no later batch starts before the snapshot's version", async () => {
    await room.execute(member('u01'), vote('agree'));
    await vi.waitFor(() => expect(published).toHaveLength(1));
    const held = versionOf(await room.execute(member('u02'), vote('agree')));
    expect(room.snapshot().version).toBe(held);
    expect(published.map((b) => b.version)).toEqual([held - 1, held]);
    const next = versionOf(await room.execute(member('u03'), vote('agree')));
    await vi.waitFor(() => expect(published).toHaveLength(3), { timeout: TURNOUT_MS * 3 });
    expect(published[2]).toEqual({ version: next, events: [{ type: 'ballot.voted', ballotId: 'b', voterIds: ['u03'] }] });
  });
});
