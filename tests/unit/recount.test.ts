import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../shared/ballots/draft.js';
import { newBallot } from '../../shared/ballots/newBallot.js';
import { tally } from '../../shared/ballots/tally.js';
import type { Ballot } from '../../shared/ballots/types.js';
import { recompute } from '../../server/recount/compute.js';
import { compare } from '../../server/recount/recount.js';

/**
 * The recount's own arithmetic (server/recount/compute.ts) against `tally()`, on the same sealed
 * counts: they agree on every kind of ballot and every rule, and the comparison names each
 * difference when the counts or the published result were changed.
 */
const voters = ['a', 'b', 'c', 'd', 'e', 'f'];
function ballot(draft: Record<string, unknown>): Ballot {
  return { ...newBallot('x', BallotDraft.parse(draft)), status: 'closed', eligible: voters, voted: voters.slice(0, 5) };
}
const entries = (counts: Record<string, number>) => Object.entries(counts);

describe('the recount against tally()', () => {
  const rating = ballot({ kind: 'rating', title: 'Xếp loại', subjects: ['a', 'b', 'collective'], allowAbstain: true });
  const counts = { 'a/excellent': 3, 'a/good': 1, 'a/abstain': 1, 'b/good': 1, 'b/abstain': 3, 'collective/excellent': 2, 'collective/good': 3 };

  it('agrees with the live tally on a rating with abstentions and a withheld row', () => {
    const published = tally(rating, counts, 6, 3);
    const recounted = recompute(rating, { counts: entries(counts), voters: 5 }, 3, 6);
    expect(published.withheld).toEqual([{ subject: 'b', eligible: 5, reason: 'too-few-answers' }]);
    expect(compare(rating, published, recounted)).toEqual([]);
  });

  it('agrees on motions carried or not, by votes cast or by all members', () => {
    for (const majority of [
      { base: 'cast', fraction: [1, 2] },
      { base: 'members', fraction: [1, 2] },
      { base: 'cast', fraction: [2, 3], threshold: 'at-least' },
    ]) {
      const motion = ballot({ kind: 'motion', title: 'Biểu quyết', majority });
      for (const agree of [2, 3, 4]) {
        const c = { 'question/agree': agree, 'question/disagree': 5 - agree - 1, 'question/abstain': 1 };
        const published = tally(motion, c, 7, 3);
        expect(compare(motion, published, recompute(motion, { counts: entries(c), voters: 5 }, 3, 7)), `${JSON.stringify(majority)} ${agree}`).toEqual([]);
      }
    }
  });

  it('names a changed count, a count the paper cannot produce, and a turnout that differs', () => {
    const published = tally(rating, counts, 6, 3);
    const tampered = { ...counts, 'a/excellent': 4, 'z/good': 1 };
    expect(compare(rating, published, recompute(rating, { counts: entries(tampered), voters: 6 }, 3, 6))).toEqual([
      { row: null, field: 'turnout', published: '5', recounted: '6' },
      { row: null, field: 'key z/good', published: '—', recounted: 'stored' },
      { row: 'a', field: 'excellent', published: '3', recounted: '4' },
      { row: 'a', field: 'cast', published: '5', recounted: '6' },
    ]);
  });

  it('names a row published that the rules withhold, and a motion said to carry that does not', () => {
    const published = tally(rating, counts, 6, 3);
    const shown = {
      ...published,
      subjects: [...published.subjects, { subject: 'b', counts: { excellent: 0, good: 1, completed: 0, 'not-completed': 0 }, abstentions: 3, cast: 4, eligible: 5 }],
      withheld: [],
    };
    expect(compare(rating, shown, recompute(rating, { counts: entries(counts), voters: 5 }, 3, 6))).toEqual([
      { row: 'b', field: 'row', published: 'counts', recounted: 'withheld (too-few-answers)' },
    ]);
    const motion = ballot({ kind: 'motion', title: 'Biểu quyết' });
    const c = { 'question/agree': 2, 'question/disagree': 3 };
    const claimed = { ...tally(motion, c, 6, 3), passed: true };
    expect(compare(motion, claimed, recompute(motion, { counts: entries(c), voters: 5 }, 3, 6))).toEqual([{ row: null, field: 'passed', published: 'yes', recounted: 'no' }]);
  });
});
