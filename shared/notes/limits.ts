/**
 * Limits of the Yjs endpoint (docs/YJS.md). A meeting's notes are text: a whole day of minutes is
 * a few hundred kilobytes even with its editing history, so these leave a wide margin.
 */

/** Largest encoded state a document may grow to; an edit past it closes the connection (4413). */
export const MAX_DOC_BYTES = 4 * 1024 * 1024;
/**
 * Largest single WebSocket message; above it the connection is closed with 1009. A client that
 * was offline sends everything it has in one message, so this leaves room for a whole document.
 */
export const MAX_DOC_MESSAGE_BYTES = MAX_DOC_BYTES + 64 * 1024;
/** Per connection: sustained messages per second and burst. Typing sends about two per keystroke. */
export const DOC_MESSAGES_PER_SECOND = 100;
export const DOC_MESSAGE_BURST = 500;
/** Connections one document accepts at once (a meeting has a few dozen participants). */
export const MAX_DOC_CONNECTIONS = 300;
/**
 * Updates that cannot be integrated yet (they build on edits the server has not received) are held
 * in memory, never stored or relayed, up to this many bytes per document. Past it they are dropped
 * and the connection that sent the last of them is closed (4400); editors are asked to resend.
 */
export const MAX_PENDING_BYTES = 1024 * 1024;
/**
 * Awareness (presence: who is here, their cursor): one update from a client at most this large
 * (4413 past it), and at most this many client ids per connection (a provider uses one; 4400 past it).
 */
export const MAX_AWARENESS_BYTES = 32 * 1024;
export const MAX_AWARENESS_CLIENTS = 4;
/**
 * The stored log of a document is merged into one update once this many updates were appended and
 * the typing pauses for DOC_COMPACT_PAUSE_MS, or, through typing that never pauses, at the latest
 * DOC_COMPACT_LATEST_MS after it became due.
 */
export const DOC_COMPACT_EVERY = 200;
export const DOC_COMPACT_PAUSE_MS = 2000;
export const DOC_COMPACT_LATEST_MS = 30_000;
/**
 * The stored log is also compacted, at once, when the bytes appended since its last compaction
 * exceed DOC_COMPACT_GROWTH times the encoded document, or times DOC_COMPACT_FLOOR_BYTES for a
 * smaller one (shared/notes/compaction.ts): storage follows what the document holds, not how it
 * was typed or pasted.
 */
export const DOC_COMPACT_GROWTH = 4;
export const DOC_COMPACT_FLOOR_BYTES = 64 * 1024;
/** Every connection is pinged this often; one that has not answered the previous ping is dropped. */
export const DOC_PING_MS = 30_000;
/** A connection with this much unsent data (a reader far behind) is closed (1013) rather than buffered for. */
export const MAX_DOC_BUFFERED_BYTES = 16 * 1024 * 1024;
