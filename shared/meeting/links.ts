import type { CommandOf } from './commands.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import type { Actor } from './roles.js';
import { findParticipant, type MeetingState } from './state.js';

/**
 * A participant's link is replaced (a lost tablet): the event is what the room and the record see;
 * the new token and the closing of the old link's connections are the server's (the entry's `newLink`).
 */
export function decideLinkReissue(state: MeetingState, command: CommandOf<'link.reissue'>, _actor: Actor, { now }: DecideContext): Decision {
  return findParticipant(state, command.participantId)
    ? accept({ type: 'link.reissued', participantId: command.participantId, at: now })
    : reject('not-found', `no participant ${command.participantId}`);
}
