import { error, type ErrorCode, type ErrorInfo, type RefusalReason } from '../errors.js';
import type { Counts } from '../ballots/types.js';
import type { MeetingEvent } from './events.js';
import type { SelfAssessment } from '../review/types.js';
import type { BlobFacts } from '../documents/types.js';

/** What a vote adds to the sealed counts; stored together with "has voted", and nothing else of the paper. */
export interface VoteRecord {
  ballotId: string;
  voterId: string;
  increments: string[];
}

/**
 * What a decision asks the store to do with ballots' counts besides adding papers (`Commit.tallies`):
 * the rules know when a ballot ends, so no store has to find out by reading the events.
 */
export interface TallyWork {
  /** Destroy these ballots' counts: a cancelled ballot is never published. */
  drop?: string[];
  /** These ballots take no more papers: erase whatever history of their counts the store keeps, keeping the counts. */
  eraseHistory?: string[];
}

export type Decision = { ok: true; events: MeetingEvent[]; vote?: VoteRecord; tallies?: TallyWork } | { ok: false; error: ErrorInfo };

/** Time and fresh ids come from outside so that the core stays pure and replayable. */
export interface DecideContext {
  now: number;
  newId: () => string;
  /** A ballot's sealed counts, which only the server holds; supplied when the command's entry needs them. */
  counts?: Counts;
  /** The server checked the paper's PIN against the voter's stored hash (docs/BALLOTS.md, "Voting PIN"). */
  pinVerified?: boolean;
  /** Ids of the participants connected now, on any instance; supplied when the command's entry needs them. */
  online?: readonly string[];
  /** The document version the command names, or null when the store has none such; supplied when the command's entry needs it. */
  docVersion?: { at: number; label: string | null } | null;
  /** The stored file the command names (registry `needs.blob`), or null when the file store has none such. */
  blob?: BlobFacts | null;
  /** Stored self-assessments of those the step may disclose (registry `needs.disclosure`); only the store holds them until then. */
  selfAssessments?: Readonly<Record<string, SelfAssessment>>;
}

export const accept = (...events: MeetingEvent[]): Decision => ({ ok: true, events });
export const reject = (code: ErrorCode, message: string, reason?: RefusalReason, detail?: Record<string, number>): Decision => ({
  ok: false,
  error: error(code, message, reason, detail),
});

/** The ballot stops taking papers: its counts stay, their history goes. */
export const ending = (ballotId: string): TallyWork => ({ eraseHistory: [ballotId] });

/** The work of several decisions committed together (a group of papers, one of which closed its ballot). */
export function mergeTallies(a: TallyWork | undefined, b: TallyWork | undefined): TallyWork | undefined {
  if (!a || !b) return a ?? b;
  const union = (x?: string[], y?: string[]) => (x || y ? [...new Set([...(x ?? []), ...(y ?? [])])] : undefined);
  return { drop: union(a.drop, b.drop), eraseHistory: union(a.eraseHistory, b.eraseHistory) };
}
