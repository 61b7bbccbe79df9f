import type { Participant, Role } from './state.js';

/** Who issues a command: the server takes both from the link the connection came with. */
export interface Actor {
  participantId: string;
  role: Role;
}

export type RoleSet = readonly Role[];

export const NOBODY: RoleSet = [];
export const CHAIR: RoleSet = ['chair'];
/** Those who run the meeting: the chair, and the secretary on the chair's behalf (queue, screen, minutes). */
export const PRESIDIUM: RoleSet = ['chair', 'secretary'];
/**
 * The body at work: they vote (a secretary only when also a member of the body: `isVoter`) and write
 * the notes. Guests are invited to speak, not to decide or to write the record.
 */
export const BODY: RoleSet = ['chair', 'secretary', 'member'];
/** Those in the room who take part: they ask for the floor and are marked present. Observers and the room screen only watch. */
export const ATTENDING: RoleSet = ['chair', 'secretary', 'member', 'guest'];

export const manages = (role: Role): boolean => PRESIDIUM.includes(role);
export const ofTheBody = (role: Role): boolean => BODY.includes(role);
export const attends = (role: Role): boolean => ATTENDING.includes(role);

/** The role the public link gives. The room screen is in the room, and shows what the room sees. */
export const isPublicRole = (role: Role): boolean => role === 'observer';

/** Those who show or hand out the public observer link: the room screen (its QR code) and the presidium. */
export const seesJoinLink = (role: Role): boolean => role === 'screen' || manages(role);

/** A member of the body in a voting role: whoever may ever vote, and so has a voting PIN. */
export const isVoter = (p: Pick<Participant, 'member' | 'role'>): boolean => p.member && ofTheBody(p.role);
