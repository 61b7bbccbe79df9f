import { percent } from './tally.js';
import { ABSTAIN } from './scale.js';
import type { Ballot, SubjectResult } from './types.js';

/** One answer's part of a row's result, against the papers cast and against the eligible voters. */
export interface Share {
  /** An option id, or ABSTAIN for a blank row where the ballot allows it. */
  answer: string;
  count: number;
  ofCast: number;
  ofEligible: number;
}

/**
 * Every answer of a published row in the paper's order, then the abstentions where a rating or choice
 * allows them (a motion's abstention is one of its options already). The views show both bases: a
 * level's share of the votes cast, and of everyone who could have voted on that row.
 */
export function sharesOf(ballot: Pick<Ballot, 'options' | 'allowAbstain'>, row: SubjectResult): Share[] {
  const share = (answer: string, count: number): Share => ({
    answer,
    count,
    ofCast: percent(count, row.cast),
    ofEligible: percent(count, row.eligible),
  });
  const shares = ballot.options.map((o) => share(o.id, row.counts[o.id] ?? 0));
  const blankRows = ballot.allowAbstain && !ballot.options.some((o) => o.id === ABSTAIN);
  return blankRows ? [...shares, share(ABSTAIN, row.abstentions)] : shares;
}

/** Eligible voters for a row who handed in no paper. */
export function notVoted(row: SubjectResult): number {
  return Math.max(0, row.eligible - row.cast);
}
