import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'socket.io';
import { error, type ErrorInfo } from '../../shared/errors.js';
import { isPublicRole } from '../../shared/meeting/roles.js';
import type { Role } from '../../shared/meeting/state.js';
import type { ClientToServer, InterServer, ServerToClient } from '../../shared/protocol.js';
import { clientAddress } from './clientAddress.js';
import { ConnectionCaps } from './connectionCaps.js';
import { ADDRESS_CONNECTIONS, ADDRESS_REQUESTS, LINK_CONNECTIONS, LINK_REFILL_S, LINK_REQUESTS_FACTOR, type Rate } from './limits.js';
import { KeyedBuckets, takeAll, TokenBucket } from './rateLimit.js';

/** A participant's link as the limits know it: by its hash, and whether it is the public one. */
export interface Link {
  tokenHash: string;
  role: Role;
}

export interface AdmissionOptions {
  maxConnectionsPerToken: number;
  maxObserverConnections: number;
  /** One connection's commands and snapshot requests (commandsPerSecond, commandBurst). */
  connectionRequests: Rate;
}

/** Why a connection or a request was refused: `rate-limited` or `too-many-connections`. */
export type Refusal = ErrorInfo & { code: 'rate-limited' | 'too-many-connections' };

/** The Yjs endpoint's admission hook (server/yjs/endpoint.ts), called once a document connection is authorised. */
export type DocAdmit = (
  access: { meetingId: string; docName: string; tokenHash: string; role: Role },
  req: IncomingMessage,
  socket: Duplex,
) => Promise<{ status: 429; code: Refusal['code']; message: string } | null>;

const refusal = (code: Refusal['code'], message: string): Refusal => error(code, message) as Refusal;

/**
 * Who may open another connection, and send another request, for Socket.IO and the Yjs documents
 * alike: new connections per remote address and per link, simultaneous connections per link
 * (Socket.IO, and each document), and requests per connection, per link and per address. The
 * public observer link, which everyone following remotely shares, has its own cap and budgets
 * scaled to it. The numbers and their reasons: server/realtime/limits.ts and docs/SECURITY.md.
 */
export class Admission {
  private readonly caps: ConnectionCaps;
  private readonly addressConnections = new KeyedBuckets();
  private readonly addressRequests = new KeyedBuckets();
  private readonly linkConnections = new KeyedBuckets();
  private readonly linkRequests = new KeyedBuckets();

  constructor(
    io: Server<ClientToServer, ServerToClient, InterServer>,
    private readonly opts: AdmissionOptions,
  ) {
    this.caps = new ConnectionCaps(io);
  }

  /** The per-address key of a request's client (see clientAddress.ts). */
  static addressOf(peer: string | undefined, headers: IncomingMessage['headers']): string | null {
    return clientAddress(peer, headers['x-forwarded-for']);
  }

  /** A new connection from `address`, before its token is looked up; null when it may go on. */
  fromAddress(address: string | null): Refusal | null {
    if (address === null || this.addressConnections.get(address, ADDRESS_CONNECTIONS).take()) return null;
    return refusal('rate-limited', 'too many new connections from this address; retry in a few seconds');
  }

  /**
   * A new connection of a valid link: the link's connection rate (per `kind`), then its cap (per
   * `capKey`). `release` gives the place back; call it when the connection ends (more calls are ignored).
   */
  async connect(kind: 'socket' | 'doc', capKey: string, link: Link): Promise<{ ok: true; release: () => void } | { ok: false; refusal: Refusal }> {
    if (!this.linkConnections.get(`${kind}:${link.tokenHash}`, this.linkConnectionRate(link.role)).take()) {
      return { ok: false, refusal: refusal('rate-limited', 'too many new connections with this link; retry in a few seconds') };
    }
    const cap = this.capOf(link.role);
    const release = await this.caps.acquire(capKey, cap);
    if (release) return { ok: true, release };
    const message = isPublicRole(link.role)
      ? `the public observer link already has ${cap} connections open, the most it may; try again later`
      : `this link is already open on ${cap} connections, the most it may: close it on another device, or wait a minute for a dropped connection to time out`;
    return { ok: false, refusal: refusal('too-many-connections', message) };
  }

  /**
   * A new connection's request budget: true when one more command or snapshot request may be
   * served, taken from the connection's, its link's and its address' budgets at once.
   */
  requests(link: Link, address: string | null): () => boolean {
    const own = new TokenBucket(this.opts.connectionRequests.perSecond, this.opts.connectionRequests.burst);
    const linkRate = this.linkRequestRate(link.role);
    return () => {
      const buckets = [own, this.linkRequests.get(link.tokenHash, linkRate)];
      if (address !== null) buckets.push(this.addressRequests.get(address, ADDRESS_REQUESTS));
      return takeAll(buckets);
    };
  }

  /** Connections a link may hold at once, per kind (Socket.IO; each document). */
  capOf(role: Role): number {
    return isPublicRole(role) ? this.opts.maxObserverConnections : this.opts.maxConnectionsPerToken;
  }

  /** The hook of the Yjs endpoint: the same address budget, link rate and cap (per document). */
  forDocs(): DocAdmit {
    return async (access, req, socket) => {
      const busy = this.fromAddress(Admission.addressOf(req.socket.remoteAddress, req.headers));
      if (busy) return { status: 429, ...busy };
      const admitted = await this.connect('doc', `doc:${access.meetingId}/${access.docName}:${access.tokenHash}`, access);
      if (!admitted.ok) return { status: 429, ...admitted.refusal };
      // The upgrade's socket closes when the document connection ends, or when it is refused after all.
      if (socket.destroyed) admitted.release();
      else socket.once('close', admitted.release);
      return null;
    };
  }

  private linkConnectionRate(role: Role): Rate {
    return scaledToCap(LINK_CONNECTIONS, this.capOf(role));
  }

  private linkRequestRate(role: Role): Rate {
    const { perSecond, burst } = this.opts.connectionRequests;
    return scaledToCap({ perSecond: perSecond * LINK_REQUESTS_FACTOR, burst: burst * LINK_REQUESTS_FACTOR }, this.capOf(role));
  }
}

/** A link's budget: at least `least`, and enough for its whole cap at once, refilled in LINK_REFILL_S. */
function scaledToCap(least: Rate, cap: number): Rate {
  return { perSecond: Math.max(least.perSecond, cap / LINK_REFILL_S), burst: Math.max(least.burst, cap) };
}
