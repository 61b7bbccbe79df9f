import * as Y from 'yjs';
import { compactionDue, type CompactionRule } from '../../shared/notes/compaction.js';
import { DOC_COMPACT_FLOOR_BYTES, DOC_COMPACT_GROWTH, DOC_COMPACT_LATEST_MS } from '../../shared/notes/limits.js';
import { MINUTES_DOC } from '../../shared/notes/access.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { localFanout, type DocChannel, type DocFanout, type DocListener } from './fanout.js';
import { syncStep1Message, syncStep2Message, updateMessage, type IncomingMessage } from './messages.js';
import { dropPending, integratedUpdate, pendingBytes } from './pending.js';
import { compactStoredDoc, loadStoredDoc } from './persistence.js';
import { DocPresence, type Speaker } from './presence.js';
import { DocAttribution } from './attribution.js';
import { minutesTemplateUpdate } from './minutesTemplate.js';

/** A connection as the document sees it: the socket I/O lives in connection.ts. */
export interface DocSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface DocMember extends Speaker {
  participantId: string;
  /** Read-only members get the document and everyone's awareness; their edits and their own awareness are dropped. */
  canEdit: boolean;
}

export interface SharedDocDeps {
  store: Store;
  log: Logger;
  /** Compact the stored log after this many appended updates, once the typing pauses this long. */
  compactEvery: number;
  compactPauseMs: number;
  maxDocBytes: number;
  /** Bytes of not-yet-integrable updates held in memory (see pending.ts). */
  maxPendingBytes: number;
  /** How updates reach other instances holding the document; stores only, by default. */
  fanout?: DocFanout;
  maxConnections: number;
  /** Called once when the document should be unloaded: idle, or its store failed. */
  retire: (doc: SharedDoc) => void;
  /** Server time for versions (docs/YJS.md, "History"); tests inject one. */
  clock?: () => number;
}

const compactionRule = (deps: SharedDocDeps): CompactionRule => ({ every: deps.compactEvery, growth: DOC_COMPACT_GROWTH, floorBytes: DOC_COMPACT_FLOOR_BYTES });

/** Origin of changes another instance stored already: relayed to this instance's connections only. */
const REMOTE = Symbol('remote');
/** Origin of changes this instance stores and announces itself without a connection behind them. */
const SERVER = Symbol('server');

/** How a message went: the connection closes on anything but 'ok'. */
export type Outcome = 'ok' | 'doc-too-large' | 'bad-update' | 'too-much-pending' | 'awareness-too-large' | 'too-many-clients';

/**
 * One live document on this instance: its Y.Doc, the awareness of everyone connected, and the
 * single line in which updates are stored and then relayed. Nothing leaves this document before
 * the store has it: relays and sync replies wait in the same line as the writes they depend on,
 * so whatever another client has seen survives a crash.
 */
export class SharedDoc {
  readonly presence: DocPresence;
  private readonly members = new Map<DocSocket, DocMember>();
  /** Connections authorised and about to join: the document must not be unloaded under them. */
  private holds = 0;
  private line: Promise<void> = Promise.resolve();
  private failed = false;
  private stopping: Promise<void> | null = null;
  private appended = 0;
  /** Bytes appended since the last compaction: a few big updates make it due as surely as many small ones. */
  private appendedBytes = 0;
  /** Changes not yet taken by a write: a drain is in line, not started, whenever this is non-empty. */
  private batch: { update: Uint8Array; origin: unknown; remote: boolean }[] = [];
  private drainQueued = false;
  /** Encoded size, estimated from above by adding update sizes; measured when it nears the limit. */
  private size: number;
  private compacting: Promise<void> | null = null;
  private compactTimer: NodeJS.Timeout | null = null;
  /** When the log reached `compactEvery` new updates; typing that never pauses compacts DOC_COMPACT_LATEST_MS later. */
  private compactDueSince: number | null = null;
  /** Who wrote what, wipes and automatic versions (attribution.ts). */
  readonly attribution: DocAttribution;

  static async load(meetingId: string, docName: string, deps: SharedDocDeps): Promise<SharedDoc> {
    // The channel is opened first: whatever another instance stores while the log is read is heard.
    const channel = await (deps.fanout ?? localFanout(deps.store)).open(meetingId, docName);
    let loaded, authors;
    try {
      [loaded, authors] = await Promise.all([loadStoredDoc(deps.store, meetingId, docName), deps.store.loadDocAuthors(meetingId, docName)]);
      if (loaded.count === 0 && docName === MINUTES_DOC) {
        // The first time the minutes are opened they start from the definition's template, stored
        // like any edit (and announced to the other instances) before anyone is served the document.
        const template = minutesTemplateUpdate((await deps.store.loadMeeting(meetingId))?.state.record.minutesSections ?? []);
        if (template) {
          await channel.append(template);
          loaded.doc.destroy();
          loaded = await loadStoredDoc(deps.store, meetingId, docName);
        }
      }
    } catch (e) {
      await channel.close();
      throw e;
    }
    const { doc, count, through, bytes } = loaded;
    const shared = new SharedDoc(meetingId, docName, doc, deps, channel, authors);
    channel.listen(shared.listener, through);
    // A log left long (or large) by a crash is merged now rather than at the next leave.
    if (count > deps.compactEvery || compactionDue({ updates: count, bytes }, () => shared.size, compactionRule(deps)) === 'now') void shared.compact();
    return shared;
  }

  private constructor(
    readonly meetingId: string,
    readonly docName: string,
    readonly doc: Y.Doc,
    private readonly deps: SharedDocDeps,
    private readonly channel: DocChannel,
    authors: Map<number, string>,
  ) {
    this.size = integratedUpdate(doc).byteLength;
    this.attribution = new DocAttribution(meetingId, docName, doc, authors, { store: deps.store, log: deps.log, clock: deps.clock ?? Date.now });
    this.presence = new DocPresence(
      doc,
      (message) => {
        for (const socket of this.members.keys()) socket.send(message);
      },
      (update) => channel.publishAwareness(update),
    );
    doc.on('update', this.onUpdate);
  }

  get closed(): boolean {
    return this.stopping !== null;
  }

  get connections(): number {
    return this.members.size;
  }

  /** Reserves a place for a connection that is being upgraded; false when the document is full. */
  hold(): boolean {
    if (this.closed || this.members.size + this.holds >= this.deps.maxConnections) return false;
    this.holds++;
    return true;
  }

  /** Gives back a place reserved by `hold` for a connection that never joined. */
  release(): void {
    this.holds--;
    this.retireIfIdle();
  }

  join(socket: DocSocket, member: DocMember): void {
    this.holds--;
    if (this.closed) return socket.close(DOC_CLOSE.goingAway, 'document closing; reconnect');
    this.members.set(socket, member);
    if (!member.canEdit) this.presence.readerJoined(member);
    // Asks an editor for what it has and the server lacks (offline edits). Readers are not asked:
    // whatever they would answer is dropped anyway.
    if (member.canEdit) socket.send(syncStep1Message(this.doc));
    const present = this.presence.everyone();
    if (present) socket.send(present);
  }

  leave(socket: DocSocket): void {
    const member = this.members.get(socket);
    if (!member) return;
    this.members.delete(socket);
    this.presence.leave(socket);
    if (!member.canEdit) this.presence.readerLeft(member.participantId);
    this.retireIfIdle();
  }

  receive(socket: DocSocket, message: IncomingMessage): Outcome {
    const member = this.members.get(socket);
    if (!member || this.closed) return 'ok';
    switch (message.type) {
      case 'sync-step1': {
        const reply = syncStep2Message(integratedUpdate(this.doc, message.stateVector));
        // Behind the writes of every update it contains.
        this.enqueue(async () => socket.send(reply));
        return 'ok';
      }
      case 'sync-step2':
      case 'update':
        return member.canEdit ? this.applyEdit(socket, member, message.update) : 'ok';
      case 'awareness': {
        // Relayed for editors only: the server announces readers itself, without their cursors (presence.ts).
        const outcome = member.canEdit ? this.presence.receive(socket, member, message.entries, message.bytes) : this.presence.fromReader(message.bytes);
        return outcome === 'too-large' ? 'awareness-too-large' : outcome;
      }
      case 'query-awareness': {
        const present = this.presence.everyone();
        if (present) socket.send(present);
        return 'ok';
      }
    }
  }

  /** Closes the connections of one participant (their link was reissued). */
  disconnect(participantId: string | null, code: number, reason: string): void {
    for (const [socket, member] of [...this.members]) {
      if (participantId === null || member.participantId === participantId) socket.close(code, reason);
    }
  }

  /** Waits for every update in line to be stored, compacts the log and frees the document. */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      await this.line;
      // Editing that has not made a version yet does now: nobody is left to go on.
      if (!this.failed) await this.attribution.autoVersion(() => integratedUpdate(this.doc), true);
      await this.compacting;
      if (!this.failed) await this.compact();
      await this.channel.close();
      this.doc.off('update', this.onUpdate);
      this.presence.destroy();
      this.doc.destroy();
    })();
    return this.stopping;
  }

  /**
   * Compacting rebuilds the whole document from the log: tens of milliseconds of CPU, during which
   * nobody's keystrokes are relayed. So it waits for a pause in the typing, or, if the typing never
   * pauses, for DOC_COMPACT_LATEST_MS.
   */
  private compactAtPause(): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.compactDueSince ??= performance.now();
    if (performance.now() - this.compactDueSince >= DOC_COMPACT_LATEST_MS) {
      void this.compact();
      return;
    }
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (!this.closed) void this.compact();
    }, this.deps.compactPauseMs);
    this.compactTimer.unref();
  }

  compact(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.compactDueSince = null;
    this.compacting ??= (async () => {
      this.appended = 0;
      this.appendedBytes = 0;
      try {
        const bytes = await compactStoredDoc(this.deps.store, this.meetingId, this.docName);
        if (bytes !== null) this.deps.log.debug('document compacted', { meetingId: this.meetingId, doc: this.docName, bytes });
      } catch (e) {
        // Nothing is lost: the log stays as it was and the next compaction tries again.
        this.deps.log.warn('document compaction failed', { meetingId: this.meetingId, doc: this.docName, err: String(e) });
      } finally {
        this.compacting = null;
      }
    })();
    return this.compacting;
  }

  private applyEdit(socket: DocSocket, member: DocMember, update: Uint8Array): Outcome {
    if (this.size + update.byteLength > this.deps.maxDocBytes) {
      this.size = integratedUpdate(this.doc).byteLength;
      if (this.size + update.byteLength > this.deps.maxDocBytes) return 'doc-too-large';
    }
    // Structs under a client id another participant wrote under: impersonation, refused whole.
    const check = this.attribution.check(update, member.participantId);
    if (!check) return 'bad-update';
    try {
      Y.applyUpdate(this.doc, update, socket);
    } catch {
      // decodeMessage already parsed it; an update that still fails to integrate is refused.
      return 'bad-update';
    }
    this.attribution.applied(check, member.participantId);
    if (pendingBytes(this.doc) > this.deps.maxPendingBytes) {
      // Someone is parking updates that never become integrable. Dropping them loses nothing
      // anyone saw; an editor whose genuine update was among them re-sends it when asked.
      dropPending(this.doc);
      for (const [other, member] of this.members) if (other !== socket && member.canEdit) other.send(syncStep1Message(this.doc));
      return 'too-much-pending';
    }
    return 'ok';
  }

  /**
   * Every change to the document, in the order Yjs integrated it: store (which also tells the
   * other instances), then relay. What another instance stored is only relayed.
   *
   * Changes are stored in groups: one write (one fsync, one Redis round trip) takes every change
   * that arrived while the line was busy, plus those read in the same turn of the event loop, and
   * then all of them are relayed. One write per change would cap a document at one change per
   * write's latency, and a slow fsync would hold up everything behind it.
   */
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    this.size += update.byteLength;
    const member = this.members.get(origin as DocSocket);
    if (member) this.attribution.edited(member.participantId);
    this.batch.push({ update, origin, remote: origin === REMOTE });
    if (this.drainQueued) return;
    this.drainQueued = true;
    this.enqueue(async () => {
      // Lets the rest of this turn's messages join the group.
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.drainQueued = false;
      const batch = this.batch.splice(0);
      const local = batch.filter((c) => !c.remote).map((c) => c.update);
      const stored = local.length === 0 ? null : local.length === 1 ? local[0] : Y.mergeUpdates(local);
      // A version of the text before a wipe, and who wrote: stored before the change they concern.
      await this.attribution.flush();
      if (stored) await this.channel.append(stored);
      for (const { update: change, origin: from } of batch) {
        const message = updateMessage(change);
        for (const socket of this.members.keys()) if (socket !== from) socket.send(message);
      }
      if (!stored) return;
      await this.attribution.autoVersion(() => integratedUpdate(this.doc));
      this.appended += local.length;
      this.appendedBytes += stored.byteLength;
      const due = compactionDue({ updates: this.appended, bytes: this.appendedBytes }, () => (this.size = integratedUpdate(this.doc).byteLength), compactionRule(this.deps));
      if (due === 'now') void this.compact();
      else if (due === 'at-pause') this.compactAtPause();
    });
  };

  /**
   * A change the server makes itself, as `by` (a restore): under a client id of its own recorded for
   * that participant, stored and relayed like any edit. Resolves once it is stored.
   */
  async serverEdit(by: string, edit: (doc: Y.Doc) => void): Promise<void> {
    if (this.closed) throw new Error('the document is closing');
    this.attribution.actAs(by);
    this.doc.transact(() => edit(this.doc), SERVER);
    await this.flushed();
  }

  /** Resolves once everything in line so far is stored; rejects if the store failed meanwhile. */
  flushed(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.line = this.line.then(() => (this.failed ? reject(new Error('storing the document failed')) : resolve()));
    });
  }

  /** What the other instances holding this document tell it (nothing, with one instance). */
  private readonly listener: DocListener = {
    update: (update) => {
      if (this.closed) return;
      this.attribution.heard(update);
      try {
        Y.applyUpdate(this.doc, update, this.remoteOrigin());
      } catch (e) {
        this.deps.log.warn('an update from another instance failed to apply', { doc: this.docName, err: String(e) });
      }
    },
    awareness: (update, instanceId) => {
      if (!this.closed) this.presence.applyRemote(update, instanceId);
    },
    query: () => this.presence.announceLocal(),
    forget: (instanceId) => {
      if (!this.closed) this.presence.forget(instanceId);
    },
    heal: async () => {
      const stored = await this.deps.store.loadDoc(this.meetingId, this.docName);
      if (!this.closed)
        this.doc.transact(() => {
          for (const update of stored.updates) Y.applyUpdate(this.doc, update);
        }, this.remoteOrigin());
      return stored.through;
    },
  };

  /**
   * Another instance stored these changes, so they are only relayed. Except when this copy holds
   * updates Yjs could not integrate yet (they wait for what they build on): those may be a local
   * client's, unstored so far, and a remote change may release them, so that change is stored
   * again here. A duplicate in the log is harmless; a lost edit is not.
   */
  private remoteOrigin(): symbol {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null ? SERVER : REMOTE;
  }

  private enqueue(work: () => Promise<void>): void {
    this.line = this.line.then(async () => {
      if (this.failed) return;
      try {
        await work();
      } catch (e) {
        this.fail(e);
      }
    });
  }

  /**
   * The store refused an update: this copy is now ahead of the store, so it must not be served.
   * Its clients reconnect to a copy reloaded from the store, and their resync re-sends whatever
   * the store lacks; nothing that was relayed had been left unstored.
   */
  private fail(e: unknown): void {
    this.failed = true;
    this.deps.log.error('storing a document update failed', { meetingId: this.meetingId, doc: this.docName, err: String(e) });
    this.deps.retire(this);
    this.disconnect(null, DOC_CLOSE.storeFailed, 'the store failed; reconnect');
  }

  private retireIfIdle(): void {
    if (!this.closed && this.members.size === 0 && this.holds === 0) this.deps.retire(this);
  }
}
