import { io, type Socket } from 'socket.io-client';
import type { ClientToServer, ServerToClient } from '../../../shared/protocol.js';

export type MeetingSocket = Socket<ServerToClient, ClientToServer>;

/** Same origin; socket.io reconnects by itself with backoff, which is what a flaky venue Wi-Fi needs. */
export function openSocket(token: string): MeetingSocket {
  return io({ auth: { token }, autoConnect: false, reconnectionDelayMax: 5000 });
}
