import type { ErrorCode, ErrorInfo } from '../../../shared/errors.js';
import type { Command } from '../../../shared/meeting/commands.js';
import { evolveAll } from '../../../shared/meeting/evolve.js';
import { migrateState } from '../../../shared/migrations/index.js';
import type { MeetingState } from '../../../shared/meeting/state.js';
import { placeBatch } from '../../../shared/batches.js';
import type { CommandResult, EventBatch, Snapshot, You } from '../../../shared/protocol.js';
import { updateApp } from '../offline/appUpdate.js';
import { measureOffset } from './clock.js';
import { forgetSnapshot, loadSnapshot, saveSnapshot } from './snapshotCache.js';
import { ask, openSocket, type MeetingSocket } from './socket.js';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';
/** Why the connection stopped for good: the link was reissued, or the server does not know it. */
export type Ending = 'revoked' | 'unauthorized';
export type ClientErrorCode = ErrorCode | 'timeout' | 'offline';
/** The server's error (with its `reason` and `detail` when the rules explain it), or one of the client's own. */
export type ClientError = Omit<ErrorInfo, 'code'> & { code: ClientErrorCode };
export type CommandOutcome = ({ ok: true } & CommandResult) | { ok: false; error: ClientError };

export interface LiveView {
  connection: ConnectionState;
  /** Set once a snapshot has ever arrived, so the UI can tell "connecting" from "reconnecting". */
  everConnected: boolean;
  ended: Ending | null;
  meetingId: string | null;
  you: You | null;
  joinUrl: string | null;
  state: MeetingState | null;
  version: number;
  online: readonly string[];
  /** Add to Date.now() to get server time. */
  offsetMs: number;
  /** The state is this device's copy from an earlier visit, shown while the server cannot be reached. */
  fromDevice: boolean;
  /** Why the server refused the last connection attempt (a cap, a rate limit, an app to update), until one succeeds. */
  refusal: ClientErrorCode | null;
}

const COMMAND_TIMEOUT_MS = 10_000;
const SYNC_TIMEOUT_MS = 10_000;
/** How long "reconnecting" is shown before the badge admits the device is offline. */
const OFFLINE_AFTER_MS = 10_000;
const RETRY_REFUSED_MS = 3000;
/** The device copy is written at most this often: batches can come several a second. */
const SAVE_EVERY_MS = 1000;

/**
 * The client's copy of one meeting, kept exactly like the server's: a snapshot on every (re)connect,
 * then event batches applied with the shared `evolveAll`, and a fresh snapshot on any version gap.
 * React reads it through `subscribe`/`getView` (useSyncExternalStore).
 */
export class MeetingConnection {
  private view: LiveView = {
    connection: 'reconnecting',
    everConnected: false,
    ended: null,
    meetingId: null,
    you: null,
    joinUrl: null,
    state: null,
    version: 0,
    online: [],
    offsetMs: 0,
    fromDevice: false,
    refusal: null,
  };
  private readonly listeners = new Set<() => void>();
  private socket: MeetingSocket | null = null;
  private syncing = false;
  private held: EventBatch[] = [];
  private clockMeasured = false;
  private offlineTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly token: string,
    private readonly onEnded: (ending: Ending) => void = () => undefined,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): LiveView => this.view;

  start(): void {
    const socket = openSocket(this.token);
    this.socket = socket;
    socket.on('connect', () => this.onConnect(socket));
    socket.on('disconnect', (reason) => this.onDisconnect(socket, reason));
    socket.on('connect_error', (err) => this.onConnectError(socket, err as Error & { data?: { code?: string } }));
    socket.on('snapshot', (s) => this.acceptSnapshot(s));
    socket.on('events', (batch) => this.onBatch(batch));
    socket.on('presence', (p) => this.update({ online: p.online }));
    socket.on('revoked', () => this.end('revoked'));
    window.addEventListener('online', this.onBrowserOnline);
    window.addEventListener('offline', this.onBrowserOffline);
    if (!navigator.onLine) this.showDeviceCopy();
    socket.connect();
  }

  stop(): void {
    window.removeEventListener('online', this.onBrowserOnline);
    window.removeEventListener('offline', this.onBrowserOffline);
    this.clearTimers();
    this.saveNow();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /**
   * Sends a command; never throws. Refused at once while disconnected, so nothing fires late on
   * reconnect, and also while the device knows it is offline but the socket has not noticed yet:
   * the user was told the screen is stale, so nothing should act on it.
   */
  async send(command: Command): Promise<CommandOutcome> {
    const socket = this.socket;
    const meetingId = this.view.meetingId;
    if (!socket?.connected || this.view.connection !== 'connected' || meetingId === null) {
      return { ok: false, error: { code: 'offline', message: 'not connected' } };
    }
    try {
      return await ask(socket, 'command', { meetingId, command }, COMMAND_TIMEOUT_MS);
    } catch {
      return { ok: false, error: { code: 'timeout', message: 'no answer from the server' } };
    }
  }

  private update(change: Partial<LiveView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
    if (change.state && !this.view.fromDevice) this.saveSoon();
  }

  /** Without a connection and before any snapshot: the meeting as this device last knew it. */
  private showDeviceCopy(): void {
    if (this.view.state || this.view.ended) return;
    const cached = loadSnapshot(this.token);
    if (!cached) return;
    const { snapshot, offsetMs } = cached;
    this.update({
      everConnected: true,
      fromDevice: true,
      meetingId: snapshot.meetingId,
      you: snapshot.you,
      joinUrl: snapshot.joinUrl,
      state: snapshot.state,
      version: snapshot.version,
      offsetMs,
      connection: navigator.onLine ? this.view.connection : 'offline',
    });
  }

  private saveSoon(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_EVERY_MS);
  }

  private saveNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const { state, you, meetingId, joinUrl, version, offsetMs, fromDevice, ended } = this.view;
    if (!state || !you || !meetingId || fromDevice || ended) return;
    saveSnapshot(this.token, { snapshot: { meetingId, version, state, you, joinUrl, serverNow: Date.now() + offsetMs }, offsetMs });
  }

  private onConnect(socket: MeetingSocket): void {
    // The server sends a snapshot by itself; "connected" is shown when it arrives, with fresh state.
    this.held = [];
    this.syncing = false;
    void measureOffset(socket).then((offset) => {
      if (offset === null || socket !== this.socket) return;
      this.clockMeasured = true;
      this.update({ offsetMs: offset });
    });
  }

  private acceptSnapshot(snapshot: Snapshot): void {
    this.syncing = false;
    const offsetMs = this.clockMeasured ? this.view.offsetMs : snapshot.serverNow - Date.now();
    this.clearOfflineTimer();
    this.update({
      connection: 'connected',
      everConnected: true,
      fromDevice: false,
      refusal: null,
      meetingId: snapshot.meetingId,
      you: snapshot.you,
      joinUrl: snapshot.joinUrl,
      // A server of an older version (during a rolling update) may send a state of an older schema.
      state: migrateState(snapshot.state),
      version: snapshot.version,
      offsetMs,
    });
    const held = this.held.sort((a, b) => a.version - b.version);
    this.held = [];
    for (const batch of held) this.onBatch(batch);
  }

  private onBatch(batch: EventBatch): void {
    if (this.syncing) {
      this.held.push(batch);
      return;
    }
    const { state, version } = this.view;
    const place = placeBatch(version, batch);
    if (!state || place === 'held') return;
    if (place === 'gap') {
      this.held.push(batch);
      void this.resync();
      return;
    }
    this.update({ state: evolveAll(state, batch.events), version: batch.version });
  }

  private async resync(): Promise<void> {
    const socket = this.socket;
    if (this.syncing || !socket?.connected) return;
    this.syncing = true;
    try {
      const reply = await ask(socket, 'sync', { version: this.view.version }, SYNC_TIMEOUT_MS);
      if (socket !== this.socket) return;
      if (reply.ok) this.acceptSnapshot(reply.snapshot);
      else this.syncing = false;
    } catch {
      // No answer: the connection is probably dropping, and a reconnect brings a snapshot anyway.
      this.syncing = false;
    }
  }

  private onDisconnect(socket: MeetingSocket, reason: string): void {
    if (this.view.ended || socket !== this.socket) return;
    this.update({ connection: navigator.onLine ? 'reconnecting' : 'offline' });
    this.startOfflineTimer();
    // Only a server-side kick leaves socket.io idle; anything else it retries by itself.
    if (reason === 'io server disconnect') this.retryLater(socket);
  }

  private onConnectError(socket: MeetingSocket, err: Error & { data?: { code?: string } }): void {
    if (socket !== this.socket) return;
    if (err.data?.code === 'unauthorized') {
      this.end(this.view.ended ?? 'unauthorized');
      return;
    }
    // Too many connections with this link, or too many new ones: shown, and retried below.
    const code = err.data?.code;
    if (code === 'too-many-connections' || code === 'rate-limited' || code === 'upgrade-required') this.update({ refusal: code });
    // This app is one the server no longer serves: fetch the current one (note edits and the token are kept).
    if (code === 'upgrade-required') void updateApp(() => this.saveNow());
    this.showDeviceCopy();
    this.startOfflineTimer();
    // A refusal by the server's middleware (store down) is not retried by socket.io; transport errors are.
    if (!socket.active) this.retryLater(socket);
  }

  private end(ending: Ending): void {
    if (this.view.ended) return;
    this.clearTimers();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    forgetSnapshot(this.token);
    this.socket?.disconnect();
    this.update({ ended: ending, connection: 'offline' });
    this.onEnded(ending);
  }

  private retryLater(socket: MeetingSocket): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (socket === this.socket && !this.view.ended && !socket.connected) socket.connect();
    }, RETRY_REFUSED_MS);
  }

  private startOfflineTimer(): void {
    if (this.offlineTimer || this.view.connection === 'offline') return;
    this.offlineTimer = setTimeout(() => {
      this.offlineTimer = null;
      if (!this.socket?.connected && !this.view.ended) {
        this.showDeviceCopy();
        this.update({ connection: 'offline' });
      }
    }, OFFLINE_AFTER_MS);
  }

  private clearOfflineTimer(): void {
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
  }

  private clearTimers(): void {
    this.clearOfflineTimer();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private readonly onBrowserOffline = (): void => {
    if (this.view.ended) return;
    this.showDeviceCopy();
    this.update({ connection: 'offline' });
  };

  private readonly onBrowserOnline = (): void => {
    const socket = this.socket;
    if (!socket || this.view.ended) return;
    if (socket.connected) {
      // The socket outlived a short outage: a snapshot confirms nothing was missed and says "connected" again.
      void this.resync();
      return;
    }
    this.update({ connection: 'reconnecting' });
    // socket.io's own backoff (at most 5 s) retries when active; only an idle socket needs a push.
    if (!socket.active) socket.connect();
  };
}
