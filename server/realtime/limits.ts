/**
 * What one client may cost the server: unsent output, connections and requests, per connection,
 * per link (token) and per remote address. The why of every number is in docs/SECURITY.md,
 * "Hostile clients: memory and limits". Counted per instance, except the connection caps, which
 * count every instance's connections where the Redis adapter joins them.
 */

/**
 * Unsent output one Socket.IO connection may hold: Engine.IO's write buffer plus what the
 * transport has not handed to the kernel yet. Past it the connection is cut at once (logged as
 * `slow-reader`); the client reconnects and gets a fresh snapshot, as after any drop. A snapshot of
 * the largest meeting the limits allow is a few hundred kilobytes; a tablet that reads at all holds
 * far less than this.
 */
export const MAX_UNSENT_BYTES = 4 * 1024 * 1024;

/**
 * A connection (Socket.IO or Yjs) whose unsent output is at least STALLED_MIN_BYTES and has not
 * shrunk for STALLED_MS is not reading: it is cut too, whatever the bound. Checked every
 * STALL_CHECK_MS. A reader behind a slow link still shrinks its backlog between two checks.
 */
export const STALLED_MIN_BYTES = 64 * 1024;
export const STALLED_MS = 20_000;
export const STALL_CHECK_MS = 5_000;

/**
 * A snapshot request is refused (`rate-limited`) while this much output still waits for the
 * connection: a client that has not read what it was sent does not need a new copy of the meeting,
 * and the refusal is a few bytes where the snapshot would be up to hundreds of kilobytes.
 */
export const SNAPSHOT_MAX_UNSENT_BYTES = 64 * 1024;

export interface Rate {
  perSecond: number;
  burst: number;
}

/**
 * New connections (Socket.IO and Yjs together) from one remote address: a room's tablets behind one
 * NAT reconnecting at once (each with Socket.IO and a document or two) fit in the burst.
 */
export const ADDRESS_CONNECTIONS: Rate = { perSecond: 20, burst: 200 };
/** Commands and snapshot requests from one remote address, every connection and link together. */
export const ADDRESS_REQUESTS: Rate = { perSecond: 50, burst: 300 };

/**
 * New connections of one link, per kind (Socket.IO; the documents), at least: a tablet that
 * reconnects after each Wi-Fi drop, or opens one item's notes after another, stays well inside.
 */
export const LINK_CONNECTIONS: Rate = { perSecond: 2, burst: 60 };
/**
 * One link's requests (commands and snapshot requests) are, at least, twice one connection's
 * allowance: one device flooding leaves the other its own share, and more devices do not multiply it.
 */
export const LINK_REQUESTS_FACTOR = 2;
/**
 * A link's connection and request budgets grow with its cap (the public observer link's, shared by
 * everyone following remotely, or any link's raised cap): the whole cap may reconnect, or ask for a
 * snapshot, at once, and the budget refills in this many seconds.
 */
export const LINK_REFILL_S = 10;

/**
 * Sync step 1 messages (each answered with the whole document, up to MAX_DOC_BYTES) one document
 * connection may send: y-websocket's provider sends one when it connects.
 */
export const DOC_SYNC_REQUESTS: Rate = { perSecond: 0.2, burst: 5 };

/** Defaults of MAX_CONNECTIONS_PER_TOKEN and MAX_OBSERVER_CONNECTIONS (server/config.ts) for createApp. */
export const DEFAULT_MAX_CONNECTIONS_PER_TOKEN = 3;
export const DEFAULT_MAX_OBSERVER_CONNECTIONS = 200;
