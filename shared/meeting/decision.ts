import { error, type ErrorCode, type ErrorInfo, type RefusalReason } from '../errors.js';
import type { Counts } from '../ballots/types.js';
import type { MeetingEvent } from './events.js';

/** What a vote adds to the sealed counts; stored together with "has voted", and nothing else of the paper. */
export interface VoteRecord {
  ballotId: string;
  voterId: string;
  increments: string[];
}

export type Decision = { ok: true; events: MeetingEvent[]; vote?: VoteRecord } | { ok: false; error: ErrorInfo };

/** Time and fresh ids come from outside so that the core stays pure and replayable. */
export interface DecideContext {
  now: number;
  newId: () => string;
  /** A ballot's sealed counts, which only the server holds; supplied for `ballot.publish`. */
  counts?: Counts;
  /** The server checked the paper's PIN against the voter's stored hash (docs/BALLOTS.md, "Voting PIN"). */
  pinVerified?: boolean;
}

export const accept = (...events: MeetingEvent[]): Decision => ({ ok: true, events });
export const reject = (code: ErrorCode, message: string, reason?: RefusalReason, detail?: Record<string, number>): Decision =>
  ({ ok: false, error: error(code, message, reason, detail) });
