import { describe, expect, it } from 'vitest';
import { closeOverdue } from '../../../shared/ballots/decide.js';
import { Command } from '../../../shared/meeting/commands.js';
import { evolveAll } from '../../../shared/meeting/evolve.js';
import { meeting, outcome, Session } from './fixtures.js';

const MOTION = { id: 'b', kind: 'motion', title: 'Thông qua' } as const;
const agree = { question: 'agree' };

function withMotion(extra: object = {}): Session {
  const s = new Session(meeting());
  expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { ...MOTION, ...extra } }))).toBe('ok');
  return s;
}

describe("a ballot's lifecycle", () => {
  it("draft → open → closed → published, each step the chair's alone", () => {
    const s = withMotion({ closeWhenAllVoted: false });
    for (const who of ['sec', 'm1', 'guest', 'obs', 'screen']) expect(outcome(s.run(who, { type: 'ballot.open', ballotId: 'b' }))).toBe('forbidden');
    expect(outcome(s.run('chair', { type: 'ballot.open', ballotId: 'b' }))).toBe('ok');
    expect(s.ballot('b')).toMatchObject({ status: 'open', openedAt: s.now, eligible: ['chair', 'm1', 'm2', 'm3', 'm4'], deadline: null });
    // Opening puts the ballot on the room screen, showing turnout.
    expect(s.state.screen).toEqual({ show: 'ballot', ballotId: 'b' });
    for (const who of ['chair', 'm1', 'm2', 'm3']) expect(outcome(s.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree }))).toBe('ok');
    expect(outcome(s.run('m1', { type: 'ballot.close', ballotId: 'b' }))).toBe('forbidden');
    expect(outcome(s.run('chair', { type: 'ballot.close', ballotId: 'b' }))).toBe('ok');
    expect(s.last).toMatchObject({ events: [{ type: 'ballot.closed', reason: 'chair' }] });
    expect(s.ballot('b')).toMatchObject({ status: 'closed', closedAt: s.now, results: null });
    expect(outcome(s.run('sec', { type: 'ballot.publish', ballotId: 'b' }))).toBe('forbidden');
    expect(outcome(s.run('chair', { type: 'ballot.publish', ballotId: 'b' }))).toBe('ok');
    expect(s.ballot('b')).toMatchObject({ status: 'published', results: { turnout: 4, eligible: 5 } });
  });

  it('refuses every step out of order', () => {
    const s = withMotion();
    const step = (type: 'ballot.close' | 'ballot.publish' | 'ballot.open') => outcome(s.run('chair', { type, ballotId: 'b' }));
    expect([step('ballot.close'), step('ballot.publish')]).toEqual(['invalid-state', 'invalid-state']);
    expect(outcome(s.run('m1', { type: 'ballot.vote', ballotId: 'b', paper: agree }))).toBe('invalid-state');
    step('ballot.open');
    expect([step('ballot.open'), step('ballot.publish')]).toEqual(['invalid-state', 'invalid-state']);
    expect(outcome(s.run('chair', { type: 'ballot.update', ballotId: 'b', ballot: MOTION }))).toBe('invalid-state');
    // Closing early needs the ballot's quorum (tests/unit/ballots/trust.test.ts): four of five.
    for (const who of ['chair', 'm1', 'm3', 'm4']) s.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree });
    step('ballot.close');
    expect([step('ballot.open'), step('ballot.close')]).toEqual(['invalid-state', 'invalid-state']);
    expect(outcome(s.run('m2', { type: 'ballot.vote', ballotId: 'b', paper: agree }))).toBe('invalid-state');
    step('ballot.publish');
    expect([step('ballot.open'), step('ballot.close'), step('ballot.publish')]).toEqual(['invalid-state', 'invalid-state', 'invalid-state']);
    expect(outcome(s.run('chair', { type: 'ballot.cancel', ballotId: 'b', reason: 'too late' }))).toBe('invalid-state');
    expect(outcome(s.run('chair', { type: 'ballot.open', ballotId: 'nope' }))).toBe('not-found');
    expect(outcome(s.run('m1', { type: 'ballot.vote', ballotId: 'nope', paper: agree }))).toBe('not-found');
  });

  it('is cancelled with a reason from draft, open or closed, and then nothing more happens to it', () => {
    for (const reach of [[], ['ballot.open'], ['ballot.open', 'ballot.close']] as const) {
      const s = withMotion({ closeWhenAllVoted: false });
      for (const type of reach) {
        s.run('chair', { type, ballotId: 'b' });
        // Closing early needs the ballot's quorum.
        if (type === 'ballot.open') for (const who of ['chair', 'm1', 'm2', 'm3']) s.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree });
      }
      expect(s.ballot('b').status).toBe(reach.length === 2 ? 'closed' : reach.length === 1 ? 'open' : 'draft');
      expect(Command.safeParse({ type: 'ballot.cancel', ballotId: 'b', reason: '  ' }).success).toBe(false);
      expect(outcome(s.run('m1', { type: 'ballot.cancel', ballotId: 'b', reason: 'x' }))).toBe('forbidden');
      expect(outcome(s.run('chair', { type: 'ballot.cancel', ballotId: 'b', reason: 'Sai danh sách' }))).toBe('ok');
      expect(s.ballot('b')).toMatchObject({ status: 'cancelled', cancelReason: 'Sai danh sách', results: null });
      expect(outcome(s.run('m1', { type: 'ballot.vote', ballotId: 'b', paper: agree }))).toBe('invalid-state');
      for (const type of ['ballot.open', 'ballot.close', 'ballot.publish'] as const) expect(outcome(s.run('chair', { type, ballotId: 'b' }))).toBe('invalid-state');
      expect(outcome(s.run('chair', { type: 'ballot.cancel', ballotId: 'b', reason: 'again' }))).toBe('invalid-state');
    }
  });

  it('a vote names its voter in the event and nothing of the paper; the paper leaves only as count keys for the store', () => {
    const s = withMotion();
    s.run('chair', { type: 'ballot.open', ballotId: 'b' });
    const vote = s.run('m2', { type: 'ballot.vote', ballotId: 'b', paper: { question: 'disagree' } });
    expect(vote).toEqual({
      ok: true,
      events: [{ type: 'ballot.voted', ballotId: 'b', voterIds: ['m2'] }],
      vote: { ballotId: 'b', voterId: 'm2', increments: ['question/disagree'] },
    });
    expect(outcome(s.run('m2', { type: 'ballot.vote', ballotId: 'b', paper: agree }))).toBe('already-voted');
    expect(s.counts.b).toEqual({ 'question/disagree': 1 });
    // The list of who voted is sorted, so it says nothing about when each voted.
    s.run('chair', { type: 'ballot.vote', ballotId: 'b', paper: agree });
    expect(s.ballot('b').voted).toEqual(['chair', 'm2']);
  });

  it('closes by itself with the last eligible paper, unless the ballot says otherwise', () => {
    const s = withMotion();
    s.run('chair', { type: 'ballot.open', ballotId: 'b' });
    for (const who of ['chair', 'm1', 'm2', 'm3']) expect(s.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree })).toMatchObject({ events: [{ type: 'ballot.voted' }] });
    expect(s.run('m4', { type: 'ballot.vote', ballotId: 'b', paper: agree })).toMatchObject({
      events: [
        { type: 'ballot.voted', voterIds: ['m4'] },
        { type: 'ballot.closed', ballotId: 'b', reason: 'all-voted', at: s.now },
      ],
    });
    expect(s.ballot('b').status).toBe('closed');

    const manual = withMotion({ closeWhenAllVoted: false });
    manual.run('chair', { type: 'ballot.open', ballotId: 'b' });
    for (const who of ['chair', 'm1', 'm2', 'm3', 'm4']) manual.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree });
    expect(manual.ballot('b')).toMatchObject({ status: 'open', voted: ['chair', 'm1', 'm2', 'm3', 'm4'] });
  });

  it('closes at its deadline: closeOverdue gives the events once the time has come, and only then', () => {
    const s = withMotion({ deadlineMinutes: 3 });
    s.run('chair', { type: 'ballot.create', ballot: { id: 'free', kind: 'motion', title: 'No deadline' } });
    s.run('chair', { type: 'ballot.open', ballotId: 'b' });
    s.run('chair', { type: 'ballot.open', ballotId: 'free' });
    const deadline = s.now + 3 * 60_000;
    expect(s.ballot('b').deadline).toBe(deadline);
    expect(closeOverdue(s.state, deadline - 1)).toEqual([]);
    const events = closeOverdue(s.state, deadline);
    expect(events).toEqual([{ type: 'ballot.closed', ballotId: 'b', at: deadline, reason: 'deadline' }]);
    const after = evolveAll(s.state, events);
    expect(after.ballots.map((b) => [b.id, b.status])).toEqual([
      ['b', 'closed'],
      ['free', 'open'],
    ]);
    expect(closeOverdue(after, deadline + 60_000)).toEqual([]);
  });

  it('publishing tallies the sealed counts the server supplies, and shows the results on the room screen', () => {
    const s = withMotion({ closeWhenAllVoted: false });
    s.run('chair', { type: 'ballot.open', ballotId: 'b' });
    s.run('chair', { type: 'screen.show', show: 'agenda' });
    for (const who of ['m1', 'm2', 'm3']) s.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree });
    s.run('m4', { type: 'ballot.vote', ballotId: 'b', paper: { question: 'disagree' } });
    s.run('chair', { type: 'ballot.close', ballotId: 'b' });
    expect(s.state.screen).toEqual({ show: 'agenda' });
    s.run('chair', { type: 'ballot.publish', ballotId: 'b' });
    expect(s.state.screen).toEqual({ show: 'ballot', ballotId: 'b' });
    expect(s.ballot('b').results!.subjects[0].counts).toEqual({ agree: 3, disagree: 1, abstain: 0 });
  });
});
