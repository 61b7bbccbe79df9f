import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../../shared/ballots/draft.js';
import { newBallot } from '../../../shared/ballots/newBallot.js';
import { carries, leadingOptions, meetsQuorum, percent, requiredTurnout, subjectShares, votesNeeded } from '../../../shared/ballots/results.js';
import { countKeys, tally as tallyWith } from '../../../shared/ballots/tally.js';
import type { Ballot, Counts, Majority } from '../../../shared/ballots/types.js';

/** The arithmetic alone: no row withheld for having few answers (withholding has its own tests, withholding.test.ts). */
const tally = (b: Parameters<typeof tallyWith>[0], c: Parameters<typeof tallyWith>[1], m: number) => tallyWith(b, c, m, 0);

const voters = (n: number) => Array.from({ length: n }, (_, i) => `v${String(i + 1).padStart(2, '0')}`);

/** A closed ballot with `eligible` voters of whom the first `turnout` voted. */
function closed(input: object, eligible: number | string[], turnout: number): Ballot {
  const list = typeof eligible === 'number' ? voters(eligible) : eligible;
  return { ...newBallot('b', BallotDraft.parse(input)), status: 'closed', eligible: list, voted: list.slice(0, turnout) };
}

const motion = (majority?: object, quorum?: [number, number]) => ({ kind: 'motion', title: 'M', ...(majority && { majority }), ...(quorum && { quorum }) });
const motionCounts = (agree: number, disagree: number, abstain = 0): Counts => ({ 'question/agree': agree, 'question/disagree': disagree, 'question/abstain': abstain });

describe('percentages', () => {
  it('one decimal, of any base, 0 of nothing', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(10, 15)).toBe(66.7);
    expect(percent(15, 15)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('quorum: at least the fraction of eligible voters handed in a paper', () => {
  it('exactly two thirds is valid, one short is not', () => {
    expect(meetsQuorum(10, 15, [2, 3])).toBe(true);
    expect(meetsQuorum(9, 15, [2, 3])).toBe(false);
    // 2/3 of 16 is 10.67: eleven papers are needed.
    expect(meetsQuorum(11, 16, [2, 3])).toBe(true);
    expect(meetsQuorum(10, 16, [2, 3])).toBe(false);
    expect([requiredTurnout(15, [2, 3]), requiredTurnout(16, [2, 3]), requiredTurnout(3, [1, 2])]).toEqual([10, 11, 2]);
  });

  it('is configurable per ballot, and nobody eligible is never valid', () => {
    expect(meetsQuorum(8, 15, [1, 2])).toBe(true);
    expect(meetsQuorum(7, 15, [1, 2])).toBe(false);
    expect(meetsQuorum(15, 15, [1, 1])).toBe(true);
    expect(meetsQuorum(14, 15, [1, 1])).toBe(false);
    expect(meetsQuorum(0, 0, [0, 1])).toBe(false);
  });

  it('decides the published validity', () => {
    expect(tally(closed({ kind: 'motion', title: 'M' }, 15, 10), motionCounts(10, 0), 15).valid).toBe(true);
    expect(tally(closed({ kind: 'motion', title: 'M' }, 15, 9), motionCounts(9, 0), 15).valid).toBe(false);
    expect(tally(closed({ kind: 'motion', title: 'M', quorum: [1, 2] }, 15, 8), motionCounts(8, 0), 15).valid).toBe(true);
  });
});

describe('motions', () => {
  it('more than half of the votes cast by default: a tie fails, abstentions count as cast', () => {
    const b = closed(motion(), 15, 15);
    expect(tally(b, motionCounts(8, 7), 15).passed).toBe(true);
    expect(tally(b, motionCounts(7, 7, 1), 15).passed).toBe(false);
    expect(tally(b, motionCounts(7, 7), 15).passed).toBe(false);
    expect(tally(b, motionCounts(7, 1, 7), 15).passed).toBe(false);
    expect(tally(closed(motion(), 4, 4), motionCounts(2, 2), 4).passed).toBe(false);
  });

  it('of all members of the body: absent members count against', () => {
    // 12 of 17 members present and all vote; 8 agree is more than half of the 12 cast but not of the 17 members.
    const ofMembers = closed(motion({ base: 'members', fraction: [1, 2] }), 12, 12);
    expect(tally(ofMembers, motionCounts(8, 4), 17)).toMatchObject({ passed: false, members: 17 });
    expect(tally(ofMembers, motionCounts(9, 3), 17).passed).toBe(true);
    expect(tally(closed(motion(), 12, 12), motionCounts(8, 4), 17).passed).toBe(true);
  });

  it('"at least two thirds" reaches the fraction, "more than two thirds" must pass it', () => {
    const atLeast = closed(motion({ base: 'cast', fraction: [2, 3], threshold: 'at-least' }), 15, 15);
    expect(tally(atLeast, motionCounts(10, 5), 15).passed).toBe(true);
    expect(tally(atLeast, motionCounts(9, 6), 15).passed).toBe(false);
    const moreThan = closed(motion({ base: 'cast', fraction: [2, 3] }), 15, 15);
    expect(tally(moreThan, motionCounts(10, 5), 15).passed).toBe(false);
    expect(tally(moreThan, motionCounts(11, 4), 15).passed).toBe(true);
  });

  it('without a quorum nothing carries, however the votes went', () => {
    expect(tally(closed(motion(), 15, 9), motionCounts(9, 0), 15)).toMatchObject({ valid: false, passed: false });
  });

  it('votes needed and the rule itself agree', () => {
    const rules: Majority[] = [
      { base: 'cast', fraction: [1, 2] },
      { base: 'cast', fraction: [2, 3], threshold: 'at-least' },
      { base: 'cast', fraction: [2, 3] },
    ];
    for (const rule of rules) {
      for (let base = 0; base <= 20; base++) {
        const needed = votesNeeded(base, rule);
        expect(carries(needed, base, rule)).toBe(base > 0 || needed === 1);
        if (needed > 1) expect(carries(needed - 1, base, rule)).toBe(false);
      }
    }
    expect([votesNeeded(15, { base: 'cast', fraction: [1, 2] }), votesNeeded(14, { base: 'cast', fraction: [1, 2] })]).toEqual([8, 8]);
    expect(votesNeeded(15, { base: 'cast', fraction: [2, 3], threshold: 'at-least' })).toBe(10);
    expect(carries(0, 0, { base: 'cast', fraction: [2, 3], threshold: 'at-least' })).toBe(false);
  });

  it('other kinds have no pass/fail', () => {
    expect(tally(closed({ kind: 'rating', title: 'R', subjects: ['collective'] }, 3, 3), {}, 3).passed).toBeNull();
  });
});

describe('ratings', () => {
  const committee = ['chair', 'u01', 'u02', 'u03', 'u04', 'u05'];

  it('per subject: votes per level, papers cast and eligible voters, the subject not rating themself', () => {
    const b = closed({ kind: 'rating', title: 'R', subjects: ['u01', 'collective'] }, committee, 6);
    const counts = { 'u01/excellent': 2, 'u01/good': 3, 'collective/good': 4, 'collective/completed': 2 };
    const results = tally(b, counts, 6);
    expect(results).toMatchObject({ turnout: 6, eligible: 6, members: 6, valid: true, passed: null });
    expect(results.subjects).toEqual([
      { subject: 'u01', counts: { excellent: 2, good: 3, completed: 0, 'not-completed': 0 }, abstentions: 0, cast: 5, eligible: 5 },
      { subject: 'collective', counts: { excellent: 0, good: 4, completed: 2, 'not-completed': 0 }, abstentions: 0, cast: 6, eligible: 6 },
    ]);
  });

  it('shares of votes cast and of eligible voters, abstentions and those who did not vote', () => {
    const b = closed({ kind: 'rating', title: 'R', subjects: ['u01'], allowAbstain: true }, committee, 4);
    const [row] = tally(b, { 'u01/excellent': 1, 'u01/good': 2, 'u01/abstain': 1 }, 6).subjects;
    expect(row).toMatchObject({ abstentions: 1, cast: 4, eligible: 5 });
    const shares = subjectShares(b.options, row);
    expect(shares.options.map((o) => [o.option.id, o.count, o.ofCast, o.ofEligible])).toEqual([
      ['excellent', 1, 25, 20],
      ['good', 2, 50, 40],
      ['completed', 0, 0, 0],
      ['not-completed', 0, 0, 0],
    ]);
    expect(shares.abstentions).toEqual({ count: 1, ofCast: 25, ofEligible: 20 });
    expect(shares.notVoted).toBe(1);
    expect(shares.options[0].option.vi).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('a subject who may rate themself counts among their own eligible voters', () => {
    const b = closed({ kind: 'rating', title: 'R', subjects: ['u01'], selfRating: true }, committee, 6);
    expect(tally(b, { 'u01/good': 6 }, 6).subjects[0]).toMatchObject({ cast: 6, eligible: 6 });
  });

  it('every count key a ballot can have, sorted, the abstentions included only where allowed', () => {
    const r = closed({ kind: 'rating', title: 'R', subjects: ['u02', 'u01'] }, committee, 0);
    expect(countKeys(r)).toEqual(['u01/completed', 'u01/excellent', 'u01/good', 'u01/not-completed', 'u02/completed', 'u02/excellent', 'u02/good', 'u02/not-completed']);
    expect(countKeys({ ...r, allowAbstain: true })).toContain('u01/abstain');
    expect(countKeys(closed(motion(), 3, 0))).toEqual(['question/abstain', 'question/agree', 'question/disagree']);
  });
});

describe('choices', () => {
  const options = [
    { id: 'xs', vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
    { id: 'tot', vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
    { id: 'ht', vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  ];

  it('counts per option on one row, the leading option, ties shown as ties', () => {
    const b = closed({ kind: 'choice', title: 'Mức đề xuất', options, allowAbstain: true }, 15, 14);
    const results = tally(b, { 'question/xs': 3, 'question/tot': 9, 'question/ht': 1, 'question/abstain': 1 }, 15);
    expect(results.subjects).toEqual([{ subject: 'question', counts: { xs: 3, tot: 9, ht: 1 }, abstentions: 1, cast: 14, eligible: 15 }]);
    expect(results.passed).toBeNull();
    expect(leadingOptions(results.subjects[0])).toEqual(['tot']);
    const tie = tally(b, { 'question/xs': 7, 'question/tot': 7 }, 15).subjects[0];
    expect(leadingOptions(tie)).toEqual(['xs', 'tot']);
    expect(leadingOptions(tally(b, {}, 15).subjects[0])).toEqual([]);
  });
});
