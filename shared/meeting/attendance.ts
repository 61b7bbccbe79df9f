import type { CommandOf } from './commands.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import { attends, type Actor } from './roles.js';
import { findParticipant, type AttendanceStatus, type MeetingState } from './state.js';

export type AttendanceCommand = CommandOf<'attendance.checkIn' | 'attendance.mark'>;

export function attendanceOf(state: MeetingState, participantId: string): AttendanceStatus {
  return state.attendance[participantId] ?? 'absent';
}

export function decideAttendance(state: MeetingState, command: AttendanceCommand, actor: Actor, ctx: Pick<DecideContext, 'now'>): Decision {
  const participantId = command.type === 'attendance.checkIn' ? actor.participantId : command.participantId;
  const status = command.type === 'attendance.checkIn' ? 'present' : command.status;
  const who = findParticipant(state, participantId);
  if (!who) return reject('not-found', `no participant ${participantId}`);
  if (!attends(who.role)) return reject('invalid-state', 'observers and screens do not attend');
  // Checking in twice is harmless: a tablet does it on every reconnect.
  if (attendanceOf(state, participantId) === status) return accept();
  return accept({ type: 'attendance.marked', participantId, status, at: ctx.now });
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
