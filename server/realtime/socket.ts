import type { Server, Socket } from 'socket.io';
import { error, type ErrorInfo } from '../../shared/errors.js';
import { forbiddenKeyMessage, forbiddenKeyPath } from '../../shared/forbiddenKeys.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/limits.js';
import { Command } from '../../shared/meeting/commands.js';
import { entryFor, isCommandType } from '../../shared/meeting/registry.js';
import { decideConsoleCheckIn } from '../../shared/meeting/attendance.js';
import { manages, seesJoinLink, type Actor } from '../../shared/meeting/roles.js';
import { stateForRole } from '../../shared/meeting/audience.js';
import { CommandEnvelope, SyncRequest, TimeRequest, type Ack, type ClientToServer, type InterServer, type ServerToClient, type Snapshot } from '../../shared/protocol.js';
import { authenticate, roomStates, stillValid } from '../auth/authenticate.js';
import { runCommand } from '../commands/needs.js';
import { joinUrl } from '../meetings/create.js';
import type { Logger } from '../log.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import type { PinDeps } from '../ballots/pinCommands.js';
import { Admission, type Refusal } from './admission.js';
import { socketProtocolGuard } from './protocolVersion.js';
import { SNAPSHOT_MAX_UNSENT_BYTES } from './limits.js';
import type { OutputGuard } from './outputGuard.js';
import type { MeetingRoom } from './room.js';
import { eventsChannel, meetingChannel, participantChannel, type Rooms } from './rooms.js';
import type { Presence } from './presence.js';

export interface SessionData {
  meetingId: string;
  participantId: string;
  role: Actor['role'];
  name: string;
  /** The hash of the link this connection came with: checked again once it has joined (see below). */
  tokenHash: string;
  /** The key of the client's per-address budgets; null for none (server/realtime/clientAddress.ts). */
  address: string | null;
  /** The handshake says `app: true`: a person opened the app (a script or a test harness need not say so). */
  app: boolean;
}

type IO = Server<ClientToServer, ServerToClient, InterServer, SessionData>;
type ClientSocket = Socket<ClientToServer, ServerToClient, InterServer, SessionData>;

export interface SocketOptions {
  store: Store;
  rooms: Rooms;
  presence: Presence;
  log: Logger;
  /** True once shutdown began: new commands are refused so the ones in line can finish. */
  isClosing: () => boolean;
  publicUrl: string;
  /** Connection caps and rate limits per connection, link and address (server/realtime/admission.ts). */
  admission: Admission;
  /** What each connection has not been sent yet (server/realtime/outputGuard.ts). */
  output: OutputGuard;
  pins: PinDeps;
}

function sizeOf(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Infinity;
  }
}

/**
 * Turns an exception into the client's answer, logging what was unexpected. A failure while
 * handling a secret payload (a paper, a PIN) is logged by its error class only: a message could quote it.
 */
function failure(e: unknown, log: Logger, command?: Command): { ok: false; error: ErrorInfo } {
  if (e instanceof StoreUnavailableError) return { ok: false, error: error('store-unavailable', 'the store is unavailable; nothing was changed') };
  if (command && entryFor(command.type).secret) log.error('unexpected failure', { type: command.type, err: e instanceof Error ? e.name : typeof e });
  else log.error('unexpected failure', { err: e instanceof Error ? e.stack : String(e) });
  return { ok: false, error: error('internal', 'unexpected server error; nothing was changed') };
}

/** Calls `ack` if the client gave one; a client that gave none simply gets no answer. */
function answer<T>(ack: unknown, result: T): void {
  if (typeof ack === 'function') (ack as (r: T) => void)(result);
}

/**
 * A request's payload and ack from the arguments as Socket.IO delivers them: the ack is always the
 * last one, so a client sending too many arguments, or none, still gets its answer.
 */
function request(args: unknown[]): { payload: unknown; ack: unknown } {
  const ack = typeof args.at(-1) === 'function' ? args.at(-1) : undefined;
  return { payload: args[0] === ack ? undefined : args[0], ack };
}

const REQUESTS: readonly string[] = ['command', 'sync', 'time'] satisfies (keyof ClientToServer)[];

export async function snapshotOf(room: MeetingRoom, session: SessionData, store: Store, publicUrl: string): Promise<Snapshot> {
  // With a shared store another instance may have moved the meeting on since this copy was cached.
  if (store.kind === 'redis') await room.refresh();
  const token = seesJoinLink(session.role) ? await store.publicToken(room.id) : null;
  const { state, version } = room.snapshot();
  return {
    meetingId: room.id,
    version,
    state: stateForRole(session.role, state),
    serverNow: Date.now(),
    joinUrl: token === null ? null : joinUrl(publicUrl, token),
    you: { participantId: session.participantId, name: session.name, role: session.role },
  };
}

/** Parses an incoming command envelope into a command for this socket's meeting, or says what is wrong. */
export function parseCommand(payload: unknown, meetingId: string): { ok: true; command: Command } | { ok: false; error: ErrorInfo } {
  if (sizeOf(payload) > MAX_PAYLOAD_BYTES) return { ok: false, error: error('payload-too-large', `payloads are limited to ${MAX_PAYLOAD_BYTES} bytes`) };
  const forbidden = forbiddenKeyPath(payload);
  if (forbidden) return { ok: false, error: error('invalid-payload', forbiddenKeyMessage(forbidden)) };
  const envelope = CommandEnvelope.safeParse(payload);
  if (!envelope.success) return { ok: false, error: error('invalid-payload', `expected { meetingId, command: { type, ... } }: ${envelope.error.issues[0]?.message ?? ''}`) };
  if (envelope.data.meetingId !== meetingId) return { ok: false, error: error('wrong-meeting', 'this connection belongs to another meeting') };
  if (!isCommandType(envelope.data.command.type)) return { ok: false, error: error('unknown-command', `unknown command ${envelope.data.command.type}`) };
  const command = Command.safeParse(envelope.data.command);
  if (!command.success) {
    const issue = command.error.issues[0];
    return { ok: false, error: error('invalid-payload', `${envelope.data.command.type}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`) };
  }
  return { ok: true, command: command.data };
}

export function attachSockets(io: IO, opts: SocketOptions): void {
  const { store, rooms, presence, log } = opts;

  io.use(socketProtocolGuard);
  // Every path of admit() ends in next(), the failing ones included: the promise has nothing left to report.
  io.use((socket, next) => void admit(socket, next));

  async function admit(socket: ClientSocket, next: (err?: Error) => void): Promise<void> {
    try {
      // Before the token is looked up: a flood of handshakes costs no store lookup.
      const address = Admission.addressOf(socket.handshake.address, socket.handshake.headers);
      const busy = opts.admission.fromAddress(address);
      if (busy) return next(refused(busy));
      const handshake = socket.handshake.auth as { token?: unknown; app?: unknown } | undefined;
      const auth = await authenticate(handshake?.token, { store, meeting: roomStates(rooms) });
      if (!auth.ok) return next(unauthorized());
      const { meetingId, participant, tokenHash } = auth;
      const admitted = await opts.admission.connect('socket', `socket:${tokenHash}`, { tokenHash, role: participant.role });
      if (!admitted.ok) return next(refused(admitted.refusal));
      // Given back however the connection ends, also before it joined (the engine closes then).
      socket.conn.once('close', admitted.release);
      socket.once('disconnect', admitted.release);
      if (socket.conn.readyState === 'closed') admitted.release();
      socket.data = { meetingId, participantId: participant.id, role: participant.role, name: participant.name, tokenHash, address, app: handshake?.app === true };
      next();
    } catch (e) {
      const err = new Error(e instanceof StoreUnavailableError ? 'store-unavailable' : 'internal') as Error & { data?: unknown };
      err.data = failure(e, log).error;
      next(err);
    }
  }

  io.on('connection', async (socket: ClientSocket) => {
    const session = socket.data;
    const actor: Actor = { participantId: session.participantId, role: session.role };
    const allowed = opts.admission.requests({ tokenHash: session.tokenHash, role: session.role }, session.address);
    // Synchronous with our adapters (in memory, Redis Streams); the promise is only the adapter interface's.
    void socket.join([meetingChannel(session.meetingId), eventsChannel(session.meetingId, session.role), participantChannel(session.meetingId, session.participantId)]);

    socket.on('command', async (...args: unknown[]) => {
      const { payload, ack } = request(args);
      if (!allowed()) return answer(ack, { ok: false, error: error('rate-limited', 'too many commands; slow down') });
      if (opts.isClosing()) return answer(ack, { ok: false, error: error('store-unavailable', 'this server is shutting down; nothing was changed, retry after reconnecting') });
      const parsed = parseCommand(payload, session.meetingId);
      if (!parsed.ok) return answer(ack, parsed);
      try {
        const room = await rooms.get(session.meetingId);
        if (!room) return answer(ack, { ok: false, error: error('not-found', 'the meeting no longer exists') });
        answer(ack, await runCommand(room, actor, parsed.command, opts.pins));
      } catch (e) {
        answer(ack, failure(e, log, parsed.command));
      }
    });

    socket.on('sync', async (...args: unknown[]) => {
      const { payload, ack } = request(args);
      // A snapshot is the costliest answer, and the observer link is public (a QR code in the room).
      if (!allowed()) return answer(ack, { ok: false, error: error('rate-limited', 'too many requests; slow down') });
      if (opts.output.unsent(socket.conn) > SNAPSHOT_MAX_UNSENT_BYTES) return answer(ack, { ok: false, error: error('rate-limited', 'read what you were sent first') });
      if (forbiddenKeyPath(payload) || !SyncRequest.safeParse(payload ?? {}).success) return answer(ack, { ok: false, error: error('invalid-payload', 'expected { version? }') });
      try {
        const room = await rooms.get(session.meetingId);
        if (!room) return answer(ack, { ok: false, error: error('not-found', 'the meeting no longer exists') });
        answer(ack, { ok: true, snapshot: await snapshotOf(room, session, store, opts.publicUrl) } satisfies Ack<{ snapshot: Snapshot }>);
      } catch (e) {
        answer(ack, failure(e, log));
      }
    });

    socket.on('time', (...args: unknown[]) => {
      const { payload, ack } = request(args);
      if (forbiddenKeyPath(payload) || !TimeRequest.safeParse(payload).success) return answer(ack, { ok: false, error: error('invalid-payload', 'expected { sentAt }') });
      answer(ack, { ok: true, serverNow: Date.now() });
    });

    // An event nobody handles would leave a client waiting for its ack forever.
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && REQUESTS.includes(event)) return;
      answer(request(args).ack, { ok: false, error: error('unknown-command', `unknown event ${String(event).slice(0, 64)}`) });
    });

    // Counted from the start (before the snapshot, which waits for the store), so a connection that
    // drops meanwhile is counted out exactly once.
    presence.joined(session.meetingId, session.participantId, socket);
    socket.on('disconnect', () => presence.left(session.meetingId, session.participantId, socket));

    try {
      // A link reissued between the check above and joining the participant's channel closed the
      // connections in that channel before this one was in it: ask the store again.
      if (!(await stillValid(store, session))) {
        socket.emit('revoked', { reason: 'link-reissued' });
        socket.disconnect(true);
        return;
      }
      const room = await rooms.get(session.meetingId);
      const snapshot = room && (await snapshotOf(room, session, store, opts.publicUrl));
      if (snapshot && socket.connected) socket.emit('snapshot', snapshot);
      // The chair or the secretary opening the console is in the room: the server checks them in as
      // themselves (never over a mark). Nobody else is checked in by connecting (shared/meeting/attendance.ts).
      // A store failure here leaves the console connected: the chair can still mark themself.
      if (room && session.app && manages(session.role)) void room.system((state, now) => decideConsoleCheckIn(state, actor, now)).catch((e: unknown) => failure(e, log));
    } catch (e) {
      // Without its snapshot the client has nothing to show; it reconnects after a server-side
      // disconnect. (Left unhandled, this rejection would take the whole process down.)
      failure(e, log);
      socket.disconnect(true);
    }
    log.debug('connected', { meetingId: session.meetingId, participant: session.participantId, role: session.role });
  });
}

/** A connection refused by a cap or a rate limit: the client shows the code, and retries later. */
function refused(refusal: Refusal): Error {
  const err = new Error(refusal.code) as Error & { data?: unknown };
  err.data = refusal;
  return err;
}

function unauthorized(): Error {
  const err = new Error('unauthorized') as Error & { data?: unknown };
  err.data = error('unauthorized', 'this link is not valid (anymore); ask the organiser for a new one');
  return err;
}
