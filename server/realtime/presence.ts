import type { Server } from 'socket.io';
import type { ClientToServer, ServerToClient } from '../../shared/protocol.js';
import { meetingChannel } from './rooms.js';

const SETTLE_MS = 150;

/**
 * Who is connected, per meeting, from the sockets themselves (every instance's, through the adapter),
 * so nothing ephemeral is written to the store. Changes are batched: a reconnect storm sends one update.
 */
export class Presence {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly io: Server<ClientToServer, ServerToClient>) {}

  changed(meetingId: string): void {
    if (this.pending.has(meetingId)) return;
    this.pending.set(meetingId, setTimeout(() => {
      this.pending.delete(meetingId);
      void this.broadcast(meetingId).catch(() => undefined);
    }, SETTLE_MS));
  }

  async online(meetingId: string): Promise<string[]> {
    const sockets = await this.io.in(meetingChannel(meetingId)).fetchSockets();
    return [...new Set(sockets.map((s) => (s.data as { participantId: string }).participantId))].sort();
  }

  private async broadcast(meetingId: string): Promise<void> {
    this.io.to(meetingChannel(meetingId)).emit('presence', { online: await this.online(meetingId) });
  }

  stop(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
