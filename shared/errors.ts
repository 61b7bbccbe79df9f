/** Every error a client can receive, in acknowledgements and HTTP bodies alike. */
export const ERROR_CODES = [
  'invalid-payload', // failed its zod schema
  'payload-too-large', // over MAX_PAYLOAD_BYTES
  'unknown-command', // a `type` nobody implements
  'unauthorized', // no token, or a token that is not (or no longer) valid
  'wrong-meeting', // the command names another meeting than the socket's
  'forbidden', // the actor's role may not do this
  'not-found', // the item, request or participant does not exist
  'invalid-state', // the command does not fit the current state (stale or out of order)
  'conflict', // lost an optimistic-concurrency race too many times
  'already-voted', // this voter's paper for the ballot was already counted
  'not-eligible', // not on the ballot's list of voters, fixed when it opened
  'invalid-paper', // incomplete, or names a row or answer the ballot does not have
  'pin-required', // a paper (or a PIN change) without the voter's PIN
  'pin-not-set', // the voter has not set a PIN yet: set one on your own device first
  'wrong-pin', // the PIN does not match; `detail.attemptsLeft` says how many tries remain
  'voting-locked', // too many wrong PINs: only the organiser can unlock (CLI or admin API)
  'rate-limited', // too many requests or new connections, per connection, per link or per address
  'too-many-connections', // this link already holds as many connections as it may (server/realtime/limits.ts)
  'upgrade-required', // the handshake's protocol version is one this server does not serve: load the app again (docs/UPGRADES.md)
  'store-unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a step of the rules was refused, for the chair console to explain in the reader's language (the
 * `message` is English, for logs and scripts).
 */
export const REFUSAL_REASONS = [
  'meeting-quorum-not-met', // ballot.open: too few members present (detail: present, required)
  'too-few-eligible', // ballot.open: fewer eligible voters than minCast (detail: eligible, minCast)
  'ballot-quorum-not-met', // ballot.close: early close below the ballot's quorum; cancel instead (detail: turnout, required)
  'quorum-below-floor', // ballot.create/update: a quorum lower than the meeting allows (detail: n, d)
  'weak-pin', // pin.set: too easy to guess
  'attendance-marked', // attendance.checkIn: the chair or the secretary already marked the sender; only they change it
  'check-in-closed', // attendance.checkIn: the meeting has ended
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  reason?: RefusalReason;
  detail?: Record<string, number>;
}

export function error(code: ErrorCode, message: string, reason?: RefusalReason, detail?: Record<string, number>): ErrorInfo {
  return { code, message, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) };
}
