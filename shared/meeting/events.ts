import type { AgendaItem, AttendanceSource, AttendanceStatus, FloorRequest, ScreenMode, Speech } from './state.js';
import type { AgendaItemFields } from '../definition.js';
import type { Ballot, BallotResults } from '../ballots/types.js';
import type { CountingCommittee, SelfAssessment } from '../review/types.js';
import type { DocumentFields, DocumentVersion, MeetingDocument } from '../documents/types.js';

/** What happened, as recorded in the store and sent to clients. Applied by `evolve`. */
export type MeetingEvent =
  | { type: 'meeting.started'; at: number }
  | { type: 'meeting.finished'; at: number }
  | { type: 'day.switched'; day: number }
  | { type: 'item.started'; itemId: string; at: number }
  | { type: 'item.reopened'; itemId: string }
  | { type: 'item.ended'; itemId: string; at: number; status: 'done' | 'skipped' | 'pending' }
  | { type: 'item.skipped'; itemId: string }
  | { type: 'item.added'; item: AgendaItem; index: number }
  | { type: 'item.updated'; itemId: string; changes: Partial<AgendaItemFields> }
  /** The item moves to `removedItems`; `at` is the record's time in events stored before schema 4. */
  | { type: 'item.removed'; itemId: string; at: number }
  | { type: 'agenda.reordered'; itemIds: string[] }
  | { type: 'floor.requested'; itemId: string; request: FloorRequest; index: number }
  | { type: 'floor.withdrawn'; itemId: string; requestId: string }
  | { type: 'speech.started'; itemId: string; speech: Speech; requestId: string | null }
  | { type: 'speech.ended'; itemId: string; at: number }
  | { type: 'speech.extended'; itemId: string; seconds: number }
  | { type: 'queue.reordered'; itemId: string; requestIds: string[] }
  | { type: 'queue.openSet'; itemId: string; open: boolean }
  | { type: 'queue.speakingTimeSet'; itemId: string; seconds: number }
  /** `by` is null and `source` `unrecorded` in events recorded before they existed (schema 2). */
  | { type: 'attendance.marked'; participantId: string; status: AttendanceStatus; at: number; source: AttendanceSource; by: string | null }
  | { type: 'announcement.posted'; text: string; at: number; endsAt: number | null }
  | { type: 'announcement.cleared' }
  | { type: 'link.reissued'; participantId: string; at: number }
  /** A voter set or changed their voting PIN (never the PIN itself). */
  | { type: 'pin.set'; participantId: string; at: number }
  /** The organiser cleared a voter's PIN (and any lock): the voter sets a new one. */
  | { type: 'pin.reset'; participantId: string; at: number }
  /** Too many wrong PINs: this voter's papers are refused until the organiser resets the PIN. */
  | { type: 'voting.locked'; participantId: string; at: number }
  | { type: 'screen.shown'; screen: ScreenMode }
  | { type: 'ballot.created'; ballot: Ballot }
  | { type: 'ballot.updated'; ballot: Ballot }
  | { type: 'ballot.opened'; ballotId: string; at: number; eligible: string[]; deadline: number | null }
  /** Who handed in a paper, never what was on it. Papers counted together share one event, in arrival order. */
  | { type: 'ballot.voted'; ballotId: string; voterIds: string[] }
  | { type: 'ballot.closed'; ballotId: string; at: number; reason: 'chair' | 'all-voted' | 'deadline' }
  | { type: 'ballot.published'; ballotId: string; results: BallotResults }
  | { type: 'ballot.cancelled'; ballotId: string; at: number; reason: string }
  /** A counting committee member confirmed the tally on their own device (never what it said: that is the published result). */
  | { type: 'ballot.confirmed'; ballotId: string; participantId: string; at: number }
  /** The counting committee was appointed, or replaced. */
  | { type: 'committee.appointed'; committee: CountingCommittee }
  /** A member handed in (or changed) their self-assessment: only the fact, its content stays in the store. */
  | { type: 'review.selfSubmitted'; participantId: string; at: number }
  /** A member's self-assessment is shown to the body: their review item or a rating of them opened. */
  | { type: 'review.disclosed'; participantId: string; assessment: SelfAssessment }
  /** The chair or the secretary named a version of a document (docs/YJS.md, "History"). */
  | { type: 'notes.versionNamed'; docName: string; versionId: string; label: string; by: string; at: number }
  /**
   * A document was restored to the version `versionId` (taken at `versionAt`, named `label` if it was);
   * `savedAs` is the version of the text as it was just before.
   */
  | { type: 'notes.restored'; docName: string; versionId: string; versionAt: number; label: string | null; by: string; at: number; savedAs: string }
  /**
   * The meeting's documents (docs/DOCUMENTS.md). `by` is a participant, or null for the organiser.
   * Outside the presidium, `document.added` also stands for any change of a document the audience
   * sees (the whole document as it now is), and `document.hidden` for one it may no longer see
   * (shared/documents/visibility.ts): those two never reach the store.
   */
  | { type: 'document.added'; document: MeetingDocument }
  | { type: 'document.replaced'; documentId: string; version: DocumentVersion }
  | { type: 'document.edited'; documentId: string; changes: Partial<DocumentFields>; at: number; by: string | null }
  | { type: 'document.removed'; documentId: string; at: number; by: string | null }
  | { type: 'document.hidden'; documentId: string };

export type MeetingEventType = MeetingEvent['type'];
