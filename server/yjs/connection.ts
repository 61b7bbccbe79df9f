import { WebSocket, type RawData } from 'ws';
import { DOC_MESSAGE_BURST, DOC_MESSAGES_PER_SECOND, DOC_PING_MS, MAX_DOC_BUFFERED_BYTES } from '../../shared/notes/limits.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import type { Logger } from '../log.js';
import { DOC_SYNC_REQUESTS } from '../realtime/limits.js';
import { TokenBucket } from '../realtime/rateLimit.js';
import { StallWatch } from '../realtime/stallWatch.js';
import { decodeMessage, MalformedMessage, type IncomingMessage } from './messages.js';
import type { DocMember, DocSocket, SharedDoc } from './sharedDoc.js';

/** Every document connection of this process: one that stopped reading is cut (stallWatch.ts). */
const stalls = new StallWatch();

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * One WebSocket on one document. Decodes every message defensively before the document sees it,
 * and enforces the per-connection limits. Any bad message closes this connection only.
 */
export class DocConnection implements DocSocket {
  private readonly bucket = new TokenBucket(DOC_MESSAGES_PER_SECOND, DOC_MESSAGE_BURST);
  /** Sync step 1 is answered with the whole document: a provider sends one when it connects. */
  private readonly syncRequests = new TokenBucket(DOC_SYNC_REQUESTS.perSecond, DOC_SYNC_REQUESTS.burst);
  private readonly watched = { unsent: () => this.ws.bufferedAmount, cut: () => this.cutSlowReader() };
  private closed = false;
  private alive = true;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly shared: SharedDoc,
    member: DocMember,
    private readonly log: Logger,
  ) {
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('close', () => this.gone());
    // A socket error is followed by 'close'; without a listener it would crash the process.
    ws.on('error', () => undefined);
    ws.on('pong', () => {
      this.alive = true;
    });
    this.heartbeat = setInterval(() => {
      if (!this.alive) return ws.terminate();
      this.alive = false;
      ws.ping();
    }, DOC_PING_MS);
    this.heartbeat.unref();
    stalls.add(this.watched);
    shared.join(this, member);
  }

  /**
   * The one way out to the client: every message of the document (sync replies, relayed updates,
   * awareness) passes here, so the bound on unsent data holds for all of them.
   */
  send(data: Uint8Array): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    // A reader this far behind is cut off rather than buffered for without end.
    if (this.ws.bufferedAmount > MAX_DOC_BUFFERED_BYTES) return this.cutSlowReader();
    this.ws.send(data, { binary: true });
  }

  /**
   * Closes with 1013 and drops the connection at once: the closing frame waits behind the data
   * that is not being read, and so would the memory, for ws' 30 s closing timeout.
   */
  private cutSlowReader(): void {
    this.log.warn('document connection cut: it does not read what it is sent (slow-reader)', { doc: this.shared.docName, unsent: this.ws.bufferedAmount });
    this.close(DOC_CLOSE.slowReader, 'not reading fast enough; reconnect');
    this.ws.terminate();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    // At once, not at the close handshake: a closing connection takes part in nothing more.
    this.gone();
  }

  private gone(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    stalls.remove(this.watched);
    this.shared.leave(this);
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.bucket.take()) return this.close(DOC_CLOSE.rateLimited, 'too many messages');
    if (!isBinary) return this.close(DOC_CLOSE.unsupportedData, 'binary messages only');
    let outcome;
    try {
      const message: IncomingMessage = decodeMessage(bytesOf(data));
      if (message.type === 'sync-step1' && !this.syncRequests.take()) return this.close(DOC_CLOSE.rateLimited, 'too many sync requests');
      outcome = this.shared.receive(this, message);
    } catch (e) {
      if (!(e instanceof MalformedMessage)) this.log.error('document message failed', { doc: this.shared.docName, err: e instanceof Error ? e.stack : String(e) });
      return this.close(DOC_CLOSE.malformed, 'malformed message');
    }
    if (outcome === 'doc-too-large') this.close(DOC_CLOSE.docTooLarge, 'the document would exceed its size limit');
    else if (outcome === 'bad-update') this.close(DOC_CLOSE.malformed, 'update could not be applied');
    else if (outcome === 'too-much-pending') this.close(DOC_CLOSE.malformed, 'updates build on edits the server does not have');
    else if (outcome === 'awareness-too-large') this.close(DOC_CLOSE.docTooLarge, 'awareness state too large');
    else if (outcome === 'too-many-clients') this.close(DOC_CLOSE.malformed, 'awareness for too many clients');
  }
}
