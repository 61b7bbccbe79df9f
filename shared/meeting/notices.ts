import type { AttendanceStatus, MeetingState } from './state.js';
import type { MeetingEvent } from './events.js';

/**
 * Steps of the chair (or the organiser) that could be used against the ballot's secrecy or a
 * member's vote, and so are shown to everyone: on the room screen, on the affected member's own
 * device, and in the exported record with their time (docs/BALLOTS.md, "What everyone sees").
 */
export type NoticeKind =
  'link-reissued' | 'pin-set' | 'pin-reset' | 'voting-locked' | 'attendance-changed' | 'ballot-closed-early' | 'ballot-cancelled' | 'notes-restored' | 'committee-appointed';

export interface Notice {
  kind: NoticeKind;
  at: number;
  /** The member it concerns, if any. */
  participantId: string | null;
  ballotId: string | null;
  /** attendance-changed: the new status. */
  status?: AttendanceStatus;
  /** ballot-closed-early: papers handed in, out of the eligible voters. */
  turnout?: [number, number];
  /** ballot-cancelled: the chair's reason. */
  reason?: string;
  /** notes-restored: the document, and the time and name of the version it was restored to. */
  docName?: string;
  versionAt?: number;
  label?: string | null;
  /** committee-appointed: the counting committee's members (`participantId` appointed them; `ballotId` approved them, if a ballot did). */
  members?: string[];
}

/**
 * Notices for every member's device rather than the one they name: a restored document changed
 * what everyone wrote, a new counting committee counts everyone's papers. `participantId` is then
 * who did it. A restore is not on the room screen; an appointment is.
 */
export const EVERYONE_NOTICES: readonly NoticeKind[] = ['notes-restored', 'committee-appointed'];

/** Notices the room screen shows; a PIN being set matters to its owner only. */
export const ROOM_NOTICES: readonly NoticeKind[] = [
  'link-reissued',
  'pin-reset',
  'voting-locked',
  'attendance-changed',
  'ballot-closed-early',
  'ballot-cancelled',
  'committee-appointed',
];

/** Kept in the state; a two-day conference makes a few dozen. */
const MAX_NOTICES = 1000;

const openBallots = (state: MeetingState) => state.ballots.filter((b) => b.status === 'open');

/** The notice an event makes, judged against the state before it. */
export function noticeFor(state: MeetingState, event: MeetingEvent): Notice | null {
  const base = { participantId: null, ballotId: null };
  switch (event.type) {
    case 'link.reissued':
      return { ...base, kind: 'link-reissued', at: event.at, participantId: event.participantId };
    case 'pin.set':
      return { ...base, kind: 'pin-set', at: event.at, participantId: event.participantId };
    case 'pin.reset':
      return { ...base, kind: 'pin-reset', at: event.at, participantId: event.participantId };
    case 'voting.locked':
      return { ...base, kind: 'voting-locked', at: event.at, participantId: event.participantId };
    case 'attendance.marked': {
      // Who may vote is fixed at open, so a change while a ballot is open alters no list; it is still
      // shown, because it moves the meeting's quorum and prepares the next ballot's electorate.
      const open = openBallots(state);
      if (open.length === 0) return null;
      return { ...base, kind: 'attendance-changed', at: event.at, participantId: event.participantId, ballotId: open[0].id, status: event.status };
    }
    case 'ballot.closed': {
      const ballot = state.ballots.find((b) => b.id === event.ballotId);
      if (event.reason !== 'chair' || !ballot || ballot.voted.length >= ballot.eligible.length) return null;
      return { ...base, kind: 'ballot-closed-early', at: event.at, ballotId: event.ballotId, turnout: [ballot.voted.length, ballot.eligible.length] };
    }
    case 'ballot.cancelled':
      return { ...base, kind: 'ballot-cancelled', at: event.at, ballotId: event.ballotId, reason: event.reason };
    // Who counts the papers is the room's business: named by the chair or approved by a ballot, every appointment is shown.
    case 'committee.appointed': {
      const { basis, members, at } = event.committee;
      return {
        ...base,
        kind: 'committee-appointed',
        at: at ?? 0,
        participantId: basis.kind === 'definition' ? null : basis.by,
        ballotId: basis.kind === 'ballot' ? basis.ballotId : null,
        members,
      };
    }
    case 'notes.restored':
      return { ...base, kind: 'notes-restored', at: event.at, participantId: event.by, docName: event.docName, versionAt: event.versionAt, label: event.label };
    default:
      return null;
  }
}

/** Appends the event's notice, if it makes one. */
export function withNotice(before: MeetingState, after: MeetingState, event: MeetingEvent): MeetingState {
  const notice = noticeFor(before, event);
  if (!notice) return after;
  return { ...after, notices: [...(before.notices ?? []), notice].slice(-MAX_NOTICES) };
}

/** The notices that concern one member, newest first: what their own device shows them. */
export function noticesFor(state: MeetingState, participantId: string): Notice[] {
  return (state.notices ?? []).filter((n) => n.participantId === participantId || EVERYONE_NOTICES.includes(n.kind)).reverse();
}
