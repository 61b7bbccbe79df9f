/**
 * The harness side of the fan-out and reconnect scenarios: the client workers
 * (bench/workers/socketClients.ts), the systems under test as processes of their own (our server on
 * SQLite, two of them on Redis, the bare Socket.IO and raw `ws` baselines), and the chair.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { initialState } from '../../shared/meeting/state.js';
import { committeeDefinition } from '../../tests/helpers/definitions.js';
import { freePort, spawnServer, type ServerProcess } from '../../tests/helpers/process.js';
import { dropPrefix, redisAvailable } from '../../tests/helpers/redis.js';
import { createMeetingOver } from '../lib/meeting.js';
import { wallMs } from '../lib/stats.js';
import { forkWorker, type Worker } from '../lib/workers.js';
import type { ClientSpec, ConnectArgs } from './socketClients.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
/** Members connected with their own links (u01…u20), besides the chair (u00) and the observers. */
export const MEMBERS = 20;
export const DEFINITION = committeeDefinition(MEMBERS + 1);
const ROOT = new URL('../..', import.meta.url).pathname;

/** One system's clients, spread over every worker. */
export interface ClientGroup {
  connect(kind: ConnectArgs['kind'], specs: ClientSpec[], reconnect?: boolean): Promise<void>;
  /** Resolves once every client holds `version` (or a later one). */
  waitFor(version: number, timeoutMs?: number): Promise<void>;
  /** Every client's arrival time of each version in [from, to], null where it never came. */
  arrivals(from: number, to: number): Promise<{ times: (number | null)[][]; disconnects: number }>;
  /** Breaks every connection at once in every worker; the drop time of each worker. */
  drop(): Promise<number[]>;
  /** Per worker: its drop time, and per client when it first held `version` and when its last reconnect attempt began. */
  recovered(version: number): Promise<{ droppedAt: number; at: (number | null)[]; attemptAt: (number | null)[] }[]>;
  disconnect(): Promise<void>;
}

/** The client workers: `count` processes sharing each group's clients between them. */
export interface Fleet {
  pids: number[];
  group(name: string): ClientGroup;
  stop(): Promise<void>;
}

export function startFleet(count: number): Fleet {
  const workers: Worker[] = Array.from({ length: count }, () => forkWorker(new URL('./socketClients.ts', import.meta.url)));
  return {
    pids: workers.map((w) => w.pid),
    group: (group) => {
      const all = <T>(type: string, args: Record<string, unknown> = {}, timeoutMs?: number) => Promise.all(workers.map((w) => w.request<T>(type, { group, ...args }, timeoutMs)));
      return {
        connect: async (kind, specs, reconnect = false) => {
          // Consecutive clients go to different workers, so members and both instances are spread evenly.
          const parts = workers.map(() => [] as ClientSpec[]);
          specs.forEach((s, i) => parts[i % workers.length].push(s));
          await Promise.all(workers.map((w, i) => w.request('connect', { group, kind, clients: parts[i], reconnect } satisfies ConnectArgs, 300_000)));
        },
        waitFor: async (version, timeoutMs = 30_000) => {
          await all('waitFor', { version, timeoutMs }, timeoutMs + 5000);
        },
        arrivals: async (from, to) => {
          const parts = await all<{ times: (number | null)[][]; disconnects: number }>('arrivals', { from, to });
          return { times: parts.flatMap((p) => p.times), disconnects: parts.reduce((s, p) => s + p.disconnects, 0) };
        },
        drop: async () => (await all<{ droppedAt: number }>('drop')).map((r) => r.droppedAt),
        recovered: (version) => all('recovered', { version }),
        disconnect: async () => {
          await all('close');
        },
      };
    },
    stop: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

/** A system under test: its server processes, the URL each client connects to, and the chair's link. */
export interface System {
  pids: number[];
  /** Where the i-th client connects (two instances: every other client on each). */
  urlFor(i: number): string;
  chairUrl: string;
  chairToken: string;
  /** The client tokens: members first, then observers sharing the public observer link. */
  tokens(observers: number): string[];
  stop: () => Promise<void>;
}

/** How a scenario names, ranks and starts a system. */
export interface SystemDef {
  system: string;
  role: 'ours' | 'baseline' | 'floor';
  kind: ConnectArgs['kind'];
  start(): Promise<System>;
}

/** Starts every system at once (idle, they cost memory only); if one fails, stops the others. */
export async function startSystems(defs: SystemDef[]): Promise<System[]> {
  const started = await Promise.allSettled(defs.map((d) => d.start()));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.flatMap((r) => (r.status === 'fulfilled' ? [r.value.stop()] : [])));
    throw failed.reason;
  }
  return started.map((r) => (r as PromiseFulfilledResult<System>).value);
}

/** Our server, as `npm start` runs it: one process on SQLite, or `instances` processes on one Redis prefix. */
export async function startOurs(instances: 1 | 2, env: Record<string, string> = {}): Promise<System> {
  const prefix = `bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
  const redisEnv: Record<string, string> = instances > 1 ? { REDIS_URL, REDIS_PREFIX: prefix } : {};
  // For profiling our server processes only, e.g. BENCH_SERVER_NODE_OPTIONS='--import /tmp/profiler.mjs'
  // (--cpu-prof itself is not allowed in NODE_OPTIONS).
  const profile: Record<string, string> = process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {};
  const servers: ServerProcess[] = [];
  const stop = async () => {
    await Promise.all(
      servers.map((s) =>
        s.terminate().then(
          (code) => code,
          () => s.kill9(),
        ),
      ),
    );
    for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
    if (instances > 1) await dropPrefix(prefix);
  };
  try {
    // In parallel: on a busy machine one start can take many seconds.
    // Thousands of observers on the one public link: the operator of such a meeting raises its cap.
    const audience = { MAX_OBSERVER_CONNECTIONS: '10000' };
    const started = await Promise.allSettled(Array.from({ length: instances }, () => spawnWithRetry({ ...redisEnv, ...profile, ...audience, ...env })));
    for (const r of started) if (r.status === 'fulfilled') servers.push(r.value);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const meeting = await createMeetingOver(servers[0].url, servers[0].adminToken, DEFINITION);
    const members = Array.from({ length: MEMBERS }, (_, i) => meeting.tokenOf(`u${String(i + 1).padStart(2, '0')}`));
    const observer = meeting.tokenOf('obs');
    return {
      pids: servers.map((s) => s.child.pid!),
      urlFor: (i) => servers[i % servers.length].url,
      chairUrl: servers[0].url,
      chairToken: meeting.tokenOf('u00'),
      tokens: (observers) => [...members, ...Array.from({ length: observers }, () => observer)],
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** spawnServer gives a start 30 s; under the load of parallel test runs that is sometimes not enough. */
async function spawnWithRetry(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-'));
  try {
    return await spawnServer({ dataDir, env }).catch(() => spawnServer({ dataDir, env }));
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

export async function oursOnRedisAvailable(): Promise<boolean> {
  const before = process.env.REDIS_URL;
  process.env.REDIS_URL = REDIS_URL;
  try {
    return await redisAvailable();
  } finally {
    if (before === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = before;
  }
}

/** A baseline server script (bench/baselines/*.ts) as a process of its own, once it listens. */
async function startScript(script: string, env: Record<string, string>): Promise<{ port: number; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // A baseline that dies on its own fails the measurement later (clients time out): say why now.
      if (!stopping) process.stderr.write(`${script} exited by itself (${code ?? signal}):\n${out.slice(-4000)}\n`);
      resolve();
    }),
  );
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  // Generous: on a machine busy with other runs, starting Node with tsx alone can take many seconds.
  const until = Date.now() + 90_000;
  while (!out.includes(`listening on ${port}`)) {
    if (child.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`${script} did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, pid: child.pid!, stop };
}

/**
 * The bare Socket.IO baseline: on every connection it sends a snapshot holding the same meeting
 * state as ours (the committee's initial state), on a chair's `command` it acks and broadcasts a
 * batch of the same shape as ours. No authentication, no store, no validation.
 */
export async function startBareSocketIo(): Promise<System> {
  const dir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-'));
  const stateFile = join(dir, 'state.json');
  writeFileSync(stateFile, JSON.stringify(initialState('bench', DEFINITION)));
  try {
    const script = await startScript('bench/baselines/socketio-server.ts', { STATE_FILE: stateFile });
    const url = `http://127.0.0.1:${script.port}`;
    return {
      pids: [script.pid],
      urlFor: () => url,
      chairUrl: url,
      chairToken: 'chair',
      tokens: (observers) => Array.from({ length: MEMBERS + observers }, (_, i) => (i < MEMBERS ? `member-${i}` : `observer-${i}`)),
      stop: async () => {
        await script.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The floor: a `ws` server relaying each message to every other connection. */
export async function startRawWs(): Promise<System> {
  const script = await startScript('bench/baselines/ws-server.ts', {});
  const url = `ws://127.0.0.1:${script.port}`;
  return {
    pids: [script.pid],
    urlFor: () => url,
    chairUrl: url,
    chairToken: '',
    tokens: (observers) => Array.from({ length: MEMBERS + observers }, () => ''),
    stop: script.stop,
  };
}

/** The chair: sends one state change and says when it was sent (just before the emit) and which version it made. */
/** A system under test while a scenario drives it, with the server's usage over the measured part. */
export interface Running {
  def: SystemDef;
  system: System;
  chair: Chair;
  clients: ClientGroup;
  cpuMs: number;
  busyMs: number;
  rssMb: number;
}

export interface Chair {
  version: number;
  change(round: number): Promise<{ version: number; sentAt: number }>;
  close(): void;
}

/** The text of round `round`'s announcement: a realistic length (the limit is 280). */
export function announcement(round: number): string {
  return `Vòng ${round}: đề nghị các đồng chí đại biểu trở lại hội trường, phiên họp tiếp tục sau 5 phút.`;
}

export function connectChair(url: string, token: string): Promise<Chair> {
  const socket: Socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('snapshot', (s: { meetingId: string; version: number }) => {
      const chair: Chair = {
        version: s.version,
        change: async (round) => {
          const command = { type: 'announcement.post', text: announcement(round) };
          const sentAt = wallMs();
          const ack = (await socket.timeout(60_000).emitWithAck('command', { meetingId: s.meetingId, command })) as
            { ok: true; version: number } | { ok: false; error: { code: string; message: string } };
          if (!ack.ok) throw new Error(`the chair's command was refused: ${ack.error.code}: ${ack.error.message}`);
          chair.version = ack.version;
          return { version: ack.version, sentAt };
        },
        close: () => {
          socket.close();
        },
      };
      resolve(chair);
    });
  });
}

/** The floor's chair: builds the same batch itself and sends it for the server to relay. */
export function connectWsChair(url: string): Promise<Chair> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      const chair: Chair = {
        version: 0,
        change: async (round) => {
          const version = chair.version + 1;
          const sentAt = wallMs();
          ws.send(JSON.stringify({ version, events: [{ type: 'announcement.posted', text: announcement(round), at: Date.now(), endsAt: null }] }));
          chair.version = version;
          return { version, sentAt };
        },
        close: () => ws.terminate(),
      };
      resolve(chair);
    });
  });
}
