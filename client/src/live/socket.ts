import { io, type Socket } from 'socket.io-client';
import type { ClientToServer, ServerToClient } from '../../../shared/protocol.js';
import { PROTOCOL_VERSION } from '../../../shared/versions.js';

export type MeetingSocket = Socket<ServerToClient, ClientToServer>;

/**
 * Same origin; socket.io reconnects by itself with backoff, which is what a flaky venue Wi-Fi needs.
 * The handshake names this app's protocol, so a server that no longer serves it says so (`upgrade-required`).
 */
export function openSocket(token: string): MeetingSocket {
  // `app`: a person opened this; a chair's or secretary's console is then checked in by the server.
  return io({ auth: { token, protocol: PROTOCOL_VERSION, app: true }, autoConnect: false, reconnectionDelayMax: 5000 });
}

/** The acknowledgement a request is answered with, as the shared event map types it. */
export type ReplyTo<E extends keyof ClientToServer> = Parameters<Parameters<ClientToServer[E]>[1]>[0];

/**
 * Sends a request and waits for its acknowledgement, rejecting after `ms`. socket.io-client types
 * `timeout(ms).emitWithAck` as resolving to `any` (its FirstArg does not expect the `err` argument
 * the timeout adds), so the reply is typed here from the shared event map instead.
 */
export function ask<E extends keyof ClientToServer>(socket: MeetingSocket, event: E, payload: Parameters<ClientToServer[E]>[0], ms: number): Promise<ReplyTo<E>> {
  // Typed as any request of the map: every one takes one payload and an acknowledgement.
  return socket.timeout(ms).emitWithAck<keyof ClientToServer>(event, payload) as Promise<ReplyTo<E>>;
}
