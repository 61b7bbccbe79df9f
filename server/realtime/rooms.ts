import type { Server } from 'socket.io';
import type { ClientToServer, EventBatch, InterServer, ServerToClient } from '../../shared/protocol.js';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import type { MeetingState, Role } from '../../shared/meeting/state.js';
import { audienceOf, eventsFor, type Audience } from '../../shared/meeting/audience.js';
import type { BlobLookup } from '../files/blobFacts.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { MeetingRoom, type BeforeCommit } from './room.js';

/** Everyone connected to the meeting: presence goes here. */
export const meetingChannel = (meetingId: string) => `meeting:${meetingId}`;
/**
 * Where the meeting's events go, one channel per audience (shared/meeting/audience.ts): the
 * presidium gets them whole, the room without the documents it may not see, the public observer link
 * as the definition lets it see the meeting.
 */
export const eventsChannel = (meetingId: string, role: Role) => audienceChannel(meetingId, audienceOf(role));
const AUDIENCES: readonly Audience[] = ['presidium', 'room', 'public'];
const audienceChannel = (meetingId: string, audience: Audience) => `${audience}:${meetingId}`;
export const participantChannel = (meetingId: string, participantId: string) => `participant:${meetingId}:${participantId}`;

/** The meetings this instance has loaded, created on first use. */
export class Rooms {
  private readonly rooms = new Map<string, Promise<MeetingRoom | null>>();

  constructor(
    private readonly deps: {
      store: Store;
      log: Logger;
      io: Server<ClientToServer, ServerToClient, InterServer>;
      beforeCommit: BeforeCommit;
      /** Who is connected to a meeting now, on any instance (presence.ts). */
      online?: (meetingId: string) => Promise<string[]>;
      /** The documents' file store (`document.add`, `document.replace` name a stored file). */
      files?: BlobLookup;
      /** Several instances share the store (Redis): keep their cached copies in step. */
      clustered: boolean;
      /** Server time; tests inject one to reach a ballot's deadline without waiting for it. */
      clock?: () => number;
      /** Told of every batch this instance's copy applied, its own or another instance's (the Yjs endpoint follows removals). */
      applied?: (meetingId: string, events: readonly MeetingEvent[]) => void;
      /** Each batch this instance committed, with the state after it (documents' versions at transitions). */
      committed?: (meetingId: string, events: EventBatch['events'], state: MeetingState) => void;
    },
  ) {
    // Other instances' commits keep this instance's cached copies current; a lost message only
    // costs a reload, because the store's version check catches a stale copy before it can matter.
    if (deps.clustered)
      deps.io.on('committed', (meetingId, batch) => {
        void this.rooms
          .get(meetingId)
          ?.then(async (room) => {
            await room?.applyRemote(batch);
            if (room) this.deps.applied?.(meetingId, batch.events);
          })
          .catch(() => undefined);
      });
  }

  get(meetingId: string): Promise<MeetingRoom | null> {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = this.load(meetingId);
      this.rooms.set(meetingId, room);
      // A failed load (store down) must not be cached as "no such meeting".
      room.then(
        (r) => {
          if (!r) this.rooms.delete(meetingId);
        },
        () => this.rooms.delete(meetingId),
      );
    }
    return room;
  }

  /** Lets every command already in line finish, then stops the rooms' timers: for shutdown. */
  async disposeAll(): Promise<void> {
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const r of rooms) if (r.status === 'fulfilled' && r.value) await r.value.drain().catch(() => undefined);
    for (const r of rooms) if (r.status === 'fulfilled') r.value?.dispose();
    this.rooms.clear();
  }

  private async load(meetingId: string): Promise<MeetingRoom | null> {
    const stored = await this.deps.store.loadMeeting(meetingId);
    if (!stored) return null;
    const { io, store, log, beforeCommit, clock } = this.deps;
    // The room publishes only batches it has applied, so its state knows every ballot they name.
    const publish = (batch: EventBatch) => {
      const { state } = room.current();
      for (const audience of AUDIENCES) io.to(audienceChannel(meetingId, audience)).emit('events', { ...batch, events: eventsFor(audience, state, batch.events) });
      this.deps.applied?.(meetingId, batch.events);
      this.deps.committed?.(meetingId, batch.events, room.current().state);
    };
    const announce = this.deps.clustered ? (batch: EventBatch) => void io.serverSideEmit('committed', meetingId, batch) : undefined;
    const alone = async () => (await io.of('/').adapter.serverCount()) <= 1;
    const online = this.deps.online && (() => this.deps.online!(meetingId));
    const room = new MeetingRoom(meetingId, stored.state, stored.version, {
      store,
      log,
      files: this.deps.files,
      publish,
      announce,
      alone,
      beforeCommit,
      online,
      shared: this.deps.clustered,
      clock,
    });
    return room;
  }
}
