import type { Server } from 'socket.io';
import type { ClientToServer, EventBatch, ServerToClient } from '../../shared/protocol.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { MeetingRoom, type BeforeCommit } from './room.js';

export const meetingChannel = (meetingId: string) => `meeting:${meetingId}`;
export const participantChannel = (meetingId: string, participantId: string) => `participant:${meetingId}:${participantId}`;

/** The meetings this instance has loaded, created on first use. */
export class Rooms {
  private readonly rooms = new Map<string, Promise<MeetingRoom | null>>();

  constructor(
    private readonly deps: {
      store: Store;
      log: Logger;
      io: Server<ClientToServer, ServerToClient>;
      beforeCommit: BeforeCommit;
    },
  ) {}

  get(meetingId: string): Promise<MeetingRoom | null> {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = this.load(meetingId);
      this.rooms.set(meetingId, room);
      // A failed load (store down) must not be cached as "no such meeting".
      room.then((r) => { if (!r) this.rooms.delete(meetingId); }, () => this.rooms.delete(meetingId));
    }
    return room;
  }

  /** Stops every room's timers (ballot deadlines), for shutdown. */
  async disposeAll(): Promise<void> {
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const r of rooms) if (r.status === 'fulfilled') r.value?.dispose();
    this.rooms.clear();
  }

  private async load(meetingId: string): Promise<MeetingRoom | null> {
    const stored = await this.deps.store.loadMeeting(meetingId);
    if (!stored) return null;
    const { io, store, log, beforeCommit } = this.deps;
    const publish = (batch: EventBatch) => io.to(meetingChannel(meetingId)).emit('events', batch);
    return new MeetingRoom(meetingId, stored.state, stored.version, { store, log, publish, beforeCommit });
  }
}
