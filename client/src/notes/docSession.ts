import { fetchUpdates, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '../../../shared/meeting/state.js';
import { DOC_SUBPROTOCOL } from '../../../shared/notes/protocol.js';
import { docProtocolEntry, PROTOCOL_VERSION } from '../../../shared/versions.js';
import { onBeforeReload } from '../offline/pendingWrites.js';

/** Who this device is in a document's awareness: others see the name, the colour and whether one edits. */
export interface DocUser {
  participantId: string;
  name: string;
  role: Role;
  color: string;
  readOnly: boolean;
}

/**
 * - connecting: first attempt to reach the server;
 * - syncing: connected, exchanging what each side lacks;
 * - synced: connected and up to date, edits go out as they are made;
 * - offline: no connection (the browser says so, or the server has not answered for a while);
 *   edits are kept on this device and sent on reconnect;
 * - closed: the server ended the connection for good (link reissued, document too large).
 */
export type DocPhase = 'connecting' | 'syncing' | 'synced' | 'offline' | 'closed';

export interface DocStatus {
  phase: DocPhase;
  /** The copy kept on this device has been read (or there is no device storage). */
  loaded: boolean;
  /** Edits were made here while not synced: they are on this device, not yet on the server. */
  pending: boolean;
  /** The close code when phase is 'closed' (4401 link reissued, 4413 too large, …). */
  closedCode: number | null;
}

export interface DocPresence {
  clientId: number;
  user: Partial<DocUser> & { name?: string; color?: string };
}

export interface DocSessionOptions {
  meetingId: string;
  docName: string;
  token: string;
  user: DocUser;
  /** ws(s)://host of the app; the page's own origin by default. */
  wsBase?: string;
}

/** Failed attempts in a row after which "connecting" is admitted to be "offline". */
const OFFLINE_AFTER_FAILURES = 2;

export function pageWsBase(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
}

/** One device copy per meeting, document and participant, so two people sharing a tablet never mix. */
export function localDocName(meetingId: string, docName: string, participantId: string): string {
  return `phong-hop/${meetingId}/${docName}/${participantId}`;
}

/**
 * One co-edited document on this device: a Y.Doc kept in IndexedDB (so edits survive a lost
 * connection and a reload) and synced with the server by an unmodified y-websocket provider.
 * React reads `status` and `presence` through subscribe/get pairs (useSyncExternalStore).
 */
export class DocSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly user: DocUser;
  private readonly local: IndexeddbPersistence | null;
  private status: DocStatus;
  private presence: DocPresence[] = [];
  private readonly statusListeners = new Set<() => void>();
  private readonly presenceListeners = new Set<() => void>();
  private destroyed = false;
  private readonly unregisterFlush: () => void;

  constructor(opts: DocSessionOptions) {
    this.user = opts.user;
    this.local = openLocal(localDocName(opts.meetingId, opts.docName, opts.user.participantId), this.doc);
    this.status = { phase: 'connecting', loaded: this.local === null, pending: false, closedCode: null };
    this.local?.whenSynced.then(
      () => this.setStatus({ loaded: true }),
      () => this.setStatus({ loaded: true }),
    );

    const online = navigator.onLine;
    this.provider = new WebsocketProvider(`${opts.wsBase ?? pageWsBase()}/yjs/${encodeURIComponent(opts.meetingId)}`, opts.docName, this.doc, {
      // The token travels as a WebSocket subprotocol, not in the URL, where proxies and logs keep it
      // (docs/YJS.md, "Connecting"), beside this app's protocol version. The server answers with DOC_SUBPROTOCOL alone.
      protocols: [DOC_SUBPROTOCOL, docProtocolEntry(PROTOCOL_VERSION), opts.token],
      // A device that knows it is offline does not try; the 'online' event starts it.
      connect: online,
    });
    this.provider.awareness.setLocalStateField('user', opts.user);
    this.provider.on('status', this.refresh);
    this.provider.on('sync', this.onSync);
    this.provider.on('connection-close', this.refresh);
    this.provider.on('connection-error', this.refresh);
    this.provider.on('closed', this.onClosed);
    this.provider.awareness.on('change', this.onAwareness);
    this.doc.on('update', this.onUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.onAwareness();
    this.refresh();
    this.unregisterFlush = onBeforeReload(() => this.persisted());
  }

  /**
   * Resolves once every edit made so far is in this device's IndexedDB copy: an app update waits
   * for it before reloading, so edits the server has not seen yet are there for the new app.
   */
  async persisted(): Promise<void> {
    if (!this.local || this.destroyed) return;
    await this.local.whenSynced;
    // Each edit is written in its own transaction on the updates store; IndexedDB runs transactions
    // on a store in the order they began, so one begun now completes after all of them.
    await fetchUpdates(this.local);
  }

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  getStatus = (): DocStatus => this.status;

  subscribePresence = (listener: () => void): (() => void) => {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  };

  getPresence = (): DocPresence[] => this.presence;

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unregisterFlush();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.doc.off('update', this.onUpdate);
    this.provider.awareness.off('change', this.onAwareness);
    // Disconnecting tells the others at once that this device left the document.
    this.provider.destroy();
    void this.local?.destroy();
    this.doc.destroy();
    this.statusListeners.clear();
    this.presenceListeners.clear();
  }

  private setStatus(change: Partial<DocStatus>): void {
    if (this.destroyed) return;
    const next = { ...this.status, ...change };
    if (Object.keys(next).every((k) => next[k as keyof DocStatus] === this.status[k as keyof DocStatus])) return;
    this.status = next;
    for (const listener of this.statusListeners) listener();
  }

  private readonly refresh = (): void => {
    this.setStatus({ phase: this.phase() });
  };

  private phase(): DocPhase {
    const p = this.provider;
    if (this.status.closedCode !== null) return 'closed';
    if (p.wsconnected) return p.synced ? 'synced' : 'syncing';
    if (!navigator.onLine || !p.shouldConnect) return 'offline';
    return p.wsUnsuccessfulReconnects >= OFFLINE_AFTER_FAILURES ? 'offline' : 'connecting';
  }

  private readonly onSync = (synced: boolean): void => {
    // By the time the server's answer arrives our own missing updates are already on the wire:
    // the server asks first (sync step 1) and the provider answers before reading further.
    if (synced) this.setStatus({ pending: false });
    this.refresh();
  };

  private readonly onClosed = (event: { code: number }): void => {
    this.setStatus({ closedCode: event.code });
    this.refresh();
  };

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    const fromElsewhere = origin === this.provider || (this.local !== null && origin === this.local);
    if (!fromElsewhere && !(this.provider.wsconnected && this.provider.synced)) this.setStatus({ pending: true });
  };

  private readonly onAwareness = (): void => {
    const states = this.provider.awareness.getStates() as Map<number, { user?: DocPresence['user'] }>;
    this.presence = [...states].filter(([, s]) => s.user).map(([clientId, s]) => ({ clientId, user: s.user! }));
    for (const listener of this.presenceListeners) listener();
  };

  private readonly onOnline = (): void => {
    if (this.status.closedCode === null) this.provider.connect();
    this.refresh();
  };

  /** A lost network does not close an open WebSocket by itself for a long while: close it now. */
  private readonly onOffline = (): void => {
    this.provider.disconnect();
    this.refresh();
  };
}

function openLocal(name: string, doc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return new IndexeddbPersistence(name, doc);
  } catch {
    // Storage disabled (some private modes): the document still works, only not offline.
    return null;
  }
}
