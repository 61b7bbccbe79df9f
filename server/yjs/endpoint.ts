import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { error, type ErrorCode } from '../../shared/errors.js';
import { DOC_COMPACT_EVERY, DOC_COMPACT_PAUSE_MS, MAX_DOC_BYTES, MAX_DOC_CONNECTIONS, MAX_DOC_MESSAGE_BYTES, MAX_PENDING_BYTES } from '../../shared/notes/limits.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { originAllowed } from '../http/origin.js';
import type { Logger } from '../log.js';
import type { DocAdmit } from '../realtime/admission.js';
import { OUTDATED_DOC_CLIENT, servesDocClient } from '../realtime/protocolVersion.js';
import type { Rooms } from '../realtime/rooms.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { stillValid } from '../auth/authenticate.js';
import { authoriseDoc, chooseSubprotocol } from './auth.js';
import { DocConnection } from './connection.js';
import type { DocFanout } from './fanout.js';
import { LiveDocs } from './liveDocs.js';

export const YJS_PATH = '/yjs/';
const SOCKET_IO_PATH = '/socket.io/';

export interface YjsOptions {
  store: Store;
  rooms: Rooms;
  log: Logger;
  compactEvery?: number;
  compactPauseMs?: number;
  maxDocBytes?: number;
  maxDocConnections?: number;
  /** How documents reach other instances (Redis); without it they are stored and relayed here only. */
  fanout?: DocFanout;
  /**
   * Origins whose pages may open documents besides the server's own: PUBLIC_URL's and
   * ALLOWED_ORIGINS (`allowedOrigins()` in server/http/origin.ts). An upgrade without Origin (not a
   * browser page) is allowed; its token decides.
   */
  allowedOrigins?: readonly string[];
  /** Connection caps and rates per link and address (server/realtime/admission.ts); none without it. */
  admit?: DocAdmit;
  /** Server time for documents' versions; tests inject one. */
  clock?: () => number;
}

export interface YjsEndpoint {
  /** Closes a participant's document connections: their link was reissued. */
  revoke(meetingId: string, participantId: string): void;
  /** Refuses new connections, closes the open ones and flushes and compacts every document. */
  close(): Promise<void>;
  /** The documents loaded here: a restore edits the live one (server/commands/docHistory.ts). */
  docs: LiveDocs;
}

const CODES: Record<number, ErrorCode> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 500: 'internal', 503: 'store-unavailable' };

/** Answers an upgrade request with a plain HTTP error and closes the socket: no WebSocket, no Yjs. */
function refuse(socket: Duplex, status: number, message: string, code: ErrorCode = CODES[status] ?? 'internal'): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ ok: false, error: error(code, message) });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Connection: close',
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n'),
  );
}

/**
 * The y-websocket endpoint, on the app's own HTTP server next to Socket.IO: upgrades under /yjs/
 * are ours, those under /socket.io/ are Socket.IO's (which is told not to destroy the others), and
 * any other upgrade is refused. Nothing is upgraded before the origin, the token and the document
 * are checked.
 */
export function attachYjs(http: HttpServer, opts: YjsOptions): YjsEndpoint {
  const { log } = opts;
  // The token comes in as a subprotocol; the answer names `phong-hop` only, never the token.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_DOC_MESSAGE_BYTES, perMessageDeflate: false, handleProtocols: chooseSubprotocol });
  const origins = opts.allowedOrigins ?? [];
  const docs = new LiveDocs({
    store: opts.store,
    log,
    compactEvery: opts.compactEvery ?? DOC_COMPACT_EVERY,
    compactPauseMs: opts.compactPauseMs ?? DOC_COMPACT_PAUSE_MS,
    maxDocBytes: opts.maxDocBytes ?? MAX_DOC_BYTES,
    maxPendingBytes: MAX_PENDING_BYTES,
    maxConnections: opts.maxDocConnections ?? MAX_DOC_CONNECTIONS,
    fanout: opts.fanout,
    clock: opts.clock,
  });
  let closing = false;

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const access = await authoriseDoc(req, opts);
    if (!access.ok) return refuse(socket, access.status, access.message);
    if (closing) return refuse(socket, 503, 'server shutting down');
    const limited = await opts.admit?.(access, req, socket);
    if (limited) return refuse(socket, limited.status, limited.message, limited.code);
    const doc = await docs.hold(access.meetingId, access.docName);
    if (!doc) return refuse(socket, 503, 'this document has too many connections; try again later', 'rate-limited');
    if (socket.destroyed || closing) return doc.release();
    let joined = false;
    // ws answers a bad handshake itself (400) without calling back: give the place back then.
    socket.once('close', () => {
      if (!joined) doc.release();
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      joined = true;
      const connection = new DocConnection(ws, doc, { participantId: access.participantId, name: access.name, role: access.role, canEdit: access.canEdit }, log);
      stillValid(opts.store, access).then(
        (valid) => {
          if (!valid) connection.close(DOC_CLOSE.revoked, 'link reissued');
        },
        // The store is down: the link was valid a moment ago, and the next reconnect checks again.
        () => undefined,
      );
      log.debug('document connected', { meetingId: access.meetingId, doc: access.docName, participant: access.participantId, canEdit: access.canEdit });
      // So an operator sees whether clients from before the subprotocol are still around.
      if (access.carrier === 'query') log.info('document connected with the deprecated ?token= form', { meetingId: access.meetingId, participant: access.participantId });
    });
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '';
    if (url.startsWith(SOCKET_IO_PATH)) return;
    socket.on('error', () => undefined);
    if (!url.startsWith(YJS_PATH)) return refuse(socket, 404, 'no such endpoint');
    // Before the token: another site's page must not use a participant's browser against the meeting.
    if (!originAllowed(req, origins)) {
      log.debug('document upgrade refused: origin not allowed', { origin: String(req.headers.origin).slice(0, 200) });
      return refuse(socket, 403, "this origin may not open the meeting's documents");
    }
    if (!servesDocClient(req)) return refuse(socket, 426, OUTDATED_DOC_CLIENT, 'upgrade-required');
    upgrade(req, socket, head).catch((e: unknown) => {
      if (e instanceof StoreUnavailableError) return refuse(socket, 503, 'the store is unavailable');
      log.error('document upgrade failed', { err: e instanceof Error ? e.stack : String(e) });
      refuse(socket, 500, 'unexpected server error');
    });
  });

  return {
    docs,
    revoke: (meetingId, participantId) => {
      for (const doc of docs.ofMeeting(meetingId)) doc.disconnect(participantId, DOC_CLOSE.revoked, 'link reissued');
    },
    close: async () => {
      closing = true;
      await docs.closeAll();
      wss.close();
    },
  };
}
