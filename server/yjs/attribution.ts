import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { annotationsOwner } from '../../shared/notes/access.js';
import { WIPE_SHARE } from '../../shared/notes/history.js';
import { MIN_WIPE_ITEMS, autoVersionDue } from '../../shared/notes/versionPolicy.js';
import { visibleLength } from './docBlocks.js';
import { takeVersion, type HistoryDeps } from './history.js';
import { integratedUpdate } from './pending.js';

/** A participant recorded as an editor is recorded again after this long (another instance may have taken a version meanwhile). */
const EDITOR_RECORD_MS = 60_000;

/** What `check` found in an update, for `applied` once Yjs has integrated it. */
export interface Checked {
  /** Client ids it brings new structs for, recorded for nobody yet, with the document's clock for each before it. */
  fresh: [number, number][];
  /** The text before it, when it deletes enough to be a wipe. */
  before: { state: Uint8Array; length: number } | null;
}

/**
 * One live document's side of the history (docs/YJS.md, "History", "Attribution"): which Yjs client
 * ids each participant's connections write under, who changed the document since its last version,
 * the version taken before a wipe and the automatic ones. Whatever it records is written in the
 * document's line before the change it concerns (`flush`), so it is durable before anyone saw it.
 */
export class DocAttribution {
  private readonly newAuthors: [number, string][] = [];
  private readonly newEditors = new Set<string>();
  /** When each participant was last added to the store's editors of the next version. */
  private readonly recorded = new Map<string, number>();
  private wipes: { state: Uint8Array }[] = [];
  /** The first change since the last version; an automatic version is due VERSION_EVERY_MS later. */
  private editingSince: number | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly meetingId: string,
    private readonly docName: string,
    private readonly doc: Y.Doc,
    private readonly authors: Map<number, string>,
    private readonly deps: HistoryDeps,
  ) {}

  /** The participant whose connection wrote under a client id, if recorded. */
  authorOf(clientId: number): string | undefined {
    return this.authors.get(clientId);
  }

  /**
   * Before an update from `participantId` is applied: null when it brings new structs under a
   * client id recorded for someone else (impersonation: refused whole). Otherwise what it claims,
   * and, when it deletes at least half of the visible text's worth of items, the text before it.
   */
  check(update: Uint8Array, participantId: string): Checked | null {
    let decoded;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      return null;
    }
    const fresh: [number, number][] = [];
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Skip) continue;
      const client = struct.id.client;
      // Structs the document has already are a resync, whoever sends them.
      if (struct.id.clock + struct.length <= Y.getState(this.doc.store, client)) continue;
      const owner = this.authors.get(client);
      if (owner !== undefined && owner !== participantId) return null;
      if (owner === undefined && !fresh.some(([c]) => c === client)) fresh.push([client, Y.getState(this.doc.store, client)]);
    }
    let deleted = 0;
    for (const items of decoded.ds.clients.values()) for (const item of items) deleted += item.len;
    let before: Checked['before'] = null;
    if (deleted >= MIN_WIPE_ITEMS) {
      const length = visibleLength(this.doc);
      if (length > 0 && deleted >= WIPE_SHARE * length) before = { state: integratedUpdate(this.doc), length };
    }
    return { fresh, before };
  }

  /** After the update was applied: its client ids are the participant's, and a wipe gets its version. */
  applied(checked: Checked, participantId: string): void {
    for (const [client, before] of checked.fresh) {
      // Only structs Yjs integrated claim their client id: one held aside (pending) may never be.
      if (Y.getState(this.doc.store, client) <= before) continue;
      this.authors.set(client, participantId);
      this.newAuthors.push([client, participantId]);
    }
    if (checked.before && checked.before.length - visibleLength(this.doc) > WIPE_SHARE * checked.before.length) {
      this.wipes.push({ state: checked.before.state });
    }
  }

  /** A participant's connection changed the document. */
  edited(participantId: string): void {
    const now = this.deps.clock();
    this.editingSince ??= now;
    const last = this.recorded.get(participantId);
    if (last === undefined || now - last >= EDITOR_RECORD_MS) {
      this.newEditors.add(participantId);
      this.recorded.set(participantId, now);
    }
  }

  /** The server is about to write as `participantId` (a restore): under a fresh client id of its own, recorded for them. */
  actAs(participantId: string): void {
    let client: number;
    do client = randomInt(1, 2 ** 32 - 1);
    while (this.authors.has(client) || this.doc.store.clients.has(client));
    this.doc.clientID = client;
    this.authors.set(client, participantId);
    this.newAuthors.push([client, participantId]);
    // An editor of the next version; no automatic version for it: the text is a version already.
    this.newEditors.add(participantId);
    this.recorded.set(participantId, this.deps.clock());
  }

  /** In the document's line, before the changes it concerns are appended: the before-wipe versions, then the new authors and editors. */
  async flush(): Promise<void> {
    for (const wipe of this.wipes.splice(0)) {
      await takeVersion(this.deps, this.meetingId, this.docName, 'before-wipe', { state: wipe.state });
      this.versionTaken(false);
    }
    if (this.newAuthors.length === 0 && this.newEditors.size === 0) return;
    const authors = this.newAuthors.splice(0);
    const editors = [...this.newEditors];
    this.newEditors.clear();
    await this.deps.store.addDocAuthors(this.meetingId, this.docName, authors, editors);
  }

  /**
   * In the line, after changes were stored: an automatic version once someone has been editing for
   * VERSION_EVERY_MS (`force`: whenever anything changed, as the document unloads). A failure is
   * logged, never fatal: the edits themselves are stored.
   */
  async autoVersion(state: () => Uint8Array, force = false): Promise<void> {
    // A participant's private annotations keep no history: no copy of them is stored beside the document.
    if (annotationsOwner(this.docName) !== null) return;
    if (this.editingSince === null || !(force || autoVersionDue(this.editingSince, this.deps.clock()))) return;
    try {
      await this.flush();
      await takeVersion(this.deps, this.meetingId, this.docName, 'auto', { state: state() });
      this.versionTaken();
    } catch (e) {
      this.deps.log.warn('taking a document version failed', { meetingId: this.meetingId, doc: this.docName, err: String(e) });
    }
  }

  /** A version was taken: editors are recorded afresh for the next one; `editing` restarts the automatic clock. */
  versionTaken(editing = true): void {
    this.recorded.clear();
    if (editing) this.editingSince = null;
  }

  /**
   * An update another instance stored: client ids this copy does not know were recorded there
   * (before the update was stored), so they are read again, to refuse impersonation here too.
   */
  heard(update: Uint8Array): void {
    if (this.refreshing) return;
    let unknown = false;
    try {
      for (const client of Y.parseUpdateMeta(update).to.keys()) if (!this.authors.has(client)) unknown = true;
    } catch {
      return;
    }
    if (!unknown) return;
    this.refreshing = this.deps.store
      .loadDocAuthors(this.meetingId, this.docName)
      .then((stored) => {
        for (const [client, participantId] of stored) if (!this.authors.has(client)) this.authors.set(client, participantId);
      })
      .catch(() => undefined)
      .finally(() => {
        this.refreshing = null;
      });
  }
}
