import type { BallotOption } from './scale.js';
import type { LevelRule } from '../review/rules.js';
import type { TallyConfirmation } from '../review/types.js';

export type BallotKind = 'rating' | 'motion' | 'choice';
export type BallotStatus = 'draft' | 'open' | 'closed' | 'published' | 'cancelled';
export type Eligibility = 'present-members' | 'all-members';

export interface Majority {
  /** Count the threshold against the votes cast, or against every member of the body. */
  base: 'cast' | 'members';
  fraction: [number, number];
  /** "more-than" (default: more than half) or "at-least" (at least two thirds). Absent in ballots stored before it existed. */
  threshold?: 'more-than' | 'at-least';
}

export interface Ballot {
  id: string;
  kind: BallotKind;
  title: string;
  /** Rows of the paper: participant ids or COLLECTIVE for a rating; one row for a motion or choice. */
  subjects: string[];
  options: BallotOption[];
  allowAbstain: boolean;
  /** Whether a subject rates themself. */
  selfRating: boolean;
  eligibility: Eligibility;
  closeWhenAllVoted: boolean;
  deadlineMinutes: number | null;
  quorum: [number, number];
  majority: Majority;
  itemId: string | null;
  status: BallotStatus;
  /** Fixed when the ballot opens. */
  eligible: string[];
  /** Who has handed in a paper, sorted by id so the order says nothing about when. */
  voted: string[];
  openedAt: number | null;
  deadline: number | null;
  closedAt: number | null;
  cancelReason: string | null;
  /** Only present once published: before that the counts never leave the server. */
  results: BallotResults | null;
  /** A rating's rule for the proposed level; null: the meeting's (`ReviewRules.levelRule`). */
  levelRule: LevelRule | null;
  /** The counting committee's confirmations of the tally, in order (docs/BALLOTS.md, "Counting committee"). */
  confirmations: TallyConfirmation[];
}

export interface SubjectResult {
  subject: string;
  /** Votes per option id. */
  counts: Record<string, number>;
  abstentions: number;
  /** Papers that had this row (a subject does not rate themself). */
  cast: number;
  eligible: number;
}

/**
 * A row whose counts are not published: the ballot is not valid (its quorum was not met), or fewer
 * papers than the meeting's `minCast` answered the row. Only its turnout is shown.
 */
export interface WithheldRow {
  subject: string;
  eligible: number;
  /** 'not-public': shown to the room, not to the public observer link (shared/meeting/visibility.ts). */
  reason: 'not-valid' | 'too-few-answers' | 'not-public';
}

export interface BallotResults {
  /** Papers handed in. */
  turnout: number;
  /** Voters on the list fixed when the ballot opened. */
  eligible: number;
  /** Members of the body when the results were published: a motion's base when its majority counts all members. */
  members?: number;
  /** Enough of the eligible voters voted for the result to count. */
  valid: boolean;
  /** The rows whose counts are published; every other row is in `withheld`. */
  subjects: SubjectResult[];
  /** Rows published as turnout only (absent in results published before the rule existed). */
  withheld?: WithheldRow[];
  /** The fewest answers a row needed to be published. */
  minCast?: number;
  /** For a motion: whether it carried under the ballot's majority rule. */
  passed: boolean | null;
}

/** Sealed tallies, as the store keeps them: count per `${subject}/${optionId}`. */
export type Counts = Record<string, number>;

export const countKey = (subject: string, option: string) => `${subject}/${option}`;
