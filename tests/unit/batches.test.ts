import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../shared/ballots/draft.js';
import { newBallot } from '../../shared/ballots/newBallot.js';
import { appendEvents, placeBatch } from '../../shared/batches.js';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import { initialState, type MeetingState } from '../../shared/meeting/state.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';

describe('placeBatch: where a batch of events fits a copy of the meeting', () => {
  const events = [{ type: 'ballot.voted' as const, ballotId: 'b', voterIds: ['u01'] }];

  it('applies the next version and skips one already held', () => {
    expect(placeBatch(4, { version: 5, events })).toBe('next');
    expect(placeBatch(5, { version: 5, events })).toBe('held');
    expect(placeBatch(9, { version: 5, events })).toBe('held');
  });

  it('asks for a snapshot when versions were missed', () => {
    expect(placeBatch(3, { version: 5, events })).toBe('gap');
  });

  it('applies a merged batch only from where it starts', () => {
    expect(placeBatch(4, { from: 4, version: 7, events })).toBe('next');
    expect(placeBatch(3, { from: 4, version: 7, events })).toBe('gap');
    // A copy inside the range holds part of it: events carry no versions, so only a snapshot helps.
    expect(placeBatch(5, { from: 4, version: 7, events })).toBe('gap');
    expect(placeBatch(7, { from: 4, version: 7, events })).toBe('held');
  });
});

describe('appendEvents: papers of one ballot share one ballot.voted', () => {
  const voted = (ballotId: string, ...voterIds: string[]) => ({ type: 'ballot.voted' as const, ballotId, voterIds });
  const closed = { type: 'ballot.closed' as const, ballotId: 'a', at: 1, reason: 'all-voted' as const };

  it('folds a ballot.voted into the one before it for the same ballot, keeping arrival order', () => {
    expect(appendEvents([voted('a', 'u03')], [voted('a', 'u01')])).toEqual([voted('a', 'u03', 'u01')]);
  });

  it('keeps apart other ballots and anything in between', () => {
    expect(appendEvents([voted('a', 'u01')], [voted('b', 'u02')])).toEqual([voted('a', 'u01'), voted('b', 'u02')]);
    expect(appendEvents([voted('a', 'u01'), closed], [voted('a', 'u02')])).toEqual([voted('a', 'u01'), closed, voted('a', 'u02')]);
  });

  it('changes nothing the meeting sees: folded or not, the same state', () => {
    const s0 = committeeWithOpenBallots();
    const separate = [voted('a', 'u03'), voted('a', 'u01'), voted('b', 'u02'), voted('b', 'u04')];
    const folded = separate.reduce<MeetingEvent[]>((all, e) => appendEvents(all, [e]), []);
    expect(folded).toHaveLength(2);
    expect(evolveAll(s0, folded)).toEqual(evolveAll(s0, separate));
    expect(evolveAll(s0, folded).ballots.map((b) => b.voted)).toEqual([
      ['u01', 'u03'],
      ['u02', 'u04'],
    ]);
  });

  it('does not change the events it was given', () => {
    const first = [voted('a', 'u01')];
    appendEvents(first, [voted('a', 'u02')]);
    expect(first).toEqual([voted('a', 'u01')]);
  });
});

function committeeWithOpenBallots(): MeetingState {
  const s = initialState('mtg', committeeDefinition(6));
  const ballot = (id: string) => ({ ...newBallot(id, BallotDraft.parse({ kind: 'motion', title: id })), status: 'open' as const, eligible: committeeIds(6) });
  return { ...s, ballots: [ballot('a'), ballot('b')] };
}
