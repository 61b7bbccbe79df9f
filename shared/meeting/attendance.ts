import type { CommandOf } from './commands.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import type { MeetingEvent } from './events.js';
import { attends, type Actor } from './roles.js';
import { findParticipant, type AttendanceMark, type AttendanceSource, type AttendanceStatus, type MeetingState } from './state.js';

/**
 * Attendance is the record the chair keeps: who is present, absent or excused, who said so and when.
 * Presence (a live connection) is something else and never changes it: a tablet opened at home is
 * not a member in the room. See docs/PROTOCOL.md, "Attendance".
 */

export function markOf(state: MeetingState, participantId: string): AttendanceMark | undefined {
  return state.attendance[participantId];
}

/** What counts for the quorum and the electorate: anyone not marked is absent. */
export function attendanceOf(state: MeetingState, participantId: string): AttendanceStatus {
  return markOf(state, participantId)?.status ?? 'absent';
}

/**
 * Whether the chair or the secretary decided this person's attendance: then the person's own tap
 * does not change it. Marks kept before sources were recorded came from the presidium unless they
 * said present (a tablet then checked itself in), and a present one makes the tap a no-op anyway.
 */
export function markedByPresidium(mark: AttendanceMark | undefined): boolean {
  return mark !== undefined && (mark.source === 'presidium' || (mark.source === 'unrecorded' && mark.status !== 'present'));
}

function marked(participantId: string, status: AttendanceStatus, source: AttendanceSource, by: string, at: number): MeetingEvent {
  return { type: 'attendance.marked', participantId, status, source, by, at };
}

function attendee(state: MeetingState, participantId: string): Decision | null {
  const who = findParticipant(state, participantId);
  if (!who) return reject('not-found', `no participant ${participantId}`);
  if (!attends(who.role)) return reject('invalid-state', 'observers and screens do not attend');
  return null;
}

/**
 * A person's own "I am present", from their device. Open from before the start (signing in at the
 * door) until the meeting ends; never over what the chair or secretary marked.
 */
export function decideCheckIn(state: MeetingState, _command: CommandOf<'attendance.checkIn'>, actor: Actor, { now }: Pick<DecideContext, 'now'>): Decision {
  const refused = attendee(state, actor.participantId);
  if (refused) return refused;
  if (state.status === 'finished') return reject('invalid-state', 'the meeting has ended: attendance is closed', 'check-in-closed');
  const mark = markOf(state, actor.participantId);
  if (markedByPresidium(mark)) return reject('invalid-state', `the chair or the secretary marked ${actor.participantId} ${mark?.status}`, 'attendance-marked');
  if (mark?.status === 'present') return accept();
  return accept(marked(actor.participantId, 'present', 'self', actor.participantId, now));
}

/** The chair's or secretary's mark: over anything, since attendance is theirs to keep. */
export function decideMark(state: MeetingState, command: CommandOf<'attendance.mark'>, actor: Actor, { now }: Pick<DecideContext, 'now'>): Decision {
  const refused = attendee(state, command.participantId);
  if (refused) return refused;
  const mark = markOf(state, command.participantId);
  if (mark?.status === command.status && mark.source === 'presidium') return accept();
  return accept(marked(command.participantId, command.status, 'presidium', actor.participantId, now));
}

/**
 * "Mark everyone connected present": each participant who attends, is connected now (`online`, which
 * only the server knows) and has no mark yet. Existing marks stay, whatever they say.
 */
export function decideMarkConnected(state: MeetingState, _command: CommandOf<'attendance.markConnected'>, actor: Actor, ctx: Pick<DecideContext, 'now' | 'online'>): Decision {
  const online = new Set(ctx.online ?? []);
  const events = state.participants
    .filter((p) => attends(p.role) && online.has(p.id) && !markOf(state, p.id))
    .map((p) => marked(p.id, 'present', 'presidium', actor.participantId, ctx.now));
  return accept(...events);
}

/** How many people a decision marked: what `attendance.markConnected` answers with. */
export const countMarked = (events: readonly MeetingEvent[]): number => events.filter((e) => e.type === 'attendance.marked').length;

/**
 * The chair or the secretary opened the console: the server checks them in as themselves, unless
 * someone already marked them (or the meeting is over). Made by the server, not by any command.
 */
export function decideConsoleCheckIn(state: MeetingState, actor: Actor, now: number): Decision {
  if (state.status === 'finished' || markOf(state, actor.participantId) || attendee(state, actor.participantId)) return accept();
  return accept(marked(actor.participantId, 'present', 'console', actor.participantId, now));
}

export interface Quorum {
  present: number;
  members: number;
  required: number;
  met: boolean;
}

/** Present members against all members, and whether the meeting's quorum fraction is reached. */
export function quorum(state: MeetingState): Quorum {
  const members = state.participants.filter((p) => p.member);
  const present = members.filter((p) => attendanceOf(state, p.id) === 'present').length;
  const [num, den] = state.quorum;
  const required = Math.ceil((members.length * num) / den);
  return { present, members: members.length, required, met: members.length > 0 && present >= required };
}
