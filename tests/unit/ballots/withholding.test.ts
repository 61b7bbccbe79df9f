import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../../shared/ballots/draft.js';
import { newBallot } from '../../../shared/ballots/newBallot.js';
import { pinWeakness } from '../../../shared/ballots/pin.js';
import { atLeast, DEFAULT_BALLOT_RULES, rulesOf } from '../../../shared/ballots/rules.js';
import { answersOf, tally } from '../../../shared/ballots/tally.js';
import type { Ballot, Counts } from '../../../shared/ballots/types.js';
import { MeetingDefinition } from '../../../shared/definition.js';
import { migrateState } from '../../../shared/migrations/index.js';
import { testDefinition } from '../../helpers/definitions.js';

const voters = (n: number) => Array.from({ length: n }, (_, i) => `v${String(i + 1).padStart(2, '0')}`);

function closed(input: object, eligible: number, turnout: number): Ballot {
  const list = voters(eligible);
  return { ...newBallot('b', BallotDraft.parse(input)), status: 'closed', eligible: list, voted: list.slice(0, turnout) };
}

const motionCounts = (agree: number, disagree: number, abstain = 0): Counts => ({ 'question/agree': agree, 'question/disagree': disagree, 'question/abstain': abstain });

describe('counts that would single out a paper are withheld', () => {
  it('an invalid ballot publishes no row: turnout only, and a motion does not carry', () => {
    const r = tally(closed({ kind: 'motion', title: 'M' }, 16, 1), motionCounts(0, 1), 16, 3);
    expect(r).toMatchObject({ turnout: 1, eligible: 16, valid: false, passed: false, subjects: [], minCast: 3 });
    expect(r.withheld).toEqual([{ subject: 'question', eligible: 16, reason: 'not-valid' }]);
    expect(JSON.stringify(r)).not.toContain('"counts"');
  });

  it('a row answered by fewer than minCast papers is withheld; an abstention is no answer', () => {
    const ballot = closed({ kind: 'rating', title: 'R', subjects: ['v01', 'collective'], allowAbstain: true }, 12, 10);
    const counts: Counts = { 'v01/good': 2, 'v01/abstain': 7, 'collective/good': 6, 'collective/excellent': 4 };
    const r = tally(ballot, counts, 12, 3);
    expect(r.valid).toBe(true);
    expect(r.withheld).toEqual([{ subject: 'v01', eligible: 11, reason: 'too-few-answers' }]);
    expect(r.subjects.map((s) => s.subject)).toEqual(['collective']);
    // Exactly minCast answers are published.
    expect(tally(ballot, { ...counts, 'v01/good': 3, 'v01/abstain': 6 }, 12, 3).subjects.map((s) => s.subject)).toEqual(['v01', 'collective']);
  });

  it('a motion\'s own "abstain" answer is no answer either; a withheld motion does not carry', () => {
    const ballot = closed({ kind: 'motion', title: 'M', quorum: [1, 2] }, 10, 10);
    expect(answersOf({ counts: { agree: 2, disagree: 0, abstain: 8 } })).toBe(2);
    const r = tally(ballot, motionCounts(2, 0, 8), 10, 3);
    expect(r).toMatchObject({ valid: true, passed: false, subjects: [], withheld: [{ reason: 'too-few-answers' }] });
    expect(tally(ballot, motionCounts(6, 1, 3), 10, 3)).toMatchObject({ passed: true, subjects: [{ counts: { agree: 6, disagree: 1, abstain: 3 } }] });
  });
});

describe("the organiser's ballot rules", () => {
  it('default to minCast 3, a quorum floor of one half, a required PIN and five tries', () => {
    expect(DEFAULT_BALLOT_RULES).toEqual({ minCast: 3, minQuorum: [1, 2], votingPin: 'required', pinAttempts: 5 });
    const def = MeetingDefinition.parse({ ...testDefinition(), ballotRules: undefined });
    expect(def.ballotRules).toEqual(DEFAULT_BALLOT_RULES);
    // Meetings stored before the rules existed get the defaults when they are loaded.
    expect(rulesOf(migrateState({}))).toEqual(DEFAULT_BALLOT_RULES);
  });

  it('refuse a definition whose ballots fall below the quorum floor, or whose minCast is below two', () => {
    const low = MeetingDefinition.safeParse({ ...testDefinition(), ballots: [{ kind: 'motion', title: 'M', quorum: [1, 3] }] });
    expect(low.success).toBe(false);
    expect(low.error?.issues[0]).toMatchObject({ path: ['ballots', 0, 'quorum'] });
    expect(MeetingDefinition.safeParse({ ...testDefinition(), ballotRules: { minCast: 1 } }).success).toBe(false);
    expect(atLeast([2, 3], [1, 2])).toBe(true);
    expect(atLeast([1, 2], [1, 2])).toBe(true);
    expect(atLeast([1, 3], [1, 2])).toBe(false);
  });

  it('a PIN is 4 to 8 digits, neither one digit repeated nor a run of consecutive digits', () => {
    for (const pin of ['1111', '000000', '1234', '123456', '6543', '7890', '0987', '12345678']) expect(pinWeakness(pin), pin).not.toBeNull();
    for (const pin of ['123', '123456789', '12a4', ' 1234']) expect(pinWeakness(pin), pin).toBe('a PIN is 4 to 8 digits');
    for (const pin of ['2580', '730519', '1357', '19450902']) expect(pinWeakness(pin), pin).toBeNull();
  });
});
