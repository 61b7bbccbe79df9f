/**
 * A worker process holding many meeting clients (fan-out and reconnect scenarios). Each client
 * keeps only what the measurements need: the version it holds and when it got each version.
 *
 * - `socketio` clients speak our protocol (also the bare Socket.IO baseline's) and do on every
 *   (re)connect what the browser client does (client/src/live/connection.ts, clock.ts): five `time`
 *   round trips one after another for the clock offset, and a member's `attendance.checkIn` once
 *   its snapshot arrived. The version comes from `snapshot` and from `events` batches; a gap asks
 *   for a snapshot with `sync`.
 * - `ws` clients (the raw WebSocket floor) read `{ version }` from every text message.
 *
 * Times are `wallMs()`, comparable with the harness process's.
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { serveRequests } from '../lib/workers.js';
import { wallMs } from '../lib/stats.js';
import { placeBatch } from '../../shared/batches.js';
import type { EventBatch } from '../../shared/protocol.js';

export interface ClientSpec {
  url: string;
  /** Our participant token; the baselines accept anything. */
  token: string;
}

export interface ConnectArgs {
  /** The clients of one system; a worker holds several groups at once, so systems' rounds can alternate. */
  group: string;
  kind: 'socketio' | 'ws';
  clients: ClientSpec[];
  /** socket.io-client's own reconnection, as the browser client configures it (reconnect storm). */
  reconnect: boolean;
  /** Handshakes in flight at once from this worker. */
  concurrency?: number;
}

interface Client {
  version: number;
  /** version → first time this client held it (from a batch or a snapshot). */
  arrivals: Map<number, number>;
  /** When socket.io-client began the reconnect attempt that succeeded last (storm only). */
  attemptAt: number | null;
  disconnects: number;
  close(): void;
  drop(): void;
}

interface Group {
  clients: Client[];
  droppedAt: number | null;
}

/** Clock samples the browser client takes on every connect (client/src/live/clock.ts). */
const CLOCK_SAMPLES = 5;

const groups = new Map<string, Group>();

function groupOf(args: Record<string, unknown>): Group {
  const g = groups.get(String(args.group));
  if (!g) throw new Error(`no client group ${String(args.group)}`);
  return g;
}

/** Records that a client holds `version` now (the first time only). */
function hold(c: Client, version: number): void {
  if (version <= c.version) return;
  c.version = version;
  if (!c.arrivals.has(version)) c.arrivals.set(version, wallMs());
}

function openSocketIo(spec: ClientSpec, reconnect: boolean): Promise<Client> {
  const socket: Socket = io(spec.url, {
    auth: { token: spec.token },
    transports: ['websocket'],
    forceNew: true,
    // The browser client's settings (client/src/live/socket.ts): socket.io's default delay (1 s)
    // and randomisation (0.5), at most 5 s between attempts.
    reconnection: reconnect,
    reconnectionDelayMax: 5000,
    timeout: 60_000,
  });
  const c: Client = {
    version: -1,
    arrivals: new Map(),
    attemptAt: null,
    disconnects: 0,
    close: () => {
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.close();
    },
    // What a Wi-Fi drop looks like to socket.io-client: its transport closes under it. The Manager
    // then reconnects by itself, with its backoff and randomisation.
    drop: () => socket.io.engine?.close(),
  };
  let syncing = false;
  const resync = async () => {
    if (syncing) return;
    syncing = true;
    try {
      const reply = (await socket.timeout(10_000).emitWithAck('sync', { version: c.version })) as { ok: boolean; snapshot?: { version: number } };
      if (reply.ok && reply.snapshot) hold(c, reply.snapshot.version);
    } catch {
      // a reconnect brings a snapshot anyway
    } finally {
      syncing = false;
    }
  };
  socket.on('events', (batch: EventBatch) => {
    const place = placeBatch(c.version, batch);
    if (place === 'held') return;
    if (place === 'gap') return void resync();
    hold(c, batch.version);
  });
  socket.on('disconnect', () => {
    c.disconnects += 1;
  });
  let checkedIn = false;
  socket.on('connect', () => {
    checkedIn = false;
    void (async () => {
      for (let i = 0; i < CLOCK_SAMPLES && socket.connected; i++) {
        await socket
          .timeout(3000)
          .emitWithAck('time', { sentAt: Date.now() })
          .catch(() => undefined);
      }
    })();
  });
  socket.on('snapshot', (s: { meetingId: string; you: { role: string } }) => {
    if (checkedIn || s.you.role !== 'member') return;
    checkedIn = true;
    void socket
      .timeout(10_000)
      .emitWithAck('command', { meetingId: s.meetingId, command: { type: 'attendance.checkIn' } })
      .catch(() => undefined);
  });
  socket.io.on('reconnect_attempt', () => {
    c.attemptAt = wallMs();
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    socket.on('snapshot', (s: { version: number }) => {
      // A reconnect's snapshot is the current state; older batches may still be in flight.
      if (s.version > c.version) hold(c, s.version);
      if (!settled) {
        settled = true;
        resolve(c);
      }
    });
    socket.on('connect_error', (e: Error) => {
      if (!settled && !reconnect) {
        settled = true;
        socket.close();
        reject(e);
      }
    });
  });
}

function openWs(spec: ClientSpec): Promise<Client> {
  const ws = new WebSocket(spec.url, { perMessageDeflate: false });
  const c: Client = {
    version: 0,
    arrivals: new Map(),
    attemptAt: null,
    disconnects: 0,
    close: () => {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
    },
    drop: () => {
      throw new Error('the ws floor has no reconnect');
    },
  };
  ws.on('message', (data) => {
    const { version } = JSON.parse((data as Buffer).toString()); // ws's default binaryType: every frame one Buffer as { version: number };
    hold(c, version);
  });
  ws.on('close', () => {
    c.disconnects += 1;
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(c));
    ws.once('error', reject);
  });
}

async function connect(args: ConnectArgs): Promise<{ clients: number; minVersion: number }> {
  if (groups.has(args.group)) throw new Error(`group ${args.group} is already connected`);
  const { kind, reconnect } = args;
  const open = (spec: ClientSpec) => (kind === 'ws' ? openWs(spec) : openSocketIo(spec, reconnect));
  const out: Client[] = new Array(args.clients.length);
  let next = 0;
  // A pool: connecting thousands at once would time handshakes out on two cores.
  const lane = async () => {
    while (next < args.clients.length) {
      const i = next++;
      out[i] = await open(args.clients[i]);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(args.concurrency ?? 50, args.clients.length) }, lane));
  } catch (e) {
    for (const c of out) c?.close();
    throw e;
  }
  groups.set(args.group, { clients: out, droppedAt: null });
  return { clients: out.length, minVersion: Math.min(...out.map((c) => c.version)) };
}

/** Resolves when every client holds `version` (or a later one). */
function waitFor(args: { group: string; version: number; timeoutMs: number }): Promise<{ ok: true }> {
  const { clients } = groupOf(args);
  const until = Date.now() + args.timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      const behind = clients.filter((c) => c.version < args.version).length;
      if (behind === 0) return resolve({ ok: true });
      if (Date.now() > until) return reject(new Error(`${behind} of ${clients.length} clients do not hold version ${args.version} after ${args.timeoutMs} ms`));
      setTimeout(check, 5);
    };
    check();
  });
}

/**
 * Each client's arrival time of every version in [from, to], client by client (null where a
 * client never held that version: the parent fails the run), and how often clients disconnected.
 */
function arrivals(args: { group: string; from: number; to: number }): { times: (number | null)[][]; disconnects: number } {
  const { clients } = groupOf(args);
  const times = clients.map((c) => {
    const row: (number | null)[] = [];
    for (let v = args.from; v <= args.to; v++) row.push(c.arrivals.get(v) ?? null);
    return row;
  });
  return { times, disconnects: clients.reduce((s, c) => s + c.disconnects, 0) };
}

/** Breaks every client's connection at the same moment; socket.io-client reconnects by itself. */
function drop(args: { group: string }): { droppedAt: number } {
  const g = groupOf(args);
  for (const c of g.clients) {
    c.attemptAt = null;
    c.disconnects = 0;
  }
  g.droppedAt = wallMs();
  for (const c of g.clients) c.drop();
  return { droppedAt: g.droppedAt };
}

/** After a drop: when each client first held `version`, and when its last reconnect attempt began. */
function recovered(args: { group: string; version: number }): { droppedAt: number; at: (number | null)[]; attemptAt: (number | null)[] } {
  const { clients, droppedAt } = groupOf(args);
  if (droppedAt === null) throw new Error('no drop yet');
  const at = clients.map((c) => {
    let first: number | null = null;
    for (const [v, t] of c.arrivals) if (v >= args.version && t >= droppedAt && (first === null || t < first)) first = t;
    return first;
  });
  return { droppedAt, at, attemptAt: clients.map((c) => c.attemptAt) };
}

function close(args: { group: string }): { ok: true } {
  for (const c of groups.get(args.group)?.clients ?? []) c.close();
  groups.delete(args.group);
  return { ok: true };
}

serveRequests({
  connect: (a) => connect(a as unknown as ConnectArgs),
  waitFor: (a) => waitFor(a as unknown as { group: string; version: number; timeoutMs: number }),
  arrivals: (a) => arrivals(a as unknown as { group: string; from: number; to: number }),
  drop: (a) => drop(a as unknown as { group: string }),
  recovered: (a) => recovered(a as unknown as { group: string; version: number }),
  close: (a) => close(a as unknown as { group: string }),
});
