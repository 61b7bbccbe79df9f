import type { CommandOf } from '../meeting/commands.js';
import { accept, reject, type DecideContext, type Decision } from '../meeting/decision.js';
import type { Actor } from '../meeting/roles.js';
import type { MeetingState } from '../meeting/state.js';
import type { Ballot } from '../ballots/types.js';
import { committeeProblem } from './committee.js';
import { awaitingCommittee } from './publication.js';
import { reviewRulesOf } from './rules.js';
import type { CommitteeBasis } from './types.js';

export type AppointCommand = CommandOf<'committee.appoint'>;

/** Names compared as the room reads them: Unicode-normalised, case and spacing aside. */
const plain = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** The whole name, not the start of a longer one ("Lê Văn An" is not named by "Lê Văn Anh"). */
function namedIn(title: string, name: string): boolean {
  for (let at = title.indexOf(name); at >= 0; at = title.indexOf(name, at + 1)) {
    const before = title[at - 1] ?? ' ';
    const after = title[at + name.length] ?? ' ';
    if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return true;
  }
  return false;
}

/**
 * Whether a published ballot approved exactly this committee (docs/BALLOTS.md, "Counting committee"):
 * - a motion that carried, whose title names every member (as the definition spells them): the room
 *   voted on a list it could read;
 * - a choice whose options are the candidates (option id = participant id), each member among them,
 *   and no candidate left out who had more votes than a member: the body's most chosen, ties at the
 *   edge being the chair's to settle in the open. A withheld row approves nobody.
 * Null when it did, else why not.
 */
export function approvalProblem(state: MeetingState, ballot: Ballot, members: readonly string[]): string | null {
  if (ballot.status !== 'published' || !ballot.results) return `ballot ${ballot.id} is not published`;
  if (ballot.kind === 'motion') {
    if (ballot.results.passed !== true) return `motion ${ballot.id} did not carry`;
    const title = plain(ballot.title);
    const unnamed = members.find((id) => !namedIn(title, plain(state.participants.find((p) => p.id === id)?.name ?? id)));
    return unnamed ? `motion ${ballot.id} does not name ${unnamed}` : null;
  }
  if (ballot.kind === 'choice') {
    const row = ballot.results.subjects[0];
    if (!row) return `the result of ${ballot.id} was withheld`;
    const outsider = members.find((id) => !ballot.options.some((o) => o.id === id));
    if (outsider) return `${outsider} is not one of the options of ${ballot.id}`;
    const votes = (id: string) => row.counts[id] ?? 0;
    const fewest = Math.min(...members.map(votes));
    if (fewest === 0) return `a member got no vote in ${ballot.id}`;
    const passedOver = ballot.options.find((o) => !members.includes(o.id) && votes(o.id) > fewest);
    return passedOver ? `${passedOver.id} had more votes than a member` : null;
  }
  return 'a rating does not appoint a committee';
}

/**
 * The chair appoints (or replaces) the counting committee: named by the chair, or as the body
 * approved it in a ballot. Never while a tally waits for the committee: whoever counts a ballot
 * was fixed before the count began.
 */
export function decideAppoint(state: MeetingState, command: AppointCommand, actor: Actor, ctx: DecideContext): Decision {
  const rules = reviewRulesOf(state).countingCommittee;
  const problem = committeeProblem(state.participants, command.members, rules);
  if (problem) return reject('invalid-payload', problem, 'committee-invalid', { min: rules.min, max: rules.max });
  const waiting = awaitingCommittee(state);
  if (state.committee && waiting.length > 0) {
    return reject('invalid-state', `the committee is counting ${waiting.map((b) => b.id).join(', ')}: it cannot be replaced until it has published`, 'committee-counting', {
      ballots: waiting.length,
    });
  }
  let basis: CommitteeBasis = { kind: 'named', by: actor.participantId };
  if (command.ballotId !== undefined) {
    const ballot = state.ballots.find((b) => b.id === command.ballotId);
    if (!ballot) return reject('not-found', `no ballot ${command.ballotId}`);
    const notApproved = approvalProblem(state, ballot, command.members);
    if (notApproved) return reject('invalid-state', notApproved, 'committee-not-approved');
    basis = { kind: 'ballot', ballotId: ballot.id, by: actor.participantId };
  }
  return accept({ type: 'committee.appointed', committee: { members: [...command.members], basis, at: ctx.now } });
}
