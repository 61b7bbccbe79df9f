import { isPublicRole } from '../../shared/meeting/roles.js';
import { findParticipant, type MeetingState } from '../../shared/meeting/state.js';
import { hashToken, newToken } from '../ids.js';
import { joinUrl } from '../meetings/create.js';
import type { Revocation } from '../realtime/revocation.js';
import type { Store } from '../store/store.js';

/** The `newLink` need: a participant's new link, in force before the command's events are committed. */
export type NewLink = (meetingId: string, participantId: string, state: MeetingState) => Promise<string>;

/**
 * The new token is stored first and the old link's connections are closed, everywhere, so a lost
 * tablet stops working the moment the chair says so.
 */
export function linkReplacer(deps: { store: Store; revocation: Revocation; publicUrl: string }): NewLink {
  return async (meetingId, participantId, state) => {
    const token = newToken();
    const participant = findParticipant(state, participantId);
    // The public link is the one token kept in plain text: the room screen shows it as a QR code.
    const publicToken = participant && isPublicRole(participant.role) ? token : undefined;
    await deps.store.replaceToken(meetingId, participantId, hashToken(token), publicToken);
    await deps.revocation.everywhere(meetingId, participantId);
    return joinUrl(deps.publicUrl, token);
  };
}
