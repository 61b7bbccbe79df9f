import type { MeetingDefinition } from '../../shared/definition.js';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { TallyWork, VoteRecord } from '../../shared/meeting/decision.js';
import type { Counts } from '../../shared/ballots/types.js';
import type { DocVersionMeta } from '../../shared/notes/history.js';
import type { SelfAssessment } from '../../shared/review/types.js';

export interface StoredMeeting {
  id: string;
  version: number;
  state: MeetingState;
}

export interface MeetingSummary {
  id: string;
  title: string;
  createdAt: number;
}

export interface TokenOwner {
  meetingId: string;
  participantId: string;
}

export interface EventRecord {
  version: number;
  at: number;
  actor: string | null;
  events: MeetingEvent[];
}

/** A co-edited document's stored updates (see docs/YJS.md, "Persistence"). */
export interface StoredDoc {
  /** Every stored update, oldest first; applying them all gives the document. */
  updates: Uint8Array[];
  /** Where the last of them sits in the document's log; 0 for an empty log. Pass it to `compactDoc`. */
  through: number;
}

/**
 * A version of a document as stored (docs/YJS.md, "History"): its description, a fingerprint of its
 * text (to skip a version that changes nothing) and its size. The editors are the store's: the
 * participants recorded since the previous version, taken with it.
 */
export interface StoredVersionMeta extends DocVersionMeta {
  hash: string;
  bytes: number;
}

export interface NewDocVersion {
  meta: Omit<StoredVersionMeta, 'editors' | 'bytes'>;
  /** The whole document as `Y.encodeStateAsUpdate` gives it: a version needs no log and survives compaction. */
  state: Uint8Array;
}

/** A voter's PIN as kept: a slow hash (server/ballots/pins.ts) and the wrong tries in a row. */
export interface StoredPin {
  hash: string;
  failures: number;
}

export interface NewMeeting {
  id: string;
  createdAt: number;
  definition: MeetingDefinition;
  state: MeetingState;
  /** One hashed token per participant; `publicToken` only for the observer link (see `publicToken`). */
  tokens: { participantId: string; tokenHash: string; publicToken?: string }[];
}

export interface Commit {
  meetingId: string;
  /** The version the events were decided against; the commit fails if the stored one moved on. */
  expectedVersion: number;
  state: MeetingState;
  events: MeetingEvent[];
  at: number;
  actor: string | null;
  /**
   * Ballot papers: each one's voter and count increments, stored with the commit or not at all.
   * Papers that arrive together share one commit (one fsync, one broadcast), so there may be many.
   */
  votes?: VoteRecord[];
  /**
   * What the decision says becomes of ballots' counts, besides the papers: `drop` deletes a ballot's
   * counts (cancelled, never published), with the commit or not at all; `eraseHistory` names ballots
   * that take no more papers, after which the store keeps no earlier version of their counts anywhere
   * it can reach (SQLite's WAL, Redis's AOF). The store acts on these, never on the events.
   */
  tallies?: TallyWork;
}

/**
 * Everything the server keeps. Implementations: SQLite (embedded default) and Redis (scale-out);
 * tests/store/contract.ts runs the same suite against each.
 */
export interface Store {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  createMeeting(meeting: NewMeeting): Promise<void>;
  loadMeeting(id: string): Promise<StoredMeeting | null>;
  listMeetings(): Promise<MeetingSummary[]>;
  /** The stored version alone: how an instance checks its cached copy without loading the state. */
  currentVersion(id: string): Promise<number | null>;
  /**
   * Atomic compare-and-set on the version: all of the commit is stored, or none of it. With votes,
   * "has voted" and the counts change in the same step; if any voter is already recorded (or named
   * twice), nothing is stored and the answer is 'already-voted'.
   * Nothing stored links the voter to the increments: voters and counts live apart, unordered, untimed.
   */
  commit(commit: Commit): Promise<'ok' | 'conflict' | 'already-voted'>;
  /** A ballot's sealed counts; read only to publish them. */
  readCounts(meetingId: string, ballotId: string): Promise<Counts>;
  readEvents(meetingId: string, afterVersion?: number): Promise<EventRecord[]>;
  findToken(tokenHash: string): Promise<TokenOwner | null>;
  /** Replaces a participant's token: the old one stops working at once. */
  replaceToken(meetingId: string, participantId: string, tokenHash: string, publicToken?: string): Promise<void>;
  /**
   * The observer link is public by design (the room screen shows it as a QR code), so it is the one
   * token kept in plain text; every other token exists only as its SHA-256 hash.
   */
  publicToken(meetingId: string): Promise<string | null>;
  /** A voter's PIN hash and wrong tries; null when none is set. */
  readPin(meetingId: string, participantId: string): Promise<StoredPin | null>;
  /** Sets (or replaces) a voter's PIN hash, with no wrong tries. */
  setPin(meetingId: string, participantId: string, hash: string): Promise<void>;
  /** Counts one wrong try, atomically across instances; answers the tries in a row so far. */
  pinFailed(meetingId: string, participantId: string): Promise<number>;
  /** A right PIN: the wrong tries start again from zero. */
  pinSucceeded(meetingId: string, participantId: string): Promise<void>;
  /** The organiser's reset: no PIN, no tries, no lock. */
  resetPin(meetingId: string, participantId: string): Promise<void>;
  /** Appends one Yjs update to the document's log; once this resolves the update survives kill -9. */
  appendDocUpdate(meetingId: string, docName: string, update: Uint8Array): Promise<void>;
  loadDoc(meetingId: string, docName: string): Promise<StoredDoc>;
  /**
   * Atomically replaces the log's prefix up to `through` (as returned by `loadDoc`) with `merged`,
   * which must contain all of it. Updates appended after that `loadDoc` are kept.
   */
  compactDoc(meetingId: string, docName: string, merged: Uint8Array, through: number): Promise<void>;
  /** Bytes the document's log takes in the store (its updates, with the store's per-entry framing); 0 for none. */
  docStoredBytes(meetingId: string, docName: string): Promise<number>;
  /**
   * Stores a version of the document and answers it with its editors: the participants recorded by
   * `addDocAuthors` since the previous version, in the order they first were, whom this clears in the
   * same atomic step (an edit recorded meanwhile counts towards the next version). Durable on return.
   */
  saveDocVersion(meetingId: string, docName: string, version: NewDocVersion): Promise<StoredVersionMeta>;
  /** The document's versions, newest first. */
  listDocVersions(meetingId: string, docName: string): Promise<StoredVersionMeta[]>;
  loadDocVersion(meetingId: string, docName: string, versionId: string): Promise<{ meta: StoredVersionMeta; state: Uint8Array } | null>;
  deleteDocVersions(meetingId: string, docName: string, versionIds: readonly string[]): Promise<void>;
  /**
   * Attribution (docs/YJS.md, "Attribution"): Yjs client ids first seen from a participant's
   * connection (a client id already recorded keeps its first owner), and participants who changed
   * the document, added to the editors of its next version.
   */
  addDocAuthors(meetingId: string, docName: string, authors: readonly (readonly [number, string])[], editors: readonly string[]): Promise<void>;
  /** Every recorded client id of the document and its participant. */
  loadDocAuthors(meetingId: string, docName: string): Promise<Map<number, string>>;
  /**
   * Self-assessments (docs/BALLOTS.md, "Self-assessment"): each member's latest, kept here and nowhere
   * else until it is disclosed (the state and the events say only that one was handed in). Durable on return.
   */
  saveSelfAssessment(meetingId: string, participantId: string, assessment: SelfAssessment): Promise<void>;
  /** The stored self-assessments of those of `participantIds` who have one. */
  readSelfAssessments(meetingId: string, participantIds: readonly string[]): Promise<Record<string, SelfAssessment>>;
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** A meeting with this id is already stored (two instances creating the demo meeting at once). */
export class MeetingExistsError extends Error {
  constructor(id: string) {
    super(`meeting ${id} exists`);
  }
}

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the store is unavailable', { cause });
  }
}
