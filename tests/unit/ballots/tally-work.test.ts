import { describe, expect, it } from 'vitest';
import { decideOverdue } from '../../../shared/ballots/decide.js';
import { mergeTallies } from '../../../shared/meeting/decision.js';
import { meeting, outcome, Session } from './fixtures.js';

const agree = { question: 'agree' };

function open(extra: object = {}): Session {
  const s = new Session(meeting());
  expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { id: 'b', kind: 'motion', title: 'Thông qua', ...extra } }))).toBe('ok');
  expect(outcome(s.run('chair', { type: 'ballot.open', ballotId: 'b' }))).toBe('ok');
  return s;
}

/** The stores delete or fold counts only when a decision says so (`Commit.tallies`), never by reading events. */
describe('what a decision tells the store about the counts', () => {
  it('a paper adds to them; the last one, closing the ballot, also erases their history', () => {
    const s = open({ closeWhenAllVoted: true });
    for (const who of ['chair', 'm1', 'm2', 'm3']) expect(s.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree })).not.toHaveProperty('tallies');
    expect(s.run('m4', { type: 'ballot.vote', ballotId: 'b', paper: agree })).toMatchObject({ ok: true, tallies: { eraseHistory: ['b'] } });
  });

  it('closing erases their history and keeps them; cancelling drops them', () => {
    const closed = open({ closeWhenAllVoted: false });
    for (const who of ['chair', 'm1', 'm2', 'm3']) closed.run(who, { type: 'ballot.vote', ballotId: 'b', paper: agree });
    expect(closed.run('chair', { type: 'ballot.close', ballotId: 'b' })).toMatchObject({ ok: true, tallies: { eraseHistory: ['b'] } });
    expect(closed.last).not.toHaveProperty('tallies.drop');
    const cancelled = open();
    expect(cancelled.run('chair', { type: 'ballot.cancel', ballotId: 'b', reason: 'Sai danh sách' })).toMatchObject({ ok: true, tallies: { drop: ['b'], eraseHistory: ['b'] } });
  });

  it('a deadline closes its ballots as the chair would, with the same work for the store', () => {
    const s = open({ deadlineMinutes: 1 });
    expect(decideOverdue(s.state, s.now)).toEqual({ ok: true, events: [], tallies: undefined });
    expect(decideOverdue(s.state, s.now + 60_000)).toMatchObject({
      ok: true,
      events: [{ type: 'ballot.closed', ballotId: 'b', reason: 'deadline' }],
      tallies: { eraseHistory: ['b'] },
    });
  });

  it('papers committed together carry the work of each', () => {
    expect(mergeTallies(undefined, undefined)).toBeUndefined();
    expect(mergeTallies({ eraseHistory: ['a'] }, undefined)).toEqual({ eraseHistory: ['a'] });
    expect(mergeTallies({ eraseHistory: ['a'] }, { drop: ['b'], eraseHistory: ['a', 'b'] })).toEqual({ drop: ['b'], eraseHistory: ['a', 'b'] });
  });
});
