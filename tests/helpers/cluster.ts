import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { evolveAll } from '../../shared/meeting/evolve.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { MeetingDefinition } from '../../shared/definition.js';
import { placeBatch } from '../../shared/batches.js';
import type { Ack, ClientToServer, CommandResult, ServerToClient, Snapshot } from '../../shared/protocol.js';
import { createApp, type App } from '../../server/app.js';
import { createLogger, type Level } from '../../server/log.js';
import { createMeeting, type CreatedMeeting } from '../../server/meetings/create.js';
import { openStore, type OpenedStore } from '../../server/store/open.js';
import { testDefinition } from './definitions.js';
import { freePort } from './process.js';
import { dropPrefix, REDIS_URL, testPrefix } from './redis.js';
import { waitFor } from './wait.js';
import { DiskFileStore } from '../../server/files/diskStore.js';
import type { FileStore } from '../../server/files/fileStore.js';

/** One in-process server instance on Redis, as `npm start` with REDIS_URL builds it. */
export interface Instance {
  app: App;
  opened: OpenedStore;
  url: string;
  /** Every log line the instance wrote. */
  logs: string[];
  close(): Promise<void>;
}

export interface InstanceOptions {
  /** The per-connection command rate limit; tests that fire hundreds of commands raise it. */
  commandsPerSecond?: number;
  logLevel?: Level;
  /** The documents' file store, shared by the instances as a volume or an object store would be; by default each has its own. */
  files?: FileStore;
}

export interface ClusterOptions extends InstanceOptions {
  redisUrl?: string;
  definition?: MeetingDefinition;
  /** Each instance's file store, by its number (several store objects on one shared storage). */
  filesFor?: (instance: number) => FileStore;
}

export async function startInstance(redisUrl: string, prefix: string, opts: InstanceOptions = {}): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), 'phong-hop-instance-'));
  const logs: string[] = [];
  const log = createLogger(opts.logLevel ?? 'warn', (line) => logs.push(line));
  const opened = await openStore({ dataDir: dir, redisUrl, redisPrefix: prefix }, log);
  const app = createApp({
    store: opened.store,
    adapter: opened.adapter,
    docFanout: opened.docFanout,
    log,
    adminToken: 'x',
    publicUrl: 'http://x',
    clientDir: dir,
    commandsPerSecond: opts.commandsPerSecond,
    commandBurst: opts.commandsPerSecond,
    files: opts.files ?? (await DiskFileStore.open(join(dir, 'files'))),
  });
  const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  let closed: Promise<void> | null = null;
  return {
    app,
    opened,
    url,
    logs,
    close: () =>
      (closed ??= (async () => {
        await app.close();
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      })()),
  };
}

/** Several instances sharing one Redis under a fresh key prefix, and one test meeting. */
export interface Cluster {
  prefix: string;
  instances: Instance[];
  meeting: CreatedMeeting;
  tokenOf: (participantId: string) => string;
  stop(): Promise<void>;
}

export async function startCluster(count: number, opts: ClusterOptions = {}): Promise<Cluster> {
  const prefix = testPrefix();
  const redisUrl = opts.redisUrl ?? REDIS_URL;
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) instances.push(await startInstance(redisUrl, prefix, { ...opts, files: opts.filesFor?.(i) ?? opts.files }));
  const meeting = await createMeeting(instances[0].opened.store, opts.definition ?? testDefinition(), instances[0].url);
  return {
    prefix,
    instances,
    meeting,
    tokenOf: (participantId) => tokenIn(meeting, participantId),
    stop: async () => {
      await Promise.all(instances.map((i) => i.close()));
      if (redisUrl === REDIS_URL) await dropPrefix(prefix);
    },
  };
}

export function tokenIn(meeting: { links: { participantId: string; url: string }[] }, participantId: string): string {
  const link = meeting.links.find((l) => l.participantId === participantId);
  if (!link) throw new Error(`no participant ${participantId}`);
  return link.url.slice(link.url.lastIndexOf('/') + 1);
}

/**
 * A socket.io client that keeps its copy of the meeting as the browser client does when instances
 * are several: batches from different instances may arrive out of order, so on a gap it asks for a
 * snapshot (`sync`) instead of failing. It reconnects by itself, to `urls` in turn (as a proxy would
 * send it to a live instance).
 */
export interface LiveClient {
  socket: Socket<ServerToClient, ClientToServer>;
  state: MeetingState;
  version: number;
  meetingId: string;
  send(command: Record<string, unknown>): Promise<Ack<CommandResult>>;
  waitForVersion(version: number, timeoutMs?: number): Promise<void>;
  /** Points later reconnects at another instance. */
  moveTo(url: string): void;
  close(): void;
}

export function connectLive(url: string, token: string): Promise<LiveClient> {
  let target = url;
  const socket: Socket<ServerToClient, ClientToServer> = connect(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  // socket.io-client keeps the Manager's URI; moving it is what a proxy failing over amounts to.
  const manager = socket.io as unknown as { uri: string; opts: { hostname: string; port: string } };
  return new Promise((resolve, reject) => {
    let settled = false;
    socket.once('connect_error', (e) => {
      if (!settled) reject(e);
    });
    const client: LiveClient = {
      socket,
      state: null as unknown as MeetingState,
      version: 0,
      meetingId: '',
      send: (command: Record<string, unknown>): Promise<Ack<CommandResult>> => socket.timeout(15_000).emitWithAck('command', { meetingId: client.meetingId, command }),
      waitForVersion: (version: number, timeoutMs = 10_000) => waitFor(() => client.version >= version, timeoutMs, `client at version ${version} (has ${client.version})`),
      moveTo: (next: string) => {
        target = next;
        const u = new URL(target);
        manager.uri = target;
        manager.opts.hostname = u.hostname;
        manager.opts.port = u.port;
      },
      close: () => socket.close(),
    };
    let syncing = false;
    const accept = (s: Snapshot) => {
      if (s.version >= client.version || client.meetingId === '') {
        client.state = s.state;
        client.version = s.version;
      }
      client.meetingId = s.meetingId;
      if (!settled) {
        settled = true;
        resolve(client);
      }
    };
    const resync = async () => {
      if (syncing) return;
      syncing = true;
      try {
        const reply = await socket.timeout(10_000).emitWithAck('sync', { version: client.version });
        if (reply.ok) accept(reply.snapshot);
      } catch {
        // a reconnect brings a snapshot anyway
      } finally {
        syncing = false;
      }
    };
    socket.on('snapshot', accept);
    socket.on('events', (batch) => {
      const place = placeBatch(client.version, batch);
      if (!client.state || place === 'held') return;
      if (place === 'gap') return void resync();
      client.state = evolveAll(client.state, batch.events);
      client.version = batch.version;
    });
  });
}

/** A Redis of a test's own on its own port, append-only, so it can be stopped and started again. */
export interface PrivateRedis {
  port: number;
  url: string;
  dir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its files. */
  remove(): Promise<void>;
}

export async function startPrivateRedis(extraArgs: string[] = []): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'phong-hop-redis-'));
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const c = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir, ...extraArgs], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child = c;
      c.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('Ready to accept connections')) resolve();
      });
      c.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    start,
    stop,
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
