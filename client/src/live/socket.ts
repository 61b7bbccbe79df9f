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
