import type { CommandOf } from '../meeting/commands.js';
import { accept, reject, type DecideContext, type Decision } from '../meeting/decision.js';
import type { MeetingEvent } from '../meeting/events.js';
import type { Actor } from '../meeting/roles.js';
import { showBallot } from '../meeting/screen.js';
import type { MeetingState } from '../meeting/state.js';
import { rulesOf } from '../ballots/rules.js';
import { tally } from '../ballots/tally.js';
import type { Ballot, BallotResults, Counts } from '../ballots/types.js';
import { confirmationsNeeded } from './committee.js';
import { tallyFingerprint } from './fingerprint.js';
import { reviewRulesOf } from './rules.js';

/**
 * Who publishes a closed ballot (docs/BALLOTS.md, "Counting committee"). Once a counting committee
 * exists, ratings and motions are published by the confirmations of its majority, each member on
 * their own device, never by the chair: the most powerful person in the room cannot publish, alter
 * or hurry a tally alone. Choices (electing the committee itself, for one) keep the chair's publish.
 */

/** Whether this ballot's tally goes through the counting committee. */
export function committeePublishes(state: Pick<MeetingState, 'committee'>, ballot: Pick<Ballot, 'kind'>): boolean {
  return state.committee !== null && ballot.kind !== 'choice';
}

/** Closed ballots whose tally waits for the committee's confirmations. */
export function awaitingCommittee(state: MeetingState): Ballot[] {
  return state.ballots.filter((b) => b.status === 'closed' && committeePublishes(state, b));
}

/** Confirmations so far, and how many publish. */
export function confirmationProgress(state: Pick<MeetingState, 'committee'>, ballot: Pick<Ballot, 'confirmations'>): { confirmed: number; needed: number } {
  return { confirmed: ballot.confirmations.length, needed: confirmationsNeeded(state.committee?.members.length ?? 0) };
}

/**
 * What publication shows: the shared `tally()` of the sealed counts, under the meeting's small-count
 * rule. The committee's count route, its confirmation and the chair's publish all call this one.
 */
export function publishedResults(state: MeetingState, ballot: Ballot, counts: Counts): BallotResults {
  return tally(ballot, counts, state.participants.filter((p) => p.member).length, rulesOf(state).minCast);
}

/** `ballot.publish` by the chair: refused while a committee publishes this kind of ballot. */
export function chairPublishRefusal(state: MeetingState, ballot: Ballot): Decision | null {
  if (!committeePublishes(state, ballot)) return null;
  const { confirmed, needed } = confirmationProgress(state, ballot);
  return reject('forbidden', `the counting committee publishes this ballot (${confirmed} of ${needed} confirmations)`, 'committee-publishes', { confirmed, needed });
}

/** `ballot.open`: a rating waits for its committee when the meeting's rules require one. */
export function openRefusal(state: MeetingState, ballot: Ballot): Decision | null {
  if (ballot.kind !== 'rating' || state.committee !== null || !reviewRulesOf(state).countingCommittee.required) return null;
  return reject('invalid-state', 'a rating opens only once the counting committee is appointed (the meeting requires one)', 'committee-required');
}

export type ConfirmCommand = CommandOf<'ballot.confirm'>;

/**
 * A committee member confirms, on their own device, the tally they were shown (its fingerprint).
 * The decision recomputes it from the sealed counts the server supplies and refuses any other;
 * the confirmation that makes the majority publishes exactly that result. A confirmation after
 * publication (a slower member) is recorded against the published result and publishes nothing.
 */
export function decideConfirm(state: MeetingState, command: ConfirmCommand, actor: Actor, ctx: DecideContext): Decision {
  const ballot = state.ballots.find((b) => b.id === command.ballotId);
  if (!ballot) return reject('not-found', `no ballot ${command.ballotId}`);
  if (!state.committee?.members.includes(actor.participantId)) return reject('forbidden', 'only the counting committee confirms a tally', 'not-on-committee');
  if (!committeePublishes(state, ballot)) return reject('invalid-state', "the chair publishes a choice's result", 'not-awaiting-count');
  if (ballot.confirmations.some((c) => c.participantId === actor.participantId)) return reject('invalid-state', 'you have confirmed this tally already', 'already-confirmed');

  const confirmed: MeetingEvent = { type: 'ballot.confirmed', ballotId: ballot.id, participantId: actor.participantId, at: ctx.now };
  if (ballot.status === 'published' && ballot.results && ballot.confirmations.length > 0) {
    return tallyFingerprint(ballot.id, ballot.results) === command.fingerprint ? accept(confirmed) : tallyChanged();
  }
  if (ballot.status !== 'closed') return reject('invalid-state', `the ballot is ${ballot.status}: there is no count to confirm`, 'not-awaiting-count');
  if (!ctx.counts) return reject('internal', 'the sealed counts were not supplied');
  const results = publishedResults(state, ballot, ctx.counts);
  if (tallyFingerprint(ballot.id, results) !== command.fingerprint) return tallyChanged();
  const { confirmed: before, needed } = confirmationProgress(state, ballot);
  if (before + 1 < needed) return accept(confirmed);
  // Publishing puts the results on the room screen, as the chair's publish does without a committee.
  return accept(confirmed, { type: 'ballot.published', ballotId: ballot.id, results }, ...showBallot(state, ballot.id));
}

const tallyChanged = () => reject('invalid-state', 'the fingerprint is not the tally publication would show: read the count again', 'tally-changed');

/** The tallies waiting for this member's confirmation: what their tablet flags, as it flags a paper to fill. */
export function countsToConfirm(state: MeetingState, participantId: string): Ballot[] {
  if (!state.committee?.members.includes(participantId)) return [];
  return awaitingCommittee(state).filter((b) => !b.confirmations.some((c) => c.participantId === participantId));
}
