import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../../shared/ballots/draft.js';
import { newBallot } from '../../../shared/ballots/newBallot.js';
import type { Ballot, BallotResults } from '../../../shared/ballots/types.js';
import { initialState, type MeetingState } from '../../../shared/meeting/state.js';
import { approvalProblem } from '../../../shared/review/appoint.js';
import { confirmationsNeeded } from '../../../shared/review/committee.js';
import { committeePublishes } from '../../../shared/review/publication.js';
import { testDefinition } from '../../helpers/definitions.js';

/** The test meeting, with one published ballot of the draft and results given. */
function withBallot(draft: Record<string, unknown>, results: Partial<BallotResults>): { state: MeetingState; ballot: Ballot } {
  const ballot: Ballot = {
    ...newBallot('b', BallotDraft.parse(draft)),
    status: 'published',
    results: { turnout: 5, eligible: 5, valid: true, passed: null, subjects: [], withheld: [], ...results },
  };
  return { state: { ...initialState('m', testDefinition()), ballots: [ballot] }, ballot };
}

describe('the counting committee, as pure rules', () => {
  it('a majority of the committee publishes', () => {
    expect([2, 3, 4, 5].map(confirmationsNeeded)).toEqual([2, 2, 3, 3]);
  });

  it('ratings and motions go through a committee once there is one; choices never', () => {
    const committee = { members: ['m1', 'm2'], basis: { kind: 'definition' as const }, at: null };
    expect(committeePublishes({ committee: null }, { kind: 'rating' })).toBe(false);
    expect(committeePublishes({ committee }, { kind: 'rating' })).toBe(true);
    expect(committeePublishes({ committee }, { kind: 'motion' })).toBe(true);
    expect(committeePublishes({ committee }, { kind: 'choice' })).toBe(false);
  });

  it('a carried motion approves the members its title names, whole names only', () => {
    const row = (agree: number) => ({ subject: 'question', counts: { agree, disagree: 5 - agree, abstain: 0 }, abstentions: 0, cast: 5, eligible: 5 });
    const title = 'Thông qua tổ kiểm phiếu: đ/c LÊ VĂN MỘT, đ/c Phạm Thị Hai';
    const carried = withBallot({ kind: 'motion', title }, { passed: true, subjects: [row(4)] });
    expect(approvalProblem(carried.state, carried.ballot, ['m1', 'm2'])).toBeNull();
    expect(approvalProblem(carried.state, carried.ballot, ['m1', 'm3'])).toMatch(/does not name m3/);
    const failed = withBallot({ kind: 'motion', title }, { passed: false, subjects: [row(2)] });
    expect(approvalProblem(failed.state, failed.ballot, ['m1', 'm2'])).toMatch(/did not carry/);
    // "Phạm Thị Hai" does not name "Phạm Thị Ha"… nor the other way round.
    const longer = withBallot({ kind: 'motion', title: 'Tổ gồm đ/c Lê Văn Mộtt và đ/c Phạm Thị Hai' }, { passed: true, subjects: [row(4)] });
    expect(approvalProblem(longer.state, longer.ballot, ['m1', 'm2'])).toMatch(/does not name m1/);
  });

  it('a choice approves its most chosen candidates; never one passed over, an outsider, or a withheld row', () => {
    const options = ['m1', 'm2', 'm3'].map((id) => ({ id, vi: id, en: id }));
    const counts = { m1: 3, m2: 1, m3: 1 };
    const { state, ballot } = withBallot(
      { kind: 'choice', title: 'Bầu tổ kiểm phiếu', options },
      { subjects: [{ subject: 'question', counts, abstentions: 0, cast: 5, eligible: 5 }] },
    );
    expect(approvalProblem(state, ballot, ['m1', 'm2'])).toBeNull();
    // A tie at the edge is the chair's to settle.
    expect(approvalProblem(state, ballot, ['m1', 'm3'])).toBeNull();
    expect(approvalProblem(state, ballot, ['m2', 'm3'])).toMatch(/m1 had more votes/);
    expect(approvalProblem(state, ballot, ['m1', 'm4'])).toMatch(/not one of the options/);
    const withheld = withBallot({ kind: 'choice', title: 'Bầu', options }, { subjects: [], withheld: [{ subject: 'question', eligible: 5, reason: 'too-few-answers' }] });
    expect(approvalProblem(withheld.state, withheld.ballot, ['m1', 'm2'])).toMatch(/withheld/);
    expect(approvalProblem(state, { ...ballot, status: 'closed', results: null }, ['m1', 'm2'])).toMatch(/not published/);
  });
});
