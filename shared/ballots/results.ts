import type { BallotOption } from './scale.js';
import type { Majority, SubjectResult } from './types.js';

/**
 * The arithmetic of a ballot's result: quorum, majorities and percentages. Pure, shared by the
 * server's tally and every view, so the room screen, the tablets and the record say the same thing.
 */

/** Percentage with one decimal, 0 when the base is empty. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** At least `n/d` of the eligible voters handed in a paper (exactly two thirds is enough). */
export function meetsQuorum(turnout: number, eligible: number, [n, d]: [number, number]): boolean {
  return eligible > 0 && turnout * d >= eligible * n;
}

/** The fewest papers that make a ballot valid: ⌈eligible · n/d⌉. */
export function requiredTurnout(eligible: number, [n, d]: [number, number]): number {
  return Math.ceil((eligible * n) / d);
}

const thresholdOf = (m: Majority) => m.threshold ?? 'more-than';

/**
 * Whether `agree` votes carry a motion against `base` (votes cast or all members): "more than half"
 * is strictly above the fraction; "at least two thirds" reaches it. Nothing carries with no votes.
 */
export function carries(agree: number, base: number, majority: Majority): boolean {
  const [n, d] = majority.fraction;
  if (agree === 0) return false;
  return thresholdOf(majority) === 'at-least' ? agree * d >= base * n : agree * d > base * n;
}

/** The fewest agreeing votes that carry a motion against `base`. */
export function votesNeeded(base: number, majority: Majority): number {
  const [n, d] = majority.fraction;
  const exact = (base * n) / d;
  const needed = thresholdOf(majority) === 'at-least' ? Math.ceil(exact) : Math.floor(exact) + 1;
  return Math.max(1, needed);
}

export interface Share {
  count: number;
  /** Percentage of the papers that had this row. */
  ofCast: number;
  /** Percentage of the eligible voters who had this row, whether they voted or not. */
  ofEligible: number;
}

export interface SubjectShares {
  subject: string;
  options: (Share & { option: BallotOption })[];
  abstentions: Share;
  /** Eligible voters who handed in no paper. */
  notVoted: number;
}

const share = (count: number, row: SubjectResult): Share => ({ count, ofCast: percent(count, row.cast), ofEligible: percent(count, row.eligible) });

/** One row of the published result with every count as a share of the votes cast and of the eligible voters. */
export function subjectShares(options: readonly BallotOption[], row: SubjectResult): SubjectShares {
  return {
    subject: row.subject,
    options: options.map((option) => ({ option, ...share(row.counts[option.id] ?? 0, row) })),
    abstentions: share(row.abstentions, row),
    notVoted: Math.max(0, row.eligible - row.cast),
  };
}

/** The option(s) with the most votes on a row; empty when nobody chose any. Several means a tie. */
export function leadingOptions(row: SubjectResult): string[] {
  const top = Math.max(0, ...Object.values(row.counts));
  return top === 0 ? [] : Object.keys(row.counts).filter((id) => row.counts[id] === top);
}
