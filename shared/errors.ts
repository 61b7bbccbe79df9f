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
  'rate-limited',
  'store-unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export function error(code: ErrorCode, message: string): ErrorInfo {
  return { code, message };
}
