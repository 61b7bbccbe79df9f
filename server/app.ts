import express from 'express';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';
import { SOCKET_BUFFER_BYTES } from '../shared/limits.js';
import type { ClientToServer, InterServer, ServerToClient } from '../shared/protocol.js';
import { apiRouter } from './http/api.js';
import { errorAnswers, notFound } from './http/errors.js';
import { securityHeaders } from './http/headers.js';
import { allowedOrigins, originAllowed } from './http/origin.js';
import { clientRouter } from './http/static.js';
import { beforeCommit } from './commands/needs.js';
import { linkReplacer } from './commands/newLink.js';
import { docHistoryWork } from './commands/docHistory.js';
import type { Logger } from './log.js';
import { Admission } from './realtime/admission.js';
import { DEFAULT_MAX_CONNECTIONS_PER_TOKEN, DEFAULT_MAX_OBSERVER_CONNECTIONS } from './realtime/limits.js';
import { OutputGuard } from './realtime/outputGuard.js';
import { Presence } from './realtime/presence.js';
import { Rooms } from './realtime/rooms.js';
import { Revocation } from './realtime/revocation.js';
import { PinGuard } from './ballots/pinGuard.js';
import { attachSockets, type SessionData } from './realtime/socket.js';
import type { Store } from './store/store.js';
import { exportRouter } from './http/export.js';
import { historyRouter } from './http/history.js';
import { selfAssessmentRouter } from './http/selfAssessment.js';
import { countRouter } from './http/count.js';
import { attachYjs, type YjsOptions } from './yjs/endpoint.js';
import { transitionVersions } from './yjs/transitions.js';
import type { DocFanout } from './yjs/fanout.js';
import type { FileStore } from './files/fileStore.js';
import { documentsRouter } from './http/documents.js';
import type { UploadLimits } from './http/documentsUpload.js';

export interface AppOptions {
  store: Store;
  log: Logger;
  adminToken: string;
  /** Base of the links handed to participants, e.g. http://192.168.1.10:3000. */
  publicUrl: string;
  /** Browser origins, besides PUBLIC_URL's and the server's own, whose pages may connect (ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  clientDir: string;
  commandsPerSecond?: number;
  commandBurst?: number;
  /** Simultaneous connections of one participant's link, per kind (MAX_CONNECTIONS_PER_TOKEN; default 3). */
  maxConnectionsPerToken?: number;
  /** The same for the public observer link (MAX_OBSERVER_CONNECTIONS; default 200). */
  maxObserverConnections?: number;
  /** A Socket.IO adapter shared by every instance (Redis), when there is more than one. */
  adapter?: ServerOptions['adapter'];
  /** How Yjs documents reach the other instances (Redis), when there is more than one. */
  docFanout?: DocFanout;
  /** Tuning of the Yjs endpoint (tests use small values); defaults in server/yjs/endpoint.ts. */
  yjs?: Pick<YjsOptions, 'compactEvery' | 'compactPauseMs' | 'maxDocBytes' | 'maxDocConnections'>;
  /** The meeting rooms' clock (default Date.now); tests inject one to reach ballot deadlines. */
  clock?: () => number;
  /** The documents' file store (server/files/open.ts); without one the documents' routes are not served. */
  files?: FileStore;
  /** Upload caps below the shared limits (tests: a small file over the cap rather than 50 MB). */
  documentLimits?: Partial<UploadLimits>;
}

export interface App {
  http: HttpServer;
  io: Server<ClientToServer, ServerToClient, InterServer, SessionData>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** What a page from a refused origin is told when it opens Socket.IO (docs/SECURITY.md, "Origins"). */
export const ORIGIN_REFUSED = "origin-not-allowed: this page's origin is neither the server's own, PUBLIC_URL's nor in ALLOWED_ORIGINS";

export function createApp(opts: AppOptions): App {
  const { store, log } = opts;
  const origins = allowedOrigins(opts.publicUrl, opts.allowedOrigins);
  const web = express();
  web.disable('x-powered-by');
  const http = createHttpServer(web);
  const io = new Server<ClientToServer, ServerToClient, InterServer, SessionData>(http, {
    maxHttpBufferSize: SOCKET_BUFFER_BYTES,
    serveClient: false,
    // Upgrades outside /socket.io/ belong to the Yjs endpoint, which answers (or refuses) them itself.
    destroyUpgrade: false,
    // Another site's page may not use a participant's browser (and its stored token) against the
    // meeting: Engine.IO answers 403 (polling) or 400 (WebSocket upgrade) with this message.
    allowRequest: (req, callback) => {
      if (originAllowed(req, origins)) return callback(null, true);
      log.debug('connection refused: origin not allowed', { origin: req.headers.origin });
      callback(ORIGIN_REFUSED, false);
    },
  });

  if (opts.adapter) io.adapter(opts.adapter);
  const revocation = new Revocation(io, () => yjs, opts.adapter !== undefined, log);
  const pins = { store, guard: new PinGuard(store) };
  const state = { closing: false };
  // What commands' entries need done by the server (shared/meeting/registry.ts, server/commands/).
  const clock = opts.clock ?? Date.now;
  const needs = beforeCommit({
    newLink: linkReplacer({ store, revocation, publicUrl: opts.publicUrl }),
    history: docHistoryWork({ store, log, clock, docs: () => yjs.docs }),
    store,
  });
  const presence = new Presence(io);
  const rooms = new Rooms({
    store,
    log,
    io,
    beforeCommit: needs,
    online: (meetingId) => presence.online(meetingId),
    clustered: opts.adapter !== undefined,
    clock: opts.clock,
    applied: (meetingId, events) => yjs.followAgenda(meetingId, events),
    committed: transitionVersions({ store, log, clock, docs: () => yjs.docs }),
    files: opts.files,
  });
  // Hostile clients: what one connection, link or address may cost (docs/SECURITY.md).
  const output = new OutputGuard(io.engine, log);
  const admission = new Admission(io, {
    maxConnectionsPerToken: opts.maxConnectionsPerToken ?? DEFAULT_MAX_CONNECTIONS_PER_TOKEN,
    maxObserverConnections: opts.maxObserverConnections ?? DEFAULT_MAX_OBSERVER_CONNECTIONS,
    connectionRequests: { perSecond: opts.commandsPerSecond ?? 20, burst: opts.commandBurst ?? 60 },
  });
  const yjs = attachYjs(http, { ...opts.yjs, store, rooms, log, fanout: opts.docFanout, allowedOrigins: origins, admit: admission.forDocs(), clock });
  attachSockets(io, { store, rooms, presence, log, isClosing: () => state.closing, publicUrl: opts.publicUrl, admission, output, pins });

  web.use(securityHeaders(opts.publicUrl));
  web.use(exportRouter({ store, log, adminToken: opts.adminToken }));
  web.use(historyRouter({ store, log, rooms }));
  web.use(selfAssessmentRouter({ store, log, rooms }));
  web.use(countRouter({ store, log, rooms }));
  // Before the API router: its JSON body parser must not read the uploads' raw bodies.
  if (opts.files)
    web.use(documentsRouter({ store, files: opts.files, rooms, log, adminToken: opts.adminToken, clustered: opts.adapter !== undefined, limits: opts.documentLimits }));
  web.use(apiRouter({ store, log, adminToken: opts.adminToken, publicUrl: opts.publicUrl, rooms, pins }));
  web.use(clientRouter(opts.clientDir));
  web.use(notFound);
  web.use(errorAnswers(log));

  return {
    http,
    io,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      }),
    // Graceful: stop accepting connections and refuse new commands, let every command already in
    // line finish and be acknowledged, store every note update, then close the connections
    // (clients reconnect to another instance) and the store.
    close: async () => {
      state.closing = true;
      // Open connections stay (their commands in line are still answered); no new one is accepted.
      if (http.listening) http.close();
      presence.stop();
      await yjs.close();
      await opts.docFanout?.close();
      await rooms.disposeAll();
      // The callback comes once the HTTP server has closed too, after the promise io.close() returns.
      await new Promise<void>((resolve, reject) => {
        io.close(() => resolve()).catch(reject);
      });
      await store.close();
    },
  };
}
