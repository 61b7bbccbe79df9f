import { decideBallot } from '../ballots/decide.js';
import { decidePinSet } from '../ballots/pin.js';
import type { CommandOf, CommandType } from './commands.js';
import { decideAgenda, nextItem, previousItem } from './agenda.js';
import { decideAnnouncement } from './announcements.js';
import { countMarked, decideCheckIn, decideMark, decideMarkConnected } from './attendance.js';
import type { DecideContext, Decision } from './decision.js';
import type { MeetingEvent } from './events.js';
import type { CommandResult } from '../protocol.js';
import { decideLinkReissue } from './links.js';
import { decideQueue, mayRequestFloor, mayWithdraw } from './queue.js';
import { ATTENDING, BODY, CHAIR, PRESIDIUM, type Actor, type RoleSet } from './roles.js';
import { decideScreen } from './screen.js';
import { decideNotes } from '../notes/decide.js';
import { findItem, type MeetingState } from './state.js';
import { assessmentOf, awaitingDisclosure, decideSelfAssessment, itemSubjects } from '../review/selfAssessment.js';
import type { SelfAssessment } from '../review/types.js';
import { findBallot } from '../ballots/decide.js';
import { decideAppoint } from '../review/appoint.js';
import { decideConfirm } from '../review/publication.js';
import { decideDocument } from '../documents/decide.js';

/**
 * Everything about one command beyond its wire schema (`commands.ts`): who may issue it, what it
 * means, and what the server has to supply or do around the decision. The schemas stay apart because
 * the decide functions are typed by them: a registry that held both could not type itself.
 */
export interface Entry<T extends CommandType> {
  /** Roles that may issue it at all. Observers and screens appear nowhere: they only watch. */
  roles: RoleSet;
  /** What the payload and the state must also allow for this actor, else `forbidden` (whose request, on whose behalf). */
  allows?: (actor: Actor, command: CommandOf<T>, state: MeetingState) => boolean;
  /** The meeting's rule: the events, or why not. Runs only once the actor is allowed (`can`). */
  decide: (state: MeetingState, command: CommandOf<T>, actor: Actor, ctx: DecideContext) => Decision;
  /** What only the server holds or does; its handlers (server/commands/) are keyed by the need, not by the command. */
  needs?: Needs<T>;
  /** Decided in groups that arrive together and committed as one version: ballot papers in a burst. */
  batched?: true;
  /** The payload is secret (a paper, a PIN): a failure while handling it is logged by its error class only. */
  secret?: true;
  /** What the acknowledgement says beyond the version, from the accepted events (none when nothing changed). */
  answer?: (events: readonly MeetingEvent[]) => Partial<CommandResult>;
}

export interface Needs<T extends CommandType> {
  /** The ballot whose sealed counts the decision reads (`ctx.counts`); only the store holds them. */
  counts?: (command: CommandOf<T>) => string;
  /** The participant whose link is replaced before the events are committed; the answer carries the new link. */
  newLink?: (command: CommandOf<T>) => string;
  pin?: PinUse<T>;
  /** Who is connected now (`ctx.online`): presence is the server's, never stored in the state. */
  online?: true;
  /** The document version the command names (`ctx.docVersion`): versions live in the store (docs/YJS.md, "History"). */
  docVersion?: (command: CommandOf<T>) => { docName: string; versionId: string };
  /** The version its events name is taken, or restored, before they are committed (server/commands/docHistory.ts). */
  history?: true;
  /** The self-assessment the command carries, dated by its accepted `review.selfSubmitted`: stored before the events are committed, never in them. */
  selfAssessment?: (command: CommandOf<T>, at: number) => SelfAssessment;
  /** The stored file the command names (`ctx.blob`), by its SHA-256: only the server reads the file store. */
  blob?: (command: CommandOf<T>) => string;
  /** Whose stored self-assessments the step may disclose (`ctx.selfAssessments`): the store holds them until then. */
  disclosure?: (command: CommandOf<T>, state: MeetingState) => string[];
}

/**
 * A voting PIN in the payload, which only the server can check (it keeps the hash). It is split off
 * before the rules see the command, and never stored, logged or broadcast.
 * `authorises`: the voter's PIN, checked against the stored hash before the decision (`ctx.pinVerified`).
 * `replaces`: the voter's new PIN, stored as a hash once the rules accept the rest; the current one is checked first when set.
 */
export type PinUse<T extends CommandType> =
  | { authorises: (command: CommandOf<T>) => { pin: string | undefined; rest: CommandOf<T> } }
  | { replaces: (command: CommandOf<T>) => { pin: string; current: string | undefined; rest: CommandOf<T> } };

export type Registry = { readonly [T in CommandType]: Entry<T> };

/** The version a history command stored: the one named, or the text as it was before a restore. */
function versionAnswer(events: readonly MeetingEvent[]): Partial<CommandResult> {
  for (const e of events) {
    if (e.type === 'notes.versionNamed') return { versionId: e.versionId };
    if (e.type === 'notes.restored') return { versionId: e.savedAs };
  }
  return {};
}

/** The document `document.add` created: the console and the upload route go on with it. */
function addedDocument(events: readonly MeetingEvent[]): Partial<CommandResult> {
  const added = events.find((e) => e.type === 'document.added');
  return added ? { documentId: added.document.id } : {};
}

/** Self-assessments an agenda step may disclose: those of the subject of the individual's item it opens. */
const openingItem = (item: Parameters<typeof itemSubjects>[0]) => (state: MeetingState) => awaitingDisclosure(state, itemSubjects(item));
const disclosedBy = {
  open: (command: CommandOf<'agenda.open'>, state: MeetingState) => openingItem(findItem(state, command.itemId))(state),
  next: (_command: CommandOf<'agenda.next'>, state: MeetingState) => openingItem(nextItem(state))(state),
  previous: (_command: CommandOf<'agenda.previous'>, state: MeetingState) => openingItem(previousItem(state))(state),
  rating: (command: CommandOf<'ballot.open'>, state: MeetingState) => {
    const ballot = findBallot(state, command.ballotId);
    return ballot?.kind === 'rating' ? awaitingDisclosure(state, ballot.subjects) : [];
  },
};

/** One entry per command type: the compiler refuses a command without one, or an entry without a command. */
export const REGISTRY: Registry = {
  'meeting.start': { roles: PRESIDIUM, decide: decideAgenda },
  'meeting.finish': { roles: PRESIDIUM, decide: decideAgenda },
  'day.switch': { roles: PRESIDIUM, decide: decideAgenda },
  'agenda.open': { roles: PRESIDIUM, decide: decideAgenda, needs: { disclosure: disclosedBy.open } },
  'agenda.next': { roles: PRESIDIUM, decide: decideAgenda, needs: { disclosure: disclosedBy.next } },
  'agenda.previous': { roles: PRESIDIUM, decide: decideAgenda, needs: { disclosure: disclosedBy.previous } },
  'agenda.complete': { roles: PRESIDIUM, decide: decideAgenda },
  'agenda.skip': { roles: PRESIDIUM, decide: decideAgenda },
  'agenda.reorder': { roles: PRESIDIUM, decide: decideAgenda },
  'agenda.add': { roles: PRESIDIUM, decide: decideAgenda },
  'agenda.update': { roles: PRESIDIUM, decide: decideAgenda },
  'agenda.remove': { roles: PRESIDIUM, decide: decideAgenda },

  'queue.request': { roles: ATTENDING, allows: mayRequestFloor, decide: decideQueue },
  'queue.withdraw': { roles: ATTENDING, allows: mayWithdraw, decide: decideQueue },
  'queue.give': { roles: PRESIDIUM, decide: decideQueue },
  'queue.end': { roles: PRESIDIUM, decide: decideQueue },
  'queue.extend': { roles: PRESIDIUM, decide: decideQueue },
  'queue.reorder': { roles: PRESIDIUM, decide: decideQueue },
  'queue.setOpen': { roles: PRESIDIUM, decide: decideQueue },
  'queue.setSpeakingTime': { roles: PRESIDIUM, decide: decideQueue },

  'attendance.checkIn': { roles: ATTENDING, decide: decideCheckIn },
  'attendance.mark': { roles: PRESIDIUM, decide: decideMark },
  'attendance.markConnected': { roles: PRESIDIUM, decide: decideMarkConnected, needs: { online: true }, answer: (events) => ({ marked: countMarked(events) }) },

  'announcement.post': { roles: CHAIR, decide: decideAnnouncement },
  'announcement.clear': { roles: CHAIR, decide: decideAnnouncement },

  'link.reissue': {
    roles: CHAIR,
    // The sender's own connections would be revoked before the new link reached them: locked out.
    allows: (actor, command) => command.participantId !== actor.participantId,
    decide: decideLinkReissue,
    needs: { newLink: (command) => command.participantId },
  },

  // The secretary runs the screen when the chair is speaking.
  'screen.show': { roles: PRESIDIUM, decide: decideScreen },

  'ballot.create': { roles: CHAIR, decide: decideBallot },
  'ballot.update': { roles: CHAIR, decide: decideBallot },
  'ballot.open': { roles: CHAIR, decide: decideBallot, needs: { disclosure: disclosedBy.rating } },
  'ballot.close': { roles: CHAIR, decide: decideBallot },
  'ballot.publish': { roles: CHAIR, decide: decideBallot, needs: { counts: (command) => command.ballotId } },
  'ballot.cancel': { roles: CHAIR, decide: decideBallot },
  // Whether this voter is on this ballot's list is the ballot's own rule (ballots/decide.ts).
  'ballot.vote': {
    roles: BODY,
    decide: decideBallot,
    needs: { pin: { authorises: ({ pin, ...paper }) => ({ pin, rest: paper }) } },
    batched: true,
    secret: true,
  },
  // Anyone who may vote sets their own PIN; nobody sets another's (the organiser only resets one).
  'pin.set': {
    roles: BODY,
    decide: (state, _command, actor, { now }) => decidePinSet(state, actor, now),
    // What the rules and the record see says that a PIN was set, never which.
    needs: { pin: { replaces: ({ pin, currentPin }) => ({ pin, current: currentPin, rest: { type: 'pin.set', pin: '' } }) } },
    secret: true,
  },

  // A document's history: those who keep the record name versions and restore them.
  'notes.nameVersion': { roles: PRESIDIUM, decide: decideNotes, needs: { history: true }, answer: versionAnswer },
  'notes.restore': {
    roles: PRESIDIUM,
    decide: decideNotes,
    needs: { docVersion: ({ docName, versionId }) => ({ docName, versionId }), history: true },
    answer: versionAnswer,
  },

  // Issue 17, self-assessment (shared/review/selfAssessment.ts): a voter's own, for themself only
  // (a secretary who is not a member of the body is refused by the rule, as a non-voter's paper is).
  // Its content goes to the store and stays there until disclosed; its failures log no payload.
  'review.submitSelf': {
    roles: BODY,
    decide: decideSelfAssessment,
    needs: { selfAssessment: assessmentOf },
    secret: true,
  },
  // The counting committee: the chair appoints it; a member confirms a tally on their own device, from
  // the sealed counts the server supplies (whether the sender sits on it is the rule's to say).
  'committee.appoint': { roles: CHAIR, decide: decideAppoint },
  'ballot.confirm': { roles: BODY, decide: decideConfirm, needs: { counts: (command) => command.ballotId } },

  // The meeting's documents (docs/DOCUMENTS.md): the presidium keeps them, as it keeps the minutes.
  'document.add': { roles: PRESIDIUM, decide: decideDocument, needs: { blob: (command) => command.blob }, answer: addedDocument },
  'document.replace': { roles: PRESIDIUM, decide: decideDocument, needs: { blob: (command) => command.blob } },
  'document.edit': { roles: PRESIDIUM, decide: decideDocument },
  'document.remove': { roles: PRESIDIUM, decide: decideDocument },
};

/** Every command type, in the order of the schemas (and of the permission table in docs/PROTOCOL.md). */
export const COMMAND_TYPES = Object.keys(REGISTRY) as CommandType[];

export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(REGISTRY, type);
}

/**
 * The entry of a command type, typed by it. Called with a `Command`'s `type` (the whole union) it
 * gives the entry whose functions take that `Command`: the usual way to dispatch on a correlated union.
 */
export function entryFor<T extends CommandType>(type: T): Entry<T> {
  return REGISTRY[type];
}
