/**
 * The y-websocket wire protocol as y-websocket 3's WebsocketProvider speaks it: every message is a
 * lib0 varUint message type followed by its body.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Sub-types of MESSAGE_SYNC (y-protocols/sync). */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/**
 * Close codes of a document connection. y-websocket's provider stops reconnecting on 4400-4499
 * (the server decided; retrying cannot help) and retries every other code with backoff.
 */
/**
 * The WebSocket subprotocol a notes connection offers beside its link token (docs/YJS.md,
 * "Connecting"), so the token is never in the URL; the server answers with this one alone.
 */
export const DOC_SUBPROTOCOL = 'phong-hop';

export const DOC_CLOSE = {
  /** The server is shutting down: reconnect (to it or another instance). */
  goingAway: 1001,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** A message over MAX_DOC_MESSAGE_BYTES (sent by the WebSocket layer). */
  tooBig: 1009,
  /** The store failed while saving an edit: reconnect, the resync re-sends what was not saved. */
  storeFailed: 1011,
  /** The client does not read fast enough: reconnect later. */
  slowReader: 1013,
  /** A message that does not decode as the y-websocket protocol. */
  malformed: 4400,
  /** The participant's link was reissued while connected. */
  revoked: 4401,
  /** The edit would grow the document past MAX_DOC_BYTES. */
  docTooLarge: 4413,
  /** More messages than the per-connection rate limit allows. */
  rateLimited: 4429,
} as const;
