import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { MeetingDefinition } from '../../shared/definition.js';
import type { z } from 'zod';
import type { Command } from '../../shared/meeting/commands.js';

type CommandInput = z.input<typeof Command>;
import { evolveAll } from '../../shared/meeting/evolve.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { placeBatch } from '../../shared/batches.js';
import type { Ack, ClientToServer, CommandResult, EventBatch, ServerToClient, Snapshot } from '../../shared/protocol.js';
import { createApp, type App } from '../../server/app.js';
import { createLogger, type Level } from '../../server/log.js';
import { createMeeting, type CreatedMeeting } from '../../server/meetings/create.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/store.js';
import { testDefinition } from './definitions.js';
import { DiskFileStore } from '../../server/files/diskStore.js';
import type { FileStore } from '../../server/files/fileStore.js';
import type { UploadLimits } from '../../server/http/documentsUpload.js';

export const ADMIN_TOKEN = 'test-admin-token';

export interface TestServer {
  app: App;
  store: Store;
  url: string;
  meeting: CreatedMeeting;
  dataDir: string;
  /** Every log line the server wrote. */
  logs: string[];
  tokenOf: (participantId: string) => string;
  /** `app`: connect as the browser app does (a chair's or secretary's console is then checked in). */
  connectAs(participantId: string, opts?: { app?: boolean }): Promise<TestClient>;
  /**
   * Closes the server gracefully and starts a new one on the same port and SQLite file, as an
   * operator restarting it between the two days would. `store` and `app` are the new ones after.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  definition?: MeetingDefinition;
  logLevel?: Level;
  commandsPerSecond?: number;
  commandBurst?: number;
  /** Simultaneous connections per link and for the observer link (defaults: server/realtime/limits.ts). */
  maxConnectionsPerToken?: number;
  maxObserverConnections?: number;
  /** Yjs: compact a document's stored log after this many updates… */
  compactEvery?: number;
  /** …once nobody typed for this long. */
  compactPauseMs?: number;
  /** Yjs: largest encoded document. */
  maxDocBytes?: number;
  /** Yjs: connections one document accepts at once. */
  maxDocConnections?: number;
  /** The rooms' clock (ballot deadlines, event times), also the meeting's creation time; the real one by default. */
  clock?: () => number;
  /** The test meeting's id; a fresh random one by default. */
  meetingId?: string;
  /** The documents' file store; by default files under the test's data folder. */
  files?: FileStore;
  /** Upload caps below the shared limits (docs/DOCUMENTS.md, "Limits"). */
  documentLimits?: Partial<UploadLimits>;
}

/** The real server, in this process, on an ephemeral port, with a fresh SQLite file. */
export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-test-'));
  const logs: string[] = [];
  const log = createLogger(opts.logLevel ?? 'warn', (line) => logs.push(line));
  const files = opts.files ?? (await DiskFileStore.open(join(dataDir, 'files')));
  const boot = async (port: number) => {
    const store = new SqliteStore(join(dataDir, 'test.sqlite'));
    const app = createApp({
      store,
      log,
      adminToken: ADMIN_TOKEN,
      publicUrl: 'http://placeholder',
      clientDir: join(process.cwd(), 'dist/client'),
      commandsPerSecond: opts.commandsPerSecond,
      commandBurst: opts.commandBurst,
      clock: opts.clock,
      maxConnectionsPerToken: opts.maxConnectionsPerToken,
      maxObserverConnections: opts.maxObserverConnections,
      yjs: { compactEvery: opts.compactEvery, compactPauseMs: opts.compactPauseMs, maxDocBytes: opts.maxDocBytes, maxDocConnections: opts.maxDocConnections },
      files,
      documentLimits: opts.documentLimits,
    });
    return { store, app, port: await app.listen(port, '127.0.0.1') };
  };
  const first = await boot(0);
  const url = `http://127.0.0.1:${first.port}`;
  const meeting = await createMeeting(first.store, opts.definition ?? testDefinition(), url, { id: opts.meetingId, now: opts.clock?.() });
  const clients: TestClient[] = [];
  const tokenOf = (participantId: string) => {
    const link = meeting.links.find((l) => l.participantId === participantId);
    if (!link) throw new Error(`no participant ${participantId}`);
    return link.url.slice(link.url.lastIndexOf('/') + 1);
  };
  const server: TestServer = {
    app: first.app,
    store: first.store,
    url,
    meeting,
    dataDir,
    logs,
    tokenOf,
    connectAs: async (participantId, connectOpts) => {
      const client = await connectClient(url, tokenOf(participantId), connectOpts);
      clients.push(client);
      return client;
    },
    restart: async () => {
      await server.app.close();
      const next = await boot(first.port);
      server.app = next.app;
      server.store = next.store;
    },
    stop: async () => {
      for (const c of clients) c.close();
      await server.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A real socket.io-client that keeps its own copy of the meeting, as the browser client does. */
export interface TestClient {
  socket: Socket<ServerToClient, ClientToServer>;
  snapshot: Snapshot;
  state: MeetingState;
  version: number;
  batches: EventBatch[];
  /** The last `presence` list received (null before the first). */
  online: string[] | null;
  send(command: CommandInput | Record<string, unknown>, meetingId?: string): Promise<Ack<CommandResult>>;
  /** Resolves once this client's copy has reached `version`. */
  waitForVersion(version: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function connectClient(url: string, token: string, { app = false } = {}): Promise<TestClient> {
  const socket: Socket<ServerToClient, ClientToServer> = connect(url, { auth: app ? { token, app } : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  // Presence can come before the client is handed out; keep the latest from the start.
  let online: string[] | null = null;
  const early = (p: { online: string[] }) => {
    online = p.online;
  };
  socket.on('presence', early);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (e) => reject(Object.assign(e, { code: (e as { data?: { code?: string } }).data?.code })));
    socket.once('snapshot', (snapshot) => {
      const waiters: (() => void)[] = [];
      const client: TestClient = {
        socket,
        snapshot,
        state: snapshot.state,
        version: snapshot.version,
        batches: [],
        online,
        send: (command, meetingId = snapshot.meetingId) => socket.timeout(10_000).emitWithAck('command', { meetingId, command }),
        waitForVersion: (version, timeoutMs = 5000) =>
          new Promise<void>((ok, fail) => {
            if (client.version >= version) return ok();
            const timer = setTimeout(() => fail(new Error(`client stuck at version ${client.version}, wanted ${version}`)), timeoutMs);
            waiters.push(() => {
              if (client.version >= version) {
                clearTimeout(timer);
                ok();
              }
            });
          }),
        close: () => socket.close(),
      };
      socket.on('events', (batch) => {
        client.batches.push(batch);
        if (placeBatch(client.version, batch) !== 'next') throw new Error(`version gap: had ${client.version}, got ${batch.from ?? batch.version - 1} → ${batch.version}`);
        client.state = evolveAll(client.state, batch.events);
        client.version = batch.version;
        waiters.forEach((w) => w());
      });
      socket.off('presence', early);
      socket.on('presence', (p) => {
        client.online = p.online;
      });
      socket.on('snapshot', (s) => {
        client.snapshot = s;
        client.state = s.state;
        client.version = s.version;
        waiters.forEach((w) => w());
      });
      resolve(client);
    });
  });
}
