import { z } from 'zod';
import type { ErrorInfo } from './errors.js';
import { Command } from './meeting/commands.js';
import type { MeetingEvent } from './meeting/events.js';
import type { MeetingState, Role } from './meeting/state.js';

/** What the client sends with `command`: the meeting it believes it is in, and the command. */
export const CommandEnvelope = z
  .object({
    meetingId: z.string().min(1).max(64),
    command: z.object({ type: z.string().max(64) }).passthrough(),
  })
  .strict();
export type CommandEnvelope = { meetingId: string; command: Command };

export const SyncRequest = z.object({ version: z.number().int().min(0).optional() }).strict();
export const TimeRequest = z.object({ sentAt: z.number().finite() }).strict();

export type Ack<T extends object = { version: number }> = ({ ok: true } & T) | { ok: false; error: ErrorInfo };
/** `link`: a reissued link (`link.reissue`); `marked`: how many were marked present (`attendance.markConnected`). */
/** `documentId`: the document `document.add` created (the upload route answers with it). */
export type CommandResult = { version: number; link?: string; marked?: number; versionId?: string; documentId?: string };

export interface You {
  participantId: string;
  name: string;
  role: Role;
}

export interface Snapshot {
  meetingId: string;
  version: number;
  state: MeetingState;
  you: You;
  serverNow: number;
  /** The meeting's public observer link, for the room screen's "join" QR code; null for other roles. */
  joinUrl: string | null;
}

/** Small changes between snapshots: `events` took the meeting from `from` (`version - 1` if absent) to `version`. */
export interface EventBatch {
  version: number;
  events: MeetingEvent[];
  /** Set when several versions' events travel as one batch (the turnout of a burst of ballot papers). */
  from?: number;
}

export interface Presence {
  /** Participants with at least one live connection, on any server instance. */
  online: string[];
}

export interface ClientToServer {
  command: (envelope: unknown, ack: (result: Ack<CommandResult>) => void) => void;
  sync: (request: unknown, ack: (result: Ack<{ snapshot: Snapshot }>) => void) => void;
  time: (request: unknown, ack: (result: Ack<{ serverNow: number }>) => void) => void;
}

export interface ServerToClient {
  snapshot: (snapshot: Snapshot) => void;
  events: (batch: EventBatch) => void;
  presence: (presence: Presence) => void;
  /** This connection's link was revoked (reissued); the server disconnects right after. */
  revoked: (info: { reason: string }) => void;
}

/** Between server instances (through the Socket.IO adapter): a meeting moved on elsewhere. */
export interface InterServer {
  committed: (meetingId: string, batch: EventBatch) => void;
  /** Asked by one instance of the others: the ids of the meeting's participants connected to each. */
  'presence:who': (meetingId: string, answer: (ids: string[]) => void) => void;
  /** A participant's link was reissued: close their connections on this instance, then answer. */
  'link:revoke': (meetingId: string, participantId: string, answer: (done: boolean) => void) => void;
  /** Asked by one instance of the others: how many connections each holds under a cap's key (server/realtime/connectionCaps.ts). */
  'caps:count': (key: string, answer: (count: number) => void) => void;
}

export { Command };
