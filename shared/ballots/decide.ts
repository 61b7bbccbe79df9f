import type { CommandOf } from '../meeting/commands.js';
import { accept, ending, reject, type DecideContext, type Decision } from '../meeting/decision.js';
import type { MeetingEvent } from '../meeting/events.js';
import { isVoter, type Actor } from '../meeting/roles.js';
import { showBallot } from '../meeting/screen.js';
import { findItem, findParticipant, type MeetingState } from '../meeting/state.js';
import type { BallotDraft } from './draft.js';
import { newBallot } from './newBallot.js';
import { checkPaper } from './paper.js';
import { meetsQuorum, requiredTurnout } from './results.js';
import { atLeast, rulesOf } from './rules.js';
import { attendanceOf, quorum as meetingQuorum } from '../meeting/attendance.js';
import { rowsFor } from './rows.js';
import { COLLECTIVE } from './scale.js';
import { tally } from './tally.js';
import type { Ballot } from './types.js';
import { collectiveFirstProblem } from '../review/flow.js';

export type BallotCommand = CommandOf<'ballot.create' | 'ballot.update' | 'ballot.open' | 'ballot.close' | 'ballot.publish' | 'ballot.cancel' | 'ballot.vote'>;

export function findBallot(state: MeetingState, id: string): Ballot | undefined {
  return state.ballots.find((b) => b.id === id);
}

/**
 * Who may vote when a ballot opens: members of the body in a voting role (guests, observers and the
 * screen never vote, whatever their `member` flag), present ones unless the ballot says all members,
 * and only those with at least one row to fill in (the sole subject of a rating does not rate themself).
 */
export function eligibleVoters(state: MeetingState, ballot: Pick<Ballot, 'eligibility' | 'kind' | 'subjects' | 'selfRating'>): string[] {
  return state.participants
    .filter(isVoter)
    .filter((p) => ballot.eligibility === 'all-members' || attendanceOf(state, p.id) === 'present')
    .filter((p) => rowsFor(ballot, p.id).length > 0)
    .map((p) => p.id)
    .sort();
}

function checkDraft(state: MeetingState, draft: BallotDraft): Decision | null {
  const bad = quorumBelowFloor(state, draft.quorum);
  if (bad) return bad;
  for (const s of draft.subjects ?? []) {
    if (s === COLLECTIVE) continue;
    const subject = findParticipant(state, s);
    if (!subject) return reject('not-found', `no participant ${s} to rate`);
    if (!subject.member) return reject('invalid-payload', `${s} is not a member of the body: only members (or "${COLLECTIVE}") are rated`);
  }
  if (draft.itemId !== undefined && !findItem(state, draft.itemId)) return reject('not-found', `no agenda item ${draft.itemId}`);
  return null;
}

/** The chair may not draft a ballot that is valid with fewer papers than the organiser allows. */
function quorumBelowFloor(state: MeetingState, quorum: [number, number]): Decision | null {
  const floor = rulesOf(state).minQuorum;
  if (atLeast(quorum, floor)) return null;
  return reject('invalid-payload', `quorum: at least ${floor[0]}/${floor[1]} of the eligible voters (the meeting's rule)`, 'quorum-below-floor', { n: floor[0], d: floor[1] });
}

/**
 * A ballot opens only while the meeting's quorum of members is present and at least `minCast`
 * voters are eligible: a smaller electorate would make its counts its voters' papers.
 */
function checkOpen(state: MeetingState, ballot: Ballot, eligible: string[]): Decision | null {
  const present = meetingQuorum(state);
  if (!present.met) {
    return reject('invalid-state', `the meeting has no quorum: ${present.present} of ${present.members} members present, ${present.required} needed`, 'meeting-quorum-not-met', {
      present: present.present,
      required: present.required,
      members: present.members,
    });
  }
  const { minCast } = rulesOf(state);
  if (eligible.length < minCast) {
    return reject('invalid-state', `only ${eligible.length} eligible voters: a ballot needs at least ${minCast}`, 'too-few-eligible', { eligible: eligible.length, minCast });
  }
  return quorumBelowFloor(state, ballot.quorum);
}

/**
 * The chair closes a ballot before everyone voted only once its quorum is reached: below it the
 * papers so far could be too few to hide in, so the chair can only cancel (counts deleted).
 */
function checkEarlyClose(ballot: Ballot): Decision | null {
  if (ballot.voted.length >= ballot.eligible.length || meetsQuorum(ballot.voted.length, ballot.eligible.length, ballot.quorum)) return null;
  const required = requiredTurnout(ballot.eligible.length, ballot.quorum);
  return reject(
    'invalid-state',
    `only ${ballot.voted.length} of ${ballot.eligible.length} have voted; closing needs ${required} (the ballot's quorum): wait, or cancel it`,
    'ballot-quorum-not-met',
    { turnout: ballot.voted.length, required, eligible: ballot.eligible.length },
  );
}

const membersOf = (state: MeetingState) => state.participants.filter((p) => p.member).length;

/**
 * A ballot's lifecycle: draft → open → closed → published, or cancelled with a reason.
 * A vote's decision carries the count keys to add; the server stores them together with
 * "has voted", atomically, and keeps nothing else of the paper.
 */
export function decideBallot(state: MeetingState, command: BallotCommand, actor: Actor, ctx: DecideContext): Decision {
  if (command.type === 'ballot.create') {
    const bad = checkDraft(state, command.ballot);
    if (bad) return bad;
    const id = command.ballot.id ?? ctx.newId();
    if (findBallot(state, id)) return reject('invalid-state', `a ballot ${id} exists already`);
    return accept({ type: 'ballot.created', ballot: newBallot(id, command.ballot) });
  }

  const ballot = findBallot(state, command.ballotId);
  if (!ballot) return reject('not-found', `no ballot ${command.ballotId}`);
  const wrongStatus = (...allowed: Ballot['status'][]) => (allowed.includes(ballot.status) ? null : reject('invalid-state', `the ballot is ${ballot.status}`));

  switch (command.type) {
    case 'ballot.update': {
      const bad = wrongStatus('draft') ?? checkDraft(state, command.ballot);
      if (bad) return bad;
      return accept({ type: 'ballot.updated', ballot: newBallot(ballot.id, command.ballot) });
    }
    case 'ballot.open': {
      const bad = wrongStatus('draft');
      if (bad) return bad;
      const eligible = eligibleVoters(state, ballot);
      const refused = checkOpen(state, ballot, eligible);
      if (refused) return refused;
      const outOfOrder = collectiveFirstProblem(state, ballot);
      if (outOfOrder) return reject('invalid-state', outOfOrder, 'collective-first');
      const deadline = ballot.deadlineMinutes === null ? null : ctx.now + ballot.deadlineMinutes * 60_000;
      return accept({ type: 'ballot.opened', ballotId: ballot.id, at: ctx.now, eligible, deadline }, ...showBallot(state, ballot.id));
    }
    case 'ballot.close':
      return (
        wrongStatus('open') ??
        checkEarlyClose(ballot) ?? { ok: true, events: [{ type: 'ballot.closed', ballotId: ballot.id, at: ctx.now, reason: 'chair' }], tallies: ending(ballot.id) }
      );
    case 'ballot.publish': {
      const bad = wrongStatus('closed');
      if (bad) return bad;
      if (!ctx.counts) return reject('internal', 'the sealed counts were not supplied');
      return accept(
        { type: 'ballot.published', ballotId: ballot.id, results: tally(ballot, ctx.counts, membersOf(state), rulesOf(state).minCast) },
        ...showBallot(state, ballot.id),
      );
    }
    // A cancelled ballot is never published: its counts so far are destroyed rather than kept sealed.
    case 'ballot.cancel':
      return (
        wrongStatus('draft', 'open', 'closed') ?? {
          ok: true,
          events: [{ type: 'ballot.cancelled', ballotId: ballot.id, at: ctx.now, reason: command.reason }],
          tallies: { drop: [ballot.id], ...ending(ballot.id) },
        }
      );
    case 'ballot.vote': {
      const bad = wrongStatus('open');
      if (bad) return bad;
      if (!ballot.eligible.includes(actor.participantId)) return reject('not-eligible', "you are not on this ballot's list of voters");
      if (ballot.voted.includes(actor.participantId)) return reject('already-voted', 'your paper for this ballot was already counted');
      if (state.pins?.[actor.participantId] === 'locked') return reject('voting-locked', 'voting is locked after too many wrong PINs: ask the organiser to reset your PIN');
      if (rulesOf(state).votingPin === 'required' && !ctx.pinVerified) return reject('pin-required', 'a paper needs your voting PIN');
      const paper = checkPaper(ballot, actor.participantId, command.paper);
      if (!paper.ok) return reject('invalid-paper', paper.message);
      const vote = { ballotId: ballot.id, voterId: actor.participantId, increments: paper.increments };
      const voted: MeetingEvent = { type: 'ballot.voted', ballotId: ballot.id, voterIds: [actor.participantId] };
      if (ballot.closeWhenAllVoted && ballot.voted.length + 1 === ballot.eligible.length) {
        return { ok: true, events: [voted, { type: 'ballot.closed', ballotId: ballot.id, at: ctx.now, reason: 'all-voted' }], vote, tallies: ending(ballot.id) };
      }
      return { ok: true, events: [voted], vote };
    }
  }
}

/** Closes every open ballot whose deadline has passed; the server calls it on a timer. */
export function closeOverdue(state: MeetingState, now: number): MeetingEvent[] {
  return overdue(state, now).map((b) => ({ type: 'ballot.closed', ballotId: b.id, at: now, reason: 'deadline' }) as const);
}

/** `closeOverdue` as a decision, with the closed ballots' count history for the store to erase. */
export function decideOverdue(state: MeetingState, now: number): Decision {
  const ids = overdue(state, now).map((b) => b.id);
  return { ok: true, events: closeOverdue(state, now), tallies: ids.length > 0 ? { eraseHistory: ids } : undefined };
}

const overdue = (state: MeetingState, now: number) => state.ballots.filter((b) => b.status === 'open' && b.deadline !== null && b.deadline <= now);
