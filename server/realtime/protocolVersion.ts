import type { IncomingMessage } from 'node:http';
import { error, type ErrorInfo } from '../../shared/errors.js';
import { docProtocolOf, isDocProtocolEntry, MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION } from '../../shared/versions.js';

/**
 * Which clients this server serves, by the protocol version of their handshake (docs/UPGRADES.md):
 * MIN_CLIENT_PROTOCOL to PROTOCOL_VERSION. A handshake without a version is a client from before
 * versions (protocol 1). Any other client, older or newer, is answered `upgrade-required` before its
 * token is looked up: the app this server hands out is the one that speaks to it.
 */

export type UpgradeRequired = ErrorInfo & { code: 'upgrade-required' };

const serves = (version: number) => Number.isInteger(version) && version >= MIN_CLIENT_PROTOCOL && version <= PROTOCOL_VERSION;

function upgradeRequired(version: unknown): UpgradeRequired {
  const message = `this server serves app protocols ${MIN_CLIENT_PROTOCOL} to ${PROTOCOL_VERSION}, not ${String(version).slice(0, 20)}: load the app again`;
  return error('upgrade-required', message, undefined, { min: MIN_CLIENT_PROTOCOL, max: PROTOCOL_VERSION }) as UpgradeRequired;
}

/**
 * Socket.IO middleware, registered before the others: a handshake (`auth: { token, protocol }`)
 * of a client this server does not serve fails with `connect_error`, `data` the typed error.
 */
export function socketProtocolGuard(socket: { handshake: { auth: unknown } }, next: (err?: Error) => void): void {
  const version = (socket.handshake.auth as { protocol?: unknown } | undefined)?.protocol ?? 1;
  if (typeof version === 'number' && serves(version)) return next();
  next(Object.assign(new Error('upgrade-required'), { data: upgradeRequired(version) }));
}

/** The answer to a Yjs upgrade of a client this server does not serve (HTTP 426 Upgrade Required). */
export const OUTDATED_DOC_CLIENT = `this server serves app protocols ${MIN_CLIENT_PROTOCOL} to ${PROTOCOL_VERSION}: load the app again`;

/**
 * Whether a Yjs upgrade comes from a client this server serves. Its version is a `phong-hop.v<n>`
 * subprotocol entry (shared/versions.ts); an unmodified WebsocketProvider offering none is protocol 1.
 */
export function servesDocClient(req: Pick<IncomingMessage, 'headers'>): boolean {
  const entries = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(isDocProtocolEntry);
  return entries.length === 0 || (entries.length === 1 && serves(docProtocolOf(entries[0])));
}
