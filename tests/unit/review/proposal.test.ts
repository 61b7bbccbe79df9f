import { describe, expect, it } from 'vitest';
import { newBallot } from '../../../shared/ballots/newBallot.js';
import type { BallotResults, SubjectResult } from '../../../shared/ballots/types.js';
import { DEFAULT_REVIEW_RULES } from '../../../shared/review/rules.js';
import { ballotProposals } from '../../../shared/review/proposal.js';
import type { SelfAssessment } from '../../../shared/review/types.js';

const row = (subject: string, excellent: number, good: number, completed: number, notCompleted = 0, abstentions = 0): SubjectResult => {
  const counts = { excellent, good, completed, 'not-completed': notCompleted };
  const cast = excellent + good + completed + notCompleted + abstentions;
  return { subject, counts, abstentions, cast, eligible: 10 };
};
const self = (level: string): SelfAssessment => ({ level, scores: {}, exceededShare: null, text: '', submittedAt: 1 });

const ballot = {
  ...newBallot('r', {
    kind: 'rating',
    title: 'Xếp loại',
    subjects: ['collective', 'a', 'b', 'c', 'd'],
    allowAbstain: true,
    selfRating: false,
    eligibility: 'present-members',
    closeWhenAllVoted: true,
    quorum: [2, 3],
    majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' },
  }),
  status: 'published' as const,
};
const results = (subjects: SubjectResult[], withheld: BallotResults['withheld'] = []): BallotResults => ({
  turnout: 10,
  eligible: 10,
  valid: true,
  subjects,
  withheld,
  minCast: 3,
  passed: null,
});

describe('what a published rating proposes (shared/review/proposal.ts)', () => {
  const state = { reviewRules: DEFAULT_REVIEW_RULES, disclosed: { a: self('excellent'), b: self('good') } };

  it('proposes per row by the meeting’s rule, beside the self-rating, marking where they differ', () => {
    const p = ballotProposals(
      state,
      ballot,
      results([row('collective', 6, 3, 1), row('a', 3, 5, 2), row('b', 2, 4, 4), row('c', 6, 2, 2)], [{ subject: 'd', eligible: 10, reason: 'too-few-answers' }]),
    )!;
    expect(p.rows).toEqual([
      { subject: 'collective', proposed: 'excellent', self: null, differs: false },
      // 3 excellent of 10 is not more than half; 3 + 5 is.
      { subject: 'a', proposed: 'good', self: 'excellent', differs: true },
      // 2 + 4 = 6 of 10 reach good.
      { subject: 'b', proposed: 'good', self: 'good', differs: false },
      { subject: 'c', proposed: 'excellent', self: null, differs: false },
    ]);
  });

  it('states the ballot’s own rule when it has one (two thirds, at least)', () => {
    const strict = { ...ballot, levelRule: { fraction: [2, 3] as [number, number], threshold: 'at-least' as const, base: 'cast' as const } };
    const p = ballotProposals(state, strict, results([row('a', 6, 1, 2, 0, 0)]))!;
    expect(p.rule.fraction).toEqual([2, 3]);
    // 6 of 9 is exactly two thirds: at least reaches it.
    expect(p.rows[0].proposed).toBe('excellent');
  });

  it('checks the caps over the individuals only, and shows a breach without changing anything', () => {
    // Three of the four individuals proposed excellent, of four good or better: at most 20 % (0) may be.
    const p = ballotProposals(state, ballot, results([row('collective', 9, 1, 0), row('a', 6, 4, 0), row('b', 6, 4, 0), row('c', 6, 4, 0), row('d', 1, 8, 1)]))!;
    expect(p.caps).toEqual([{ cap: DEFAULT_REVIEW_RULES.caps[0], count: 3, base: 4, allowed: 0, breached: true }]);
    expect(p.rows.filter((r) => r.proposed === 'excellent').map((r) => r.subject)).toEqual(['collective', 'a', 'b', 'c']);
    const fine = ballotProposals(state, ballot, results([row('a', 1, 8, 1), row('b', 1, 8, 1), row('c', 1, 8, 1), row('d', 1, 8, 1)]))!;
    expect(fine.caps[0]).toMatchObject({ count: 0, base: 4, breached: false });
  });

  it('proposes nothing for a motion or a choice', () => {
    const motion = {
      ...newBallot('m', {
        kind: 'motion',
        title: 'Thông qua',
        allowAbstain: false,
        selfRating: false,
        eligibility: 'present-members',
        closeWhenAllVoted: true,
        quorum: [2, 3],
        majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' },
      }),
    };
    expect(ballotProposals(state, motion, results([]))).toBeNull();
  });
});
