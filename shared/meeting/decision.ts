import { error, type ErrorCode, type ErrorInfo } from '../errors.js';
import type { MeetingEvent } from './events.js';

export type Decision = { ok: true; events: MeetingEvent[] } | { ok: false; error: ErrorInfo };

/** Time and fresh ids come from outside so that the core stays pure and replayable. */
export interface DecideContext {
  now: number;
  newId: () => string;
}

export const accept = (...events: MeetingEvent[]): Decision => ({ ok: true, events });
export const reject = (code: ErrorCode, message: string): Decision => ({ ok: false, error: error(code, message) });
