import { newBallot } from '../ballots/newBallot.js';
import type { Ballot } from '../ballots/types.js';
import { DEFAULT_BALLOT_RULES, type BallotRules } from '../ballots/rules.js';
import type { Notice } from './notices.js';
import { DEFAULT_OBSERVER_RULES, type ObserverRules } from './visibility.js';
import type { AgendaItemFields, ItemKind, MeetingDefinition, Role } from '../definition.js';
import { SCHEMA_VERSION } from '../versions.js';
import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../review/rules.js';
import type { CountingCommittee, SelfAssessment } from '../review/types.js';
import type { MeetingDocument } from '../documents/types.js';

export type { ItemKind, Role };

export interface Participant {
  id: string;
  name: string;
  position: string;
  role: Role;
  /** Counts towards the quorum (a voting member of the body). */
  member: boolean;
}

export const REQUEST_KINDS = ['point-of-order', 'speech', 'reply'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface FloorRequest {
  id: string;
  participantId: string;
  kind: RequestKind;
  requestedAt: number;
  /** Set when the chair or secretary queued someone on their behalf. */
  addedBy: string | null;
}

export interface Speech {
  participantId: string;
  kind: RequestKind;
  startedAt: number;
  /** Allowed length including every extension. */
  limitSec: number;
}

export interface FinishedSpeech extends Speech {
  endedAt: number;
}

export interface ItemQueue {
  open: boolean;
  speakingSec: number;
  requests: FloorRequest[];
  current: Speech | null;
  speeches: FinishedSpeech[];
}

export type ItemStatus = 'pending' | 'active' | 'done' | 'skipped';

export interface AgendaItem {
  id: string;
  day: number;
  title: string;
  kind: ItemKind;
  subject: string | null;
  presenter: string | null;
  plannedMinutes: number;
  status: ItemStatus;
  /** Server time the item was first opened, and last closed. */
  startedAt: number | null;
  endedAt: number | null;
  queue: ItemQueue;
}

/**
 * An item taken off the agenda before it took place, kept as it was (schema 4): its notes document
 * stays in the store and in the record, read-only, and its id is never given to another item.
 */
export interface RemovedItem extends AgendaItem {
  /** Server time of the removal. */
  removedAt: number;
}

export type AttendanceStatus = 'present' | 'absent' | 'excused';

/**
 * How a mark was made: `self`, the person tapped "I am present" on their own device; `console`, the
 * server checked in a chair or secretary opening the console; `presidium`, the chair or the
 * secretary marked it (`by` says who); `unrecorded`, a mark stored before the source was kept (schema 2).
 */
export const ATTENDANCE_SOURCES = ['self', 'console', 'presidium', 'unrecorded'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** One person's attendance as recorded: distinct from presence (a live connection), which is never stored. */
export interface AttendanceMark {
  status: AttendanceStatus;
  source: AttendanceSource;
  /** Who made the mark; null when unrecorded. */
  by: string | null;
  /** Server time of the mark; null when unrecorded. */
  at: number | null;
}

export interface Announcement {
  text: string;
  postedAt: number;
  endsAt: number | null;
}

export type MeetingStatus = 'scheduled' | 'running' | 'finished';

/**
 * What the room's big screen shows, as the chair chose: the agenda with the speaker and queue, the
 * open item's notes, one ballot (turnout while open, results once published), or a page of one of
 * the meeting's documents ("chiếu tài liệu"), which the chair turns.
 */
export type ScreenMode = { show: 'agenda' } | { show: 'notes' } | { show: 'ballot'; ballotId: string } | { show: 'document'; documentId: string; page: number };
export const SCREEN_SHOWS = ['agenda', 'notes', 'ballot', 'document'] as const;

export interface MeetingState {
  id: string;
  title: string;
  organisation: string;
  location: string;
  timeZone: string;
  days: string[];
  speakingSec: number;
  quorum: [number, number];
  status: MeetingStatus;
  startedAt: number | null;
  endedAt: number | null;
  /** 1-based index into `days`. */
  currentDay: number;
  activeItemId: string | null;
  participants: Participant[];
  agenda: AgendaItem[];
  /** Items removed from the agenda, oldest removal first; never shown on it, never reopened (schema 4). */
  removedItems: RemovedItem[];
  /** The attendance record per participant id; missing means not marked yet (counted absent). */
  attendance: Record<string, AttendanceMark>;
  announcement: Announcement | null;
  ballots: Ballot[];
  screen: ScreenMode;
  /** The organiser's rules for every ballot (meetings stored before they existed get them on load: shared/migrations/). */
  ballotRules: BallotRules;
  /** Voters who have set a voting PIN, or whose voting is locked; never the PIN or its hash. */
  pins: Record<string, PinStatus>;
  /** What could be abused, shown to the whole room and kept in the record (notices.ts). */
  notices: Notice[];
  /** What the public observer link shows (visibility.ts). */
  observers: ObserverRules;
  /** The organiser's rules for the review: self-assessment form, levels, caps, counting committee (shared/review/rules.ts). */
  reviewRules: ReviewRules;
  /** Who has handed in a self-assessment, and when (the latest); its content stays in the store until disclosed. */
  selfAssessed: Record<string, number>;
  /** Self-assessments disclosed to the body: when the member's review item or a rating of them opened. */
  disclosed: Record<string, SelfAssessment>;
  /** The counting committee, once appointed; null before. */
  committee: CountingCommittee | null;
  /** The meeting's documents (shared/documents/types.ts); outside the presidium, only those the audience may see. */
  documents: MeetingDocument[];
  /** How the filed record (biên bản) is headed and the minutes begin (docs/DEFINITION.md, "record"). */
  record: RecordSettings;
  /** The schema the state is stored in (shared/versions.ts); older ones are migrated on load. */
  schemaVersion: number;
}

export type PinStatus = 'set' | 'locked';

export interface RecordSettings {
  /** The body directly above this one, first line of the Party document header (e.g. "ĐẢNG BỘ TỈNH …"); empty when none. */
  parentBody: string;
  /** The headings the minutes document starts with, in order (a template the secretary fills in). */
  minutesSections: string[];
}

/** The usual sections of a conference's minutes (biên bản hội nghị), used when the definition gives none. */
export const DEFAULT_MINUTES_SECTIONS = [
  'Thời gian, địa điểm',
  'Thành phần tham dự',
  'Chủ trì, thư ký',
  'Nội dung',
  'Ý kiến thảo luận',
  'Kết quả đánh giá, xếp loại',
  'Kết luận của chủ trì',
];

export function defaultMembership(role: Role): boolean {
  return role === 'chair' || role === 'member';
}

export function newItem(id: string, fields: AgendaItemFields, meetingSpeakingSec: number): AgendaItem {
  return {
    id,
    day: fields.day,
    title: fields.title,
    kind: fields.kind,
    subject: fields.subject ?? null,
    presenter: fields.presenter ?? null,
    plannedMinutes: fields.plannedMinutes,
    status: 'pending',
    startedAt: null,
    endedAt: null,
    queue: { open: true, speakingSec: fields.speakingSeconds ?? meetingSpeakingSec, requests: [], current: null, speeches: [] },
  };
}

/** The state of a meeting that has just been created from its definition. */
export function initialState(meetingId: string, def: MeetingDefinition): MeetingState {
  return {
    id: meetingId,
    title: def.title,
    organisation: def.organisation,
    location: def.location,
    timeZone: def.timeZone,
    days: def.days,
    speakingSec: def.speakingSeconds,
    quorum: def.quorum,
    status: 'scheduled',
    startedAt: null,
    endedAt: null,
    currentDay: 1,
    activeItemId: null,
    participants: def.participants.map((p) => ({
      id: p.id,
      name: p.name,
      position: p.position,
      role: p.role,
      member: p.member ?? defaultMembership(p.role),
    })),
    agenda: def.agenda.map((item, i) => newItem(item.id ?? `item-${i + 1}`, item, def.speakingSeconds)),
    removedItems: [],
    attendance: {},
    announcement: null,
    ballots: def.ballots.map((b, i) => newBallot(b.id ?? `ballot-${i + 1}`, b)),
    screen: { show: 'agenda' },
    ballotRules: def.ballotRules ?? DEFAULT_BALLOT_RULES,
    pins: {},
    notices: [],
    observers: def.observers ?? DEFAULT_OBSERVER_RULES,
    reviewRules: def.review ?? DEFAULT_REVIEW_RULES,
    selfAssessed: {},
    disclosed: {},
    committee: def.countingCommittee ? { members: def.countingCommittee, basis: { kind: 'definition' }, at: null } : null,
    record: { parentBody: def.record?.parentBody ?? '', minutesSections: def.record?.minutesSections ?? DEFAULT_MINUTES_SECTIONS },
    // The definition's files are uploaded after the meeting exists (the CLI), each as `document.add`.
    documents: [],
    schemaVersion: SCHEMA_VERSION,
  };
}

export function findParticipant(state: MeetingState, id: string): Participant | undefined {
  return state.participants.find((p) => p.id === id);
}

export function findItem(state: MeetingState, id: string): AgendaItem | undefined {
  return state.agenda.find((i) => i.id === id);
}

export function findRemovedItem(state: MeetingState, id: string): RemovedItem | undefined {
  return state.removedItems.find((i) => i.id === id);
}

export function activeItem(state: MeetingState): AgendaItem | undefined {
  return state.activeItemId === null ? undefined : findItem(state, state.activeItemId);
}
