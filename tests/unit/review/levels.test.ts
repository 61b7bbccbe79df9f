import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';
import { checkCaps, isBetter, levelForScore, proposedLevel, scoreProblem, totalScore } from '../../../shared/review/levels.js';
import { DEFAULT_SCORE_FORM, QD366_SCORE_BANDS, type LevelRule } from '../../../shared/review/rules.js';

const HALF: LevelRule = { fraction: [1, 2], threshold: 'more-than', base: 'cast' };

describe('levelForScore: QĐ 366 bands', () => {
  const at = (total: number, exceeded: number | null = null) => levelForScore(total, exceeded, QD366_SCORE_BANDS);

  it('excellent from 90 points with at least 30 % of tasks exceeded', () => {
    expect(at(90, 30)).toBe('excellent');
    expect(at(100, 100)).toBe('excellent');
    expect(at(90, 29)).toBe('good');
    expect(at(90, null)).toBe('good');
    expect(at(89, 30)).toBe('good');
    expect(at(89, 29)).toBe('good');
  });

  it('good from 70 to under 90, completed from 50 to under 70, else not completed', () => {
    expect(at(70)).toBe('good');
    expect(at(69.5)).toBe('completed');
    expect(at(50)).toBe('completed');
    expect(at(49)).toBe('not-completed');
    expect(at(0)).toBe('not-completed');
  });

  it('null below every band an organiser listed', () => {
    expect(levelForScore(40, null, QD366_SCORE_BANDS.slice(0, 3))).toBeNull();
  });
});

describe('scoreProblem', () => {
  it('accepts a score per group within its maximum', () => {
    expect(scoreProblem({ 'politics-ethics': 30, results: 0 }, DEFAULT_SCORE_FORM)).toBeNull();
    expect(totalScore({ 'politics-ethics': 27.5, results: 62 })).toBe(89.5);
  });

  it('names a missing group, an unknown one, and one out of range', () => {
    expect(scoreProblem({ 'politics-ethics': 20 }, DEFAULT_SCORE_FORM)).toBe('no score for results');
    expect(scoreProblem({ 'politics-ethics': 20, results: 50, extra: 1 }, DEFAULT_SCORE_FORM)).toBe('no criteria group extra on the form');
    expect(scoreProblem({ 'politics-ethics': 31, results: 50 }, DEFAULT_SCORE_FORM)).toBe('politics-ethics: between 0 and 30 points');
    expect(scoreProblem({ 'politics-ethics': -1, results: 50 }, DEFAULT_SCORE_FORM)).toBe('politics-ethics: between 0 and 30 points');
    expect(scoreProblem({ 'politics-ethics': Number.NaN, results: 50 }, DEFAULT_SCORE_FORM)).toBe('politics-ethics: between 0 and 30 points');
  });
});

describe('proposedLevel', () => {
  // 10 papers: 4 excellent, 2 good, 1 completed, 3 abstentions.
  const row = { counts: { excellent: 4, good: 2, completed: 1, 'not-completed': 0 }, cast: 10 };

  it('counts down from the top until more than half of the cast papers', () => {
    // 4 (not > 5), 6 (> 5): good.
    expect(proposedLevel(row, OFFICIAL_SCALE, HALF)).toBe('good');
  });

  it('at least half reaches the level where the cumulative votes equal half', () => {
    const even = { counts: { excellent: 5, good: 3 }, cast: 10 };
    expect(proposedLevel(even, OFFICIAL_SCALE, HALF)).toBe('good');
    expect(proposedLevel(even, OFFICIAL_SCALE, { ...HALF, threshold: 'at-least' })).toBe('excellent');
  });

  it('on the answers base, abstentions are left out', () => {
    // 7 answers: 4 excellent is more than half of 7.
    expect(proposedLevel(row, OFFICIAL_SCALE, { ...HALF, base: 'answers' })).toBe('excellent');
  });

  it('two thirds of the cast papers', () => {
    // 4, 6, 7 of 10: 7·3 = 21 > 20 at completed.
    expect(proposedLevel(row, OFFICIAL_SCALE, { fraction: [2, 3], threshold: 'more-than', base: 'cast' })).toBe('completed');
  });

  it('null when no level passes (too many abstentions, or no papers)', () => {
    expect(proposedLevel({ counts: { good: 2 }, cast: 10 }, OFFICIAL_SCALE, HALF)).toBeNull();
    expect(proposedLevel({ counts: {}, cast: 0 }, OFFICIAL_SCALE, HALF)).toBeNull();
  });
});

describe('checkCaps', () => {
  const cap = { level: 'excellent', atMost: [20, 100] as [number, number], of: ['excellent', 'good'] };

  it('no breach while excellent stays within 20 % of those rated good or better', () => {
    const proposed = { a: 'excellent', b: 'good', c: 'good', d: 'good', e: 'good', f: 'completed', g: null };
    expect(checkCaps(proposed, [cap])).toEqual([{ cap, count: 1, base: 5, allowed: 1, breached: false }]);
  });

  it('a breach is reported, never corrected', () => {
    const proposed = { a: 'excellent', b: 'excellent', c: 'good', d: 'good', e: 'good' };
    const [check] = checkCaps(proposed, [cap]);
    expect(check).toEqual({ cap, count: 2, base: 5, allowed: 1, breached: true });
    expect(proposed.b).toBe('excellent');
  });
});

describe('isBetter', () => {
  it('follows the scale, best first', () => {
    expect(isBetter('excellent', 'good', OFFICIAL_SCALE)).toBe(true);
    expect(isBetter('good', 'good', OFFICIAL_SCALE)).toBe(false);
    expect(isBetter('completed', 'good', OFFICIAL_SCALE)).toBe(false);
    expect(isBetter('unknown', 'good', OFFICIAL_SCALE)).toBe(false);
  });
});
