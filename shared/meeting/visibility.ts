import type { Ballot, BallotResults, SubjectResult, WithheldRow } from '../ballots/types.js';
import { COLLECTIVE } from '../ballots/scale.js';
import type { MeetingEvent } from './events.js';
import type { MeetingState } from './state.js';

/**
 * What the public observer link shows beyond the agenda, the speakers and the announcements, which
 * it always shows. The link is public by design (its QR code is on the room screen), so the body
 * decides in the definition what the public may follow; the server enforces it on every path.
 * Zod-free, like the ballot rules, so the views read it without loading the schema.
 */
export interface ObserverRules {
  /** The notes and the minutes, live. */
  notes: boolean;
  /** Published ratings: none, only the collective's row, or every row (naming each member rated). */
  ratings: 'none' | 'collective' | 'all';
  /** Published motions and choices. */
  motions: boolean;
  choices: boolean;
  /** The meeting's documents (once there are any). */
  documents: boolean;
}

export const DEFAULT_OBSERVER_RULES: ObserverRules = { notes: false, ratings: 'collective', motions: true, choices: true, documents: false };

export function observerRulesOf(state: Pick<MeetingState, 'observers'>): ObserverRules {
  return state.observers ?? DEFAULT_OBSERVER_RULES;
}

function shownRow(ballot: Ballot, row: SubjectResult, rules: ObserverRules): boolean {
  if (ballot.kind === 'motion') return rules.motions;
  if (ballot.kind === 'choice') return rules.choices;
  return rules.ratings === 'all' || (rules.ratings === 'collective' && row.subject === COLLECTIVE);
}

/** A ballot's results as the public sees them: hidden rows keep their turnout only. */
export function publicResults(ballot: Ballot, results: BallotResults, rules: ObserverRules): BallotResults {
  const hidden: WithheldRow[] = results.subjects
    .filter((row) => !shownRow(ballot, row, rules))
    .map((row) => ({ subject: row.subject, eligible: row.eligible, reason: 'not-public' }));
  if (hidden.length === 0) return results;
  const shown = results.subjects.filter((row) => shownRow(ballot, row, rules));
  // A motion's outcome is its row: hidden with it.
  return { ...results, subjects: shown, withheld: [...(results.withheld ?? []), ...hidden], passed: ballot.kind === 'motion' ? null : results.passed };
}

/**
 * Whether the public sees a member's disclosed self-assessment: where it sees their rating rows. A
 * self-assessment is an individual's, so only `ratings: 'all'` shows any (the collective has none).
 */
export const showsSelfAssessments = (rules: ObserverRules): boolean => rules.ratings === 'all';

/** The state the public link is sent. */
export function publicState(state: MeetingState): MeetingState {
  const rules = observerRulesOf(state);
  const ballots = state.ballots.map((b) => (b.results ? { ...b, results: publicResults(b, b.results, rules) } : b));
  return { ...state, ballots, ...(showsSelfAssessments(rules) ? {} : { disclosed: {} }) };
}

/** Events as the public link is sent them, `state` being the meeting after them (it knows each ballot's kind). */
export function publicEvents(state: MeetingState, events: MeetingEvent[]): MeetingEvent[] {
  const rules = observerRulesOf(state);
  const shown = events.filter((e) => e.type !== 'review.disclosed' || showsSelfAssessments(rules));
  return shown.map((e) => {
    if (e.type !== 'ballot.published') return e;
    const ballot = state.ballots.find((b) => b.id === e.ballotId);
    return ballot ? { ...e, results: publicResults(ballot, e.results, rules) } : e;
  });
}
