import { randomInt } from 'node:crypto';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Role } from '../../shared/meeting/state.js';
import { MAX_AWARENESS_BYTES, MAX_AWARENESS_CLIENTS } from '../../shared/notes/limits.js';
import { awarenessMessage, encodeAwareness, isPlainObject, type AwarenessEntry } from './messages.js';

/** Who a connection belongs to, as the meeting knows them. */
export interface Speaker {
  participantId: string;
  name: string;
  role: Role;
}

export type PresenceOutcome = 'ok' | 'too-large' | 'too-many-clients';

/** Origin of the states removed when a local connection leaves: announced to the other instances. */
const LEFT = Symbol('left');
/** Origin of states removed because their instance is gone: nobody else needs telling. */
const FORGOTTEN = Symbol('forgotten');
/** Origin of the states this instance announces for its readers. */
const READERS = Symbol('readers');
/** Readers joining or leaving in a burst (an audience reconnecting) are announced together. */
const READERS_SETTLE_MS = 250;
/** Readers' states are renewed this often: awareness drops a state not renewed for 30 s. */
const READERS_RENEW_MS = 15_000;

/** A read-only participant with connections to the document on this instance. */
interface Reader {
  speaker: Speaker;
  /** The client id of the state announced for them, chosen here. */
  clientID: number;
  clock: number;
  connections: number;
  /** `connections` as last announced; 0 before the first announcement. */
  announced: number;
}

/** Origin of presence another instance announced (and stamped already). */
class RemotePresence {
  constructor(readonly instanceId: string) {}
}

/**
 * The awareness of one document (who is here, their cursors). Editors' presence is relayed; a
 * read-only connection's (observers, the screen, guests; members in the minutes) never is: the
 * server announces each reader itself, once per participant, with how many connections they hold
 * here and nothing they sent (`user` with `readOnly: true`, and `connections`), so the editors see
 * who follows, and how many follow through the shared observer link, but no reader's cursor, and a
 * reader cannot make every editor receive what it sends. An editor's connection speaks only for itself: it holds the client ids it announced, entries for ids held by
 * another participant's connection are ignored, and every state it sends is shown under the
 * participant's own name, id and role (`user.name`, `user.participantId`, `user.role`), whatever
 * the client put there. A participant's new connection takes its ids over from an old one that has
 * not closed yet (a tablet reconnecting), so the old one leaving does not take them along.
 */
export class DocPresence {
  readonly awareness: Awareness;
  private readonly holder = new Map<number, { socket: object; participantId: string }>();
  private readonly held = new Map<object, Set<number>>();
  /** Clients present through other instances, by the instance they are connected to. */
  private readonly remote = new Map<number, string>();
  /** This instance's readers, by participant, and the client ids announced for them. */
  private readonly readers = new Map<string, Reader>();
  private readonly readerIds = new Set<number>();
  private readersTimer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;

  /**
   * `broadcast` reaches this instance's connections; `publish` the other instances holding the
   * document (with one instance, nobody).
   */
  constructor(
    doc: Y.Doc,
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly publish: (update: Uint8Array) => void = () => undefined,
  ) {
    this.awareness = new Awareness(doc);
    // The server is no participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** Everyone present, for a connection that just joined or asked; null when nobody is. */
  everyone(): Uint8Array | null {
    const present = [...this.awareness.getStates().keys()];
    return present.length > 0 ? awarenessMessage(this.awareness, present) : null;
  }

  receive(socket: object, speaker: Speaker, entries: AwarenessEntry[], bytes: number): PresenceOutcome {
    if (bytes > MAX_AWARENESS_BYTES) return 'too-large';
    const own = entries.filter((e) => {
      if (this.readerIds.has(e.clientID)) return false;
      const h = this.holder.get(e.clientID);
      return h === undefined || h.socket === socket || h.participantId === speaker.participantId;
    });
    const mine = new Set(this.held.get(socket));
    for (const e of own) if (e.state !== null) mine.add(e.clientID);
    if (mine.size > MAX_AWARENESS_CLIENTS) return 'too-many-clients';
    for (const e of own) if (e.state !== null) this.hold(e.clientID, socket, speaker.participantId);
    if (own.length === 0) return 'ok';
    const stamped = own.map((e) => (e.state === null ? e : { ...e, state: stamp(e.state, speaker) }));
    applyAwarenessUpdate(this.awareness, encodeAwareness(stamped), socket);
    return 'ok';
  }

  /** A reader's awareness: checked like anyone's, then dropped (see the class comment). */
  fromReader(bytes: number): PresenceOutcome {
    return bytes > MAX_AWARENESS_BYTES ? 'too-large' : 'ok';
  }

  /** A read-only connection joined: its participant is announced (with the others joining meanwhile). */
  readerJoined(speaker: Speaker): void {
    let reader = this.readers.get(speaker.participantId);
    if (!reader) {
      reader = { speaker, clientID: this.freeClientId(), clock: 0, connections: 0, announced: 0 };
      this.readers.set(speaker.participantId, reader);
      this.readerIds.add(reader.clientID);
    }
    reader.connections++;
    this.settleReaders();
  }

  /** A read-only connection closed: its participant's count goes down, or their state away. */
  readerLeft(participantId: string): void {
    const reader = this.readers.get(participantId);
    if (!reader) return;
    reader.connections--;
    this.settleReaders();
  }

  /** A connection closed: the states it held are gone. */
  leave(socket: object): void {
    const ids = [...(this.held.get(socket) ?? [])];
    this.held.delete(socket);
    for (const id of ids) this.holder.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, LEFT);
  }

  /** Presence another instance announced. */
  applyRemote(update: Uint8Array, instanceId: string): void {
    applyAwarenessUpdate(this.awareness, update, new RemotePresence(instanceId));
  }

  /** Tells the other instances who is present here (one of them just opened the document). */
  announceLocal(): void {
    const local = [...this.holder.keys(), ...this.readerIds].filter((id) => this.awareness.getStates().has(id));
    if (local.length > 0) this.publish(encodeAwarenessUpdate(this.awareness, local));
  }

  /** An instance vanished without saying goodbye: its clients' presence goes with it. */
  forget(instanceId: string): void {
    const gone = [...this.remote].filter(([, owner]) => owner === instanceId).map(([id]) => id);
    if (gone.length > 0) removeAwarenessStates(this.awareness, gone, FORGOTTEN);
  }

  destroy(): void {
    if (this.readersTimer) clearTimeout(this.readersTimer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private settleReaders(): void {
    if (this.readersTimer) return;
    this.readersTimer = setTimeout(() => {
      this.readersTimer = null;
      this.announceReaders(false);
    }, READERS_SETTLE_MS);
    this.readersTimer.unref();
  }

  /**
   * One awareness update with every reader whose count changed (or all of them, to renew), and the
   * removal of those with no connection left.
   */
  private announceReaders(renew: boolean): void {
    const entries: AwarenessEntry[] = [];
    for (const [participantId, reader] of [...this.readers]) {
      if (reader.connections <= 0) {
        if (reader.announced > 0) entries.push({ clientID: reader.clientID, clock: ++reader.clock, state: null });
        this.readers.delete(participantId);
        this.readerIds.delete(reader.clientID);
      } else if (renew || reader.connections !== reader.announced) {
        reader.announced = reader.connections;
        const { name, role } = reader.speaker;
        entries.push({ clientID: reader.clientID, clock: ++reader.clock, state: { user: { name, participantId, role, readOnly: true }, connections: reader.connections } });
      }
    }
    if (entries.length > 0) applyAwarenessUpdate(this.awareness, encodeAwareness(entries), READERS);
    if (this.readers.size > 0 && !this.renewTimer) {
      this.renewTimer = setInterval(() => this.announceReaders(true), READERS_RENEW_MS);
      this.renewTimer.unref();
    } else if (this.readers.size === 0 && this.renewTimer) {
      clearInterval(this.renewTimer);
      this.renewTimer = null;
    }
  }

  /** A client id no state uses (Yjs' own are random 32-bit numbers too). */
  private freeClientId(): number {
    let id: number;
    do id = randomInt(1, 0xffffffff);
    while (this.awareness.getStates().has(id) || this.readerIds.has(id));
    return id;
  }

  private hold(clientID: number, socket: object, participantId: string): void {
    const previous = this.holder.get(clientID);
    if (previous && previous.socket !== socket) this.held.get(previous.socket)?.delete(clientID);
    this.holder.set(clientID, { socket, participantId });
    let ids = this.held.get(socket);
    if (!ids) this.held.set(socket, (ids = new Set()));
    ids.add(clientID);
  }

  private readonly onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    // A state removed by its client or timed out (no renewal for 30 s) is held by nobody.
    for (const id of removed) {
      const h = this.holder.get(id);
      if (h) this.held.get(h.socket)?.delete(id);
      this.holder.delete(id);
      this.remote.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (origin instanceof RemotePresence) {
      for (const id of [...added, ...updated]) this.remote.set(id, origin.instanceId);
    } else {
      // A tablet that moved here from another instance is ours now.
      for (const id of [...added, ...updated]) this.remote.delete(id);
    }
    // The sender gets its own state back too: y-websocket's provider takes that as a sign of life.
    this.broadcast(awarenessMessage(this.awareness, changed));
    // Only this instance's own clients are announced; awareness' own timeouts are every instance's.
    const local = origin === LEFT || origin === READERS || (typeof origin === 'object' && origin !== null && this.held.has(origin));
    if (local) this.publish(encodeAwarenessUpdate(this.awareness, changed));
  };
}

function stamp(state: Record<string, unknown>, speaker: Speaker): Record<string, unknown> {
  const user = isPlainObject(state.user) ? state.user : {};
  return { ...state, user: { ...user, name: speaker.name, participantId: speaker.participantId, role: speaker.role } };
}
