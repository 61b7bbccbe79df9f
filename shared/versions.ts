/**
 * The two version numbers of the app (docs/UPGRADES.md). They move independently: a new command
 * changes the protocol, a new field of the stored state changes the schema.
 */

/**
 * What the client and the server say to each other: Socket.IO events and payloads, the Yjs
 * endpoint's handshake. The client sends it in its handshake; 1 is the protocol of the clients from
 * before the handshake carried it (they send none). Bump it when a server could no longer serve a
 * client of the previous version as it is, and raise MIN_CLIENT_PROTOCOL to what still works.
 */
export const PROTOCOL_VERSION = 2;

/** The oldest client protocol this server serves; older (and newer) clients are told to update. */
export const MIN_CLIENT_PROTOCOL = 1;

/**
 * The shape of what is stored and cached: the meeting state, its event records, the snapshot a
 * device keeps. Data without a stamp is schema 1. Each step up is a pure migration in
 * shared/migrations/, run on load; data stamped with a newer schema is refused, never rewritten.
 */
export const SCHEMA_VERSION = 6;

/**
 * A Yjs connection names its client's protocol as one more WebSocket subprotocol beside
 * `phong-hop` and the token (a browser cannot send other headers there): `phong-hop.v2`. A token is
 * base64url, which has no dot, so the two never mix.
 */
const DOC_PROTOCOL_PREFIX = 'phong-hop.v';

export function docProtocolEntry(version: number): string {
  return `${DOC_PROTOCOL_PREFIX}${version}`;
}

/** Whether a subprotocol entry names a protocol version (well formed or not): it is not the token. */
export function isDocProtocolEntry(entry: string): boolean {
  return entry.startsWith(DOC_PROTOCOL_PREFIX);
}

/** The version a `phong-hop.v<n>` entry names, or NaN when the entry is malformed. */
export function docProtocolOf(entry: string): number {
  const digits = entry.slice(DOC_PROTOCOL_PREFIX.length);
  return /^[1-9]\d{0,5}$/.test(digits) ? Number(digits) : NaN;
}
