import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../shared/ballots/draft.js';
import { newBallot } from '../../shared/ballots/newBallot.js';
import { ABSTAIN } from '../../shared/ballots/scale.js';
import { notVoted, sharesOf } from '../../shared/ballots/shares.js';
import type { SubjectResult } from '../../shared/ballots/types.js';

const ballot = (input: Record<string, unknown>) => newBallot('b', BallotDraft.parse(input));

describe('shares of a published row', () => {
  it('gives each level its part of the votes cast and of the eligible voters, then the abstentions', () => {
    const rating = ballot({ kind: 'rating', title: 'Xếp loại', subjects: ['m1'], allowAbstain: true });
    const row: SubjectResult = { subject: 'm1', counts: { excellent: 1, good: 4, completed: 1, 'not-completed': 0 }, abstentions: 1, cast: 7, eligible: 8 };
    expect(sharesOf(rating, row)).toEqual([
      { answer: 'excellent', count: 1, ofCast: 14.3, ofEligible: 12.5 },
      { answer: 'good', count: 4, ofCast: 57.1, ofEligible: 50 },
      { answer: 'completed', count: 1, ofCast: 14.3, ofEligible: 12.5 },
      { answer: 'not-completed', count: 0, ofCast: 0, ofEligible: 0 },
      { answer: ABSTAIN, count: 1, ofCast: 14.3, ofEligible: 12.5 },
    ]);
    expect(notVoted(row)).toBe(1);
  });

  it("lists no blank-row abstention where the ballot forbids it, and a motion's abstain once, as its option", () => {
    const strict = ballot({ kind: 'rating', title: 'Xếp loại', subjects: ['m1'] });
    const row: SubjectResult = { subject: 'm1', counts: { excellent: 2 }, abstentions: 0, cast: 2, eligible: 2 };
    expect(sharesOf(strict, row).map((s) => s.answer)).toEqual(['excellent', 'good', 'completed', 'not-completed']);
    expect(sharesOf(strict, row)[1]).toEqual({ answer: 'good', count: 0, ofCast: 0, ofEligible: 0 });

    const motion = ballot({ kind: 'motion', title: 'Thông qua' });
    const votes: SubjectResult = { subject: 'question', counts: { agree: 3, disagree: 1, abstain: 1 }, abstentions: 0, cast: 5, eligible: 6 };
    expect(sharesOf(motion, votes).map((s) => [s.answer, s.count, s.ofCast])).toEqual([
      ['agree', 3, 60],
      ['disagree', 1, 20],
      ['abstain', 1, 20],
    ]);
  });

  it('reports zero, not NaN, for a row nobody voted on', () => {
    const rating = ballot({ kind: 'rating', title: 'Xếp loại', subjects: ['m1'] });
    const empty: SubjectResult = { subject: 'm1', counts: {}, abstentions: 0, cast: 0, eligible: 0 };
    expect(sharesOf(rating, empty).every((s) => s.ofCast === 0 && s.ofEligible === 0)).toBe(true);
    expect(notVoted(empty)).toBe(0);
  });
});
