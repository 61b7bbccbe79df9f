import { applyAwarenessUpdate, Awareness, removeAwarenessStates } from 'y-protocols/awareness';
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

/**
 * The awareness of one document (who is here, their cursors), relayed for every role. A
 * connection speaks only for itself: it holds the client ids it announced, entries for ids held by
 * another participant's connection are ignored, and every state it sends is shown under the
 * participant's own name, id and role (`user.name`, `user.participantId`, `user.role`), whatever
 * the client put there. A participant's new connection takes its ids over from an old one that has
 * not closed yet (a tablet reconnecting), so the old one leaving does not take them along.
 */
export class DocPresence {
  readonly awareness: Awareness;
  private readonly holder = new Map<number, { socket: object; participantId: string }>();
  private readonly held = new Map<object, Set<number>>();

  constructor(doc: Y.Doc, private readonly broadcast: (message: Uint8Array) => void) {
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

  /** A connection closed: the states it held are gone. */
  leave(socket: object): void {
    const ids = [...(this.held.get(socket) ?? [])];
    this.held.delete(socket);
    for (const id of ids) this.holder.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private hold(clientID: number, socket: object, participantId: string): void {
    const previous = this.holder.get(clientID);
    if (previous && previous.socket !== socket) this.held.get(previous.socket)?.delete(clientID);
    this.holder.set(clientID, { socket, participantId });
    let ids = this.held.get(socket);
    if (!ids) this.held.set(socket, (ids = new Set()));
    ids.add(clientID);
  }

  private readonly onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    // A state removed by its client or timed out (no renewal for 30 s) is held by nobody.
    for (const id of removed) {
      const h = this.holder.get(id);
      if (h) this.held.get(h.socket)?.delete(id);
      this.holder.delete(id);
    }
    // The sender gets its own state back too: y-websocket's provider takes that as a sign of life.
    this.broadcast(awarenessMessage(this.awareness, [...added, ...updated, ...removed]));
  };
}

function stamp(state: Record<string, unknown>, speaker: Speaker): Record<string, unknown> {
  const user = isPlainObject(state.user) ? state.user : {};
  return { ...state, user: { ...user, name: speaker.name, participantId: speaker.participantId, role: speaker.role } };
}
