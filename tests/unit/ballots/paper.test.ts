import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../../shared/ballots/draft.js';
import { newBallot } from '../../../shared/ballots/newBallot.js';
import { checkPaper } from '../../../shared/ballots/paper.js';
import { Paper } from '../../../shared/meeting/commands.js';

const rating = (extra: object = {}) => newBallot('r', BallotDraft.parse({ kind: 'rating', title: 'R', subjects: ['m1', 'm2', 'collective'], ...extra }));
const refusal = (check: ReturnType<typeof checkPaper>) => (check.ok ? 'ok' : check.message);

describe('a ballot paper', () => {
  it('complete: one answer per row of this voter, turned into count keys', () => {
    expect(checkPaper(rating(), 'm3', { m1: 'excellent', m2: 'good', collective: 'completed' })).toEqual({
      ok: true,
      increments: ['m1/excellent', 'm2/good', 'collective/completed'],
    });
    expect(checkPaper(rating(), 'm1', { m2: 'not-completed', collective: 'good' })).toEqual({ ok: true, increments: ['m2/not-completed', 'collective/good'] });
  });

  it('incomplete papers are refused: every row needs a level or, where allowed, an explicit abstention', () => {
    expect(refusal(checkPaper(rating(), 'm3', { m1: 'excellent', m2: 'good' }))).toBe('the paper is incomplete: row collective has no answer');
    expect(refusal(checkPaper(rating(), 'm3', {}))).toContain('incomplete');
  });

  it('abstaining on a row only where the ballot allows it', () => {
    const paper = { m1: 'abstain', m2: 'good', collective: 'good' };
    expect(refusal(checkPaper(rating(), 'm3', paper))).toBe('row m1: this ballot does not allow abstaining');
    expect(checkPaper(rating({ allowAbstain: true }), 'm3', paper)).toEqual({ ok: true, increments: ['m1/abstain', 'm2/good', 'collective/good'] });
  });

  it('rows and answers the ballot does not have are refused, and the refusal never repeats an answer', () => {
    const unknownRow = checkPaper(rating(), 'm3', { m1: 'good', m2: 'good', collective: 'good', m4: 'good' });
    expect(refusal(unknownRow)).toBe('row m4 is not on your paper');
    const ownRow = checkPaper(rating(), 'm1', { m1: 'excellent', m2: 'good', collective: 'good' });
    expect(refusal(ownRow)).toBe('row m1 is not on your paper');
    const unknownLevel = checkPaper(rating(), 'm3', { m1: 'superb', m2: 'good', collective: 'good' });
    expect(refusal(unknownLevel)).toBe("row m1: not one of this ballot's options");
    expect(refusal(unknownLevel)).not.toContain('superb');
  });

  it('a motion has one row answered agree, disagree or abstain', () => {
    const motion = newBallot('m', BallotDraft.parse({ kind: 'motion', title: 'M' }));
    expect(checkPaper(motion, 'm1', { question: 'abstain' })).toEqual({ ok: true, increments: ['question/abstain'] });
    expect(checkPaper(motion, 'm1', { question: 'agree' })).toEqual({ ok: true, increments: ['question/agree'] });
    expect(refusal(checkPaper(motion, 'm1', { question: 'maybe' }))).toContain('not one of');
    expect(refusal(checkPaper(motion, 'm1', {}))).toContain('incomplete');
  });

  it('a choice has one row answered with one of its options', () => {
    const choice = newBallot(
      'c',
      BallotDraft.parse({
        kind: 'choice',
        title: 'C',
        options: [
          { id: 'a', vi: 'A', en: 'A' },
          { id: 'b', vi: 'B', en: 'B' },
        ],
      }),
    );
    expect(checkPaper(choice, 'm1', { question: 'b' })).toEqual({ ok: true, increments: ['question/b'] });
    expect(refusal(checkPaper(choice, 'm1', { question: 'excellent' }))).toContain('not one of');
  });

  it('the wire schema bounds a paper: string answers, short keys, at most 200 rows', () => {
    expect(Paper.safeParse({ m1: 'good' }).success).toBe(true);
    expect(Paper.safeParse({ m1: 3 }).success).toBe(false);
    expect(Paper.safeParse({ m1: 'x'.repeat(41) }).success).toBe(false);
    expect(Paper.safeParse(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`r${i}`, 'good']))).success).toBe(false);
    expect(Paper.safeParse(['good']).success).toBe(false);
  });
});
