import type { Server } from 'socket.io';
import type { ClientToServer, InterServer, Presence as PresenceList, ServerToClient } from '../../shared/protocol.js';
import { meetingChannel } from './rooms.js';

const SETTLE_MS = 150;
/** The question one instance asks the others (shared/protocol.ts, InterServer). */
const WHO_IS_HERE = 'presence:who';

/** What presence needs of a connection. */
export interface PresenceSocket {
  readonly connected: boolean;
  emit(event: 'presence', presence: PresenceList): unknown;
}

interface MeetingPresence {
  /** This instance's connections, per participant. */
  local: Map<string, number>;
  /** A participant appeared on or vanished from this instance: the whole meeting gets the list. */
  changed: boolean;
  /** Connections that came without changing the list (another tablet, another observer): only they get it. */
  newcomers: Set<PresenceSocket>;
  timer: NodeJS.Timeout | null;
}

/**
 * Who is connected, per meeting: participants with at least one connection on any instance, from
 * the sockets themselves (every instance's, through the adapter), so nothing ephemeral is written
 * to the store. Each instance also counts its own connections per participant.
 *
 * Updates are batched (~150 ms), and the whole meeting gets one only when a participant appeared
 * on or vanished from this instance. A connection that changes no one's presence (observers share
 * one participant; a member's second tablet) gets the list for itself alone: in a reconnect storm
 * of a thousand observers, that is a thousand small messages rather than a thousand to every
 * connection every 150 ms.
 */
export class Presence {
  private readonly meetings = new Map<string, MeetingPresence>();
  private stopped = false;

  constructor(private readonly io: Server<ClientToServer, ServerToClient, InterServer>) {
    io.on(WHO_IS_HERE, (meetingId, answer) => {
      if (typeof meetingId === 'string' && typeof answer === 'function') answer(this.here(meetingId));
    });
  }

  /** A connection of `participantId` joined the meeting on this instance. */
  joined(meetingId: string, participantId: string, socket: PresenceSocket): void {
    if (this.stopped) return;
    const m = this.meeting(meetingId);
    const before = m.local.get(participantId) ?? 0;
    m.local.set(participantId, before + 1);
    if (before === 0) m.changed = true;
    else m.newcomers.add(socket);
    this.schedule(meetingId, m);
  }

  /** That connection is gone. */
  left(meetingId: string, participantId: string, socket: PresenceSocket): void {
    const m = this.meetings.get(meetingId);
    if (!m || this.stopped) return;
    m.newcomers.delete(socket);
    const after = (m.local.get(participantId) ?? 1) - 1;
    if (after > 0) {
      m.local.set(participantId, after);
      return;
    }
    m.local.delete(participantId);
    m.changed = true;
    this.schedule(meetingId, m);
  }

  /** Ids of the participants connected to the meeting on any instance, sorted. */
  async online(meetingId: string): Promise<string[]> {
    const own = this.here(meetingId);
    // Alone (SQLite), this instance's own count is the answer. With others, each answers with its
    // own ids: `fetchSockets()` would have them encode every socket, handshake and all, through Redis.
    if ((await this.io.of('/').adapter.serverCount()) <= 1) return own.sort();
    const theirs = await this.io.serverSideEmitWithAck(WHO_IS_HERE, meetingId);
    return [...new Set([...own, ...theirs.flat()])].sort();
  }

  /** The participants of the meeting connected to this instance. */
  private here(meetingId: string): string[] {
    return [...(this.meetings.get(meetingId)?.local.keys() ?? [])];
  }

  stop(): void {
    this.stopped = true;
    for (const m of this.meetings.values()) if (m.timer) clearTimeout(m.timer);
    this.meetings.clear();
  }

  private meeting(meetingId: string): MeetingPresence {
    let m = this.meetings.get(meetingId);
    if (!m) {
      m = { local: new Map(), changed: false, newcomers: new Set(), timer: null };
      this.meetings.set(meetingId, m);
    }
    return m;
  }

  private schedule(meetingId: string, m: MeetingPresence): void {
    if (m.timer) return;
    m.timer = setTimeout(() => {
      m.timer = null;
      void this.update(meetingId, m);
    }, SETTLE_MS);
  }

  private async update(meetingId: string, m: MeetingPresence): Promise<void> {
    const everyone = m.changed;
    const newcomers = [...m.newcomers];
    m.changed = false;
    m.newcomers.clear();
    if (!everyone && newcomers.length === 0) return;
    let online: string[];
    try {
      online = await this.online(meetingId);
    } catch {
      // An instance did not answer in time (it died and is not forgotten yet): try again.
      if (this.stopped) return;
      m.changed ||= everyone;
      for (const socket of newcomers) m.newcomers.add(socket);
      this.schedule(meetingId, m);
      return;
    }
    if (this.stopped) return;
    if (everyone) this.io.to(meetingChannel(meetingId)).emit('presence', { online });
    else for (const socket of newcomers) if (socket.connected) socket.emit('presence', { online });
    if (m.local.size === 0 && !m.timer && this.meetings.get(meetingId) === m) this.meetings.delete(meetingId);
  }
}
