import type { MeetingState } from '../meeting/state.js';

/**
 * The meeting's rules for every ballot, set by the organiser in the definition (not by the chair,
 * who runs the ballots): see docs/BALLOTS.md, "Rules and where their defaults come from".
 * Zod-free so that the state (and every view) can read them without loading the schema.
 */
export interface BallotRules {
  /**
   * A row's counts are published only when at least this many papers answered it (an abstention is
   * no answer). Below it, one or two papers could be read off the counts.
   */
  minCast: number;
  /** The lowest quorum a ballot may be given: the chair cannot draft a ballot valid with fewer papers. */
  minQuorum: [number, number];
  /** Whether every paper must carry its voter's personal PIN (docs/BALLOTS.md, "Voting PIN"). */
  votingPin: 'required' | 'off';
  /** Wrong PINs in a row that lock a voter's voting until the organiser resets it. */
  pinAttempts: number;
}

export const DEFAULT_BALLOT_RULES: BallotRules = { minCast: 3, minQuorum: [1, 2], votingPin: 'required', pinAttempts: 5 };

/** The rules in force (meetings stored before they existed got the defaults when loaded: shared/migrations/). */
export function rulesOf(state: Pick<MeetingState, 'ballotRules'>): BallotRules {
  return state.ballotRules;
}

/** Whether the fraction `a` is at least the fraction `b`. */
export function atLeast([an, ad]: [number, number], [bn, bd]: [number, number]): boolean {
  return an * bd >= bn * ad;
}
