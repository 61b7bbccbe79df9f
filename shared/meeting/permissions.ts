import type { Command, CommandType } from './commands.js';
import type { MeetingState, Role } from './state.js';
import { activeItem } from './state.js';

export interface Actor {
  participantId: string;
  role: Role;
}

type Rule = readonly Role[];
const NOBODY: Rule = [];
const CHAIR: Rule = ['chair'];
const PRESIDIUM: Rule = ['chair', 'secretary'];
const SPEAKERS: Rule = ['chair', 'secretary', 'member', 'guest'];
/** Guests never vote; a secretary votes only when also a member of the body. */
const VOTERS: Rule = ['chair', 'secretary', 'member'];

/**
 * Which roles may issue each command at all. Observers and screens appear nowhere: they only watch.
 * Rules that also depend on the payload or the state (whose request, on whose behalf) are in `can`.
 */
export const PERMISSIONS: Record<CommandType, Rule> = {
  'meeting.start': PRESIDIUM,
  'meeting.finish': PRESIDIUM,
  'day.switch': PRESIDIUM,
  'agenda.open': PRESIDIUM,
  'agenda.next': PRESIDIUM,
  'agenda.previous': PRESIDIUM,
  'agenda.complete': PRESIDIUM,
  'agenda.skip': PRESIDIUM,
  'agenda.reorder': PRESIDIUM,
  'agenda.add': PRESIDIUM,
  'agenda.update': PRESIDIUM,
  'agenda.remove': PRESIDIUM,
  'queue.request': SPEAKERS,
  'queue.withdraw': SPEAKERS,
  'queue.give': PRESIDIUM,
  'queue.end': PRESIDIUM,
  'queue.extend': PRESIDIUM,
  'queue.reorder': PRESIDIUM,
  'queue.setOpen': PRESIDIUM,
  'queue.setSpeakingTime': PRESIDIUM,
  'attendance.checkIn': SPEAKERS,
  'attendance.mark': PRESIDIUM,
  'announcement.post': CHAIR,
  'announcement.clear': CHAIR,
  'link.reissue': CHAIR,
  // The secretary runs the screen when the chair is speaking.
  'screen.show': PRESIDIUM,
  'ballot.create': CHAIR,
  'ballot.update': CHAIR,
  'ballot.open': CHAIR,
  'ballot.close': CHAIR,
  'ballot.publish': CHAIR,
  'ballot.cancel': CHAIR,
  // Whether this voter is on this ballot's list is the ballot's own rule (ballots/decide.ts).
  'ballot.vote': VOTERS,
  // Anyone who may vote sets their own PIN; nobody sets another's (the organiser only resets one).
  'pin.set': VOTERS,
};

const manages = (actor: Actor) => PRESIDIUM.includes(actor.role);

/** May `actor` issue `command` in `state`? The one place every permission of the meeting is decided. */
export function can(actor: Actor, command: Command, state: MeetingState): boolean {
  if (!(PERMISSIONS[command.type] ?? NOBODY).includes(actor.role)) return false;
  switch (command.type) {
    case 'queue.request': {
      const onBehalf = command.participantId !== undefined && command.participantId !== actor.participantId;
      if (onBehalf) return manages(actor);
      // Only the member under review replies to what was said about them.
      if (command.kind === 'reply') return activeItem(state)?.subject === actor.participantId || manages(actor);
      return true;
    }
    case 'queue.withdraw': {
      if (manages(actor)) return true;
      const request = activeItem(state)?.queue.requests.find((r) => r.id === command.requestId);
      // An unknown request is reported as not-found by `decide`, not hidden behind a permission error.
      return request === undefined || request.participantId === actor.participantId;
    }
    case 'link.reissue':
      // The sender's own connections would be revoked before the new link reached them: locked out.
      return command.participantId !== actor.participantId;
    default:
      return true;
  }
}

/** Roles that may issue at least one command: everyone else gets a read-only view. */
export function isReadOnly(role: Role): boolean {
  return !Object.values(PERMISSIONS).some((rule) => rule.includes(role));
}
