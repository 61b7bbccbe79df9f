import { COLLECTIVE } from '../ballots/scale.js';
import type { Ballot, BallotResults } from '../ballots/types.js';
import type { MeetingState } from '../meeting/state.js';
import { checkCaps, proposedLevel, type CapCheck } from './levels.js';
import type { LevelRule } from './rules.js';

export interface SubjectProposal {
  subject: string;
  /** The level the votes propose to the competent body; null when no level passes the rule. */
  proposed: string | null;
  /** The member's own level, once disclosed; null for the collective or when none is known. */
  self: string | null;
  /** Both are known and they are not the same level: the views mark it. */
  differs: boolean;
}

export interface BallotProposals {
  /** The rule the ballot states (its own, or the meeting's). */
  rule: LevelRule;
  /** One per published row, in the paper's order; withheld rows propose nothing. */
  rows: SubjectProposal[];
  /** The definition's caps over the individuals' proposed levels (the collective is not counted). */
  caps: CapCheck[];
}

/**
 * What a published rating proposes, subject by subject, beside each member's self-rating, and the
 * caps checked: the one computation the results views and the records share. Null for a motion or
 * a choice, which propose no level.
 */
export function ballotProposals(state: Pick<MeetingState, 'reviewRules' | 'disclosed'>, ballot: Ballot, results: BallotResults): BallotProposals | null {
  if (ballot.kind !== 'rating') return null;
  const rule = ballot.levelRule ?? state.reviewRules.levelRule;
  const published = new Map(results.subjects.map((r) => [r.subject, r]));
  const rows = ballot.subjects.flatMap((subject): SubjectProposal[] => {
    const row = published.get(subject);
    if (!row) return [];
    const proposed = proposedLevel(row, ballot.options, rule);
    const self = subject === COLLECTIVE ? null : (state.disclosed[subject]?.level ?? null);
    return [{ subject, proposed, self, differs: self !== null && proposed !== null && self !== proposed }];
  });
  const individuals = Object.fromEntries(rows.filter((r) => r.subject !== COLLECTIVE).map((r) => [r.subject, r.proposed]));
  return { rule, rows, caps: checkCaps(individuals, state.reviewRules.caps) };
}

/** A proposal by subject, for views that look rows up one at a time. */
export function proposalFor(proposals: BallotProposals | null, subject: string): SubjectProposal | undefined {
  return proposals?.rows.find((r) => r.subject === subject);
}
