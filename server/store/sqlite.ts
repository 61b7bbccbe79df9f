import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { countKeys } from '../../shared/ballots/tally.js';
import type { Counts } from '../../shared/ballots/types.js';
import { migrateEvents, migrateState, schemaOf } from '../../shared/migrations/index.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import type { SelfAssessment } from '../../shared/review/types.js';
import { migrateLayout } from './sqliteSchema.js';
import {
  MeetingExistsError,
  type Commit,
  type EventRecord,
  type MeetingSummary,
  type NewDocVersion,
  type NewMeeting,
  type Store,
  type StoredDoc,
  type StoredMeeting,
  type StoredPin,
  type StoredVersionMeta,
  type TokenOwner,
} from './store.js';

/** A tally as stored: keys sorted, so its text depends only on the counts. */
const canonical = (counts: Counts) => JSON.stringify(Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

/** Commits after which the WAL must not keep the previous versions of a tally (see `commit`). */
const touchesTally = (c: Commit) => [c.votes, c.tallies?.drop, c.tallies?.eraseHistory].some((list) => (list?.length ?? 0) > 0);

/** A voter of the commit is already recorded: the whole commit is undone. */
class AlreadyVoted extends Error {}

/** better-sqlite3 binds Buffers as BLOBs; a view shares the bytes without copying. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The embedded store: one SQLite file, so a single laptop in the meeting room needs nothing else.
 * better-sqlite3 is synchronous, so each method is atomic within this process; WAL with
 * synchronous=FULL means a commit that returned is on disk, even after kill -9 or power loss.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  /** Prepared once: every connection and every Yjs upgrade looks its token up (a reconnect storm is a thousand). */
  private readonly tokenOwner: Database.Statement;
  /** Prepared once: run for every paper of a commit (a burst groups hundreds). */
  private readonly addVoter: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Owner only, also for a store an older version created 0644: tokens' hashes, PIN hashes and
    // the tallies are in here (the WAL and shared-memory files hold the same pages).
    if (file !== ':memory:') for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Freed cells and pages are zeroed, so an old copy of a tally cannot linger next to the new one.
    this.db.pragma('secure_delete = ON');
    // Statement journals and other temporary files (old page images) stay in memory, never on disk.
    this.db.pragma('temp_store = MEMORY');
    try {
      migrateLayout(this.db, file);
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.tokenOwner = this.db.prepare('SELECT meeting_id, participant_id FROM tokens WHERE token_hash = ?');
    this.addVoter = this.db.prepare('INSERT OR IGNORE INTO ballot_voters (meeting_id, ballot_id, voter_id) VALUES (?, ?, ?)');
  }

  async createMeeting(m: NewMeeting): Promise<void> {
    if (this.db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(m.id)) throw new MeetingExistsError(m.id);
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO meetings (id, created_at, definition, state, version) VALUES (?, ?, ?, ?, 0)')
        .run(m.id, m.createdAt, JSON.stringify(m.definition), JSON.stringify(m.state));
      const token = this.db.prepare('INSERT INTO tokens (token_hash, meeting_id, participant_id, public_token) VALUES (?, ?, ?, ?)');
      for (const t of m.tokens) token.run(t.tokenHash, m.id, t.participantId, t.publicToken ?? null);
    })();
  }

  async loadMeeting(id: string): Promise<StoredMeeting | null> {
    const row = this.db.prepare('SELECT state, version FROM meetings WHERE id = ?').get(id) as { state: string; version: number } | undefined;
    return row ? { id, version: row.version, state: migrateState(JSON.parse(row.state), `meeting ${id}`) } : null;
  }

  async currentVersion(id: string): Promise<number | null> {
    const row = this.db.prepare('SELECT version FROM meetings WHERE id = ?').get(id) as { version: number } | undefined;
    return row?.version ?? null;
  }

  async listMeetings(): Promise<MeetingSummary[]> {
    const rows = this.db.prepare("SELECT id, created_at, json_extract(state, '$.title') AS title FROM meetings ORDER BY created_at").all() as {
      id: string;
      created_at: number;
      title: string;
    }[];
    return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at }));
  }

  /** True while the WAL may still hold an earlier version of a tally (a checkpoint was blocked). */
  private walHoldsTally = false;

  async commit(c: Commit): Promise<'ok' | 'conflict' | 'already-voted'> {
    const outcome = this.commitInTransaction(c);
    // The WAL appends each committed page: between checkpoints it would hold every version of a
    // tally's page beside the event page naming each vote's voter, and so every paper. Folding it
    // into the database and truncating it after each vote leaves only the current tally on disk.
    if (outcome === 'ok' && (this.walHoldsTally || touchesTally(c))) this.truncateWal();
    return outcome;
  }

  /**
   * Checkpoints the whole WAL into the database and truncates it to zero bytes. It only fails while
   * another connection reads an older snapshot (this server keeps one connection); then the next
   * commit tries again.
   */
  private truncateWal(): void {
    // Without waiting: a reader elsewhere (an administrator's sqlite3 shell) must not stall a vote.
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
      this.walHoldsTally = result === undefined || result.busy !== 0 || result.log !== 0;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  private commitInTransaction(c: Commit): 'ok' | 'conflict' | 'already-voted' {
    try {
      return this.db.transaction(() => {
        const next = c.expectedVersion + 1;
        const current = this.db.prepare('SELECT version FROM meetings WHERE id = ?').get(c.meetingId) as { version: number } | undefined;
        if (current?.version !== c.expectedVersion) return 'conflict' as const;
        this.recordVotes(c);
        for (const ballotId of c.tallies?.drop ?? []) this.db.prepare('DELETE FROM ballot_tallies WHERE meeting_id = ? AND ballot_id = ?').run(c.meetingId, ballotId);
        this.db.prepare('UPDATE meetings SET state = ?, version = ? WHERE id = ?').run(JSON.stringify(c.state), next, c.meetingId);
        this.db
          .prepare('INSERT INTO events (meeting_id, version, at, actor, events, schema) VALUES (?, ?, ?, ?, ?, ?)')
          .run(c.meetingId, next, c.at, c.actor, JSON.stringify(c.events), SCHEMA_VERSION);
        return 'ok' as const;
      })();
    } catch (e) {
      // Thrown, not returned, so that the transaction rolls back the voters already inserted.
      if (e instanceof AlreadyVoted) return 'already-voted';
      throw e;
    }
  }

  /** Inside the commit's transaction: marks each voter and adds the papers to their ballots' tallies. */
  private recordVotes(c: Commit): void {
    const tallies = new Map<string, Counts>();
    for (const { ballotId, voterId, increments } of c.votes ?? []) {
      if (this.addVoter.run(c.meetingId, ballotId, voterId).changes !== 1) throw new AlreadyVoted();
      let counts = tallies.get(ballotId);
      if (!counts) {
        counts = this.tallyOf(c.meetingId, ballotId);
        // Every key the ballot can have is present from the first paper on, so which keys exist
        // says nothing about which papers came first.
        const ballot = c.state.ballots.find((b) => b.id === ballotId);
        for (const key of ballot ? countKeys(ballot) : []) counts[key] ??= 0;
        tallies.set(ballotId, counts);
      }
      for (const key of increments) counts[key] = (counts[key] ?? 0) + 1;
    }
    for (const [ballotId, counts] of tallies) {
      this.db.prepare('INSERT OR REPLACE INTO ballot_tallies (meeting_id, ballot_id, counts) VALUES (?, ?, ?)').run(c.meetingId, ballotId, canonical(counts));
    }
  }

  private tallyOf(meetingId: string, ballotId: string): Counts {
    const row = this.db.prepare('SELECT counts FROM ballot_tallies WHERE meeting_id = ? AND ballot_id = ?').get(meetingId, ballotId) as { counts: string } | undefined;
    return row ? (JSON.parse(row.counts) as Counts) : {};
  }

  async readCounts(meetingId: string, ballotId: string): Promise<Counts> {
    return Object.fromEntries(Object.entries(this.tallyOf(meetingId, ballotId)).filter(([, n]) => n > 0));
  }

  async readEvents(meetingId: string, afterVersion = 0): Promise<EventRecord[]> {
    const rows = this.db.prepare('SELECT version, at, actor, events, schema FROM events WHERE meeting_id = ? AND version > ? ORDER BY version').all(meetingId, afterVersion) as {
      version: number;
      at: number;
      actor: string | null;
      events: string;
      schema: number;
    }[];
    return rows.map((r) => {
      const what = `event record ${r.version} of meeting ${meetingId}`;
      return { version: r.version, at: r.at, actor: r.actor, events: migrateEvents(JSON.parse(r.events) as unknown[], schemaOf(r.schema, what), r.at, what) };
    });
  }

  async findToken(tokenHash: string): Promise<TokenOwner | null> {
    const row = this.tokenOwner.get(tokenHash) as { meeting_id: string; participant_id: string } | undefined;
    return row ? { meetingId: row.meeting_id, participantId: row.participant_id } : null;
  }

  async replaceToken(meetingId: string, participantId: string, tokenHash: string, publicToken?: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM tokens WHERE meeting_id = ? AND participant_id = ?').run(meetingId, participantId);
      this.db
        .prepare('INSERT INTO tokens (token_hash, meeting_id, participant_id, public_token) VALUES (?, ?, ?, ?)')
        .run(tokenHash, meetingId, participantId, publicToken ?? null);
    })();
  }

  async readPin(meetingId: string, participantId: string): Promise<StoredPin | null> {
    const row = this.db.prepare('SELECT hash, failures FROM voting_pins WHERE meeting_id = ? AND participant_id = ?').get(meetingId, participantId) as StoredPin | undefined;
    return row ?? null;
  }

  async setPin(meetingId: string, participantId: string, hash: string): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO voting_pins (meeting_id, participant_id, hash, failures) VALUES (?, ?, ?, 0)').run(meetingId, participantId, hash);
  }

  async pinFailed(meetingId: string, participantId: string): Promise<number> {
    const row = this.db.prepare('UPDATE voting_pins SET failures = failures + 1 WHERE meeting_id = ? AND participant_id = ? RETURNING failures').get(meetingId, participantId) as
      { failures: number } | undefined;
    return row?.failures ?? 0;
  }

  async pinSucceeded(meetingId: string, participantId: string): Promise<void> {
    // Written only when there is something to clear: a paper's commit should not touch this table.
    this.db.prepare('UPDATE voting_pins SET failures = 0 WHERE meeting_id = ? AND participant_id = ? AND failures > 0').run(meetingId, participantId);
  }

  async resetPin(meetingId: string, participantId: string): Promise<void> {
    this.db.prepare('DELETE FROM voting_pins WHERE meeting_id = ? AND participant_id = ?').run(meetingId, participantId);
  }

  async saveSelfAssessment(meetingId: string, participantId: string, assessment: SelfAssessment): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO self_assessments (meeting_id, participant_id, assessment) VALUES (?, ?, ?)').run(meetingId, participantId, JSON.stringify(assessment));
  }

  async readSelfAssessments(meetingId: string, participantIds: readonly string[]): Promise<Record<string, SelfAssessment>> {
    const read = this.db.prepare('SELECT assessment FROM self_assessments WHERE meeting_id = ? AND participant_id = ?');
    const found: Record<string, SelfAssessment> = {};
    for (const id of new Set(participantIds)) {
      const row = read.get(meetingId, id) as { assessment: string } | undefined;
      if (row) found[id] = JSON.parse(row.assessment) as SelfAssessment;
    }
    return found;
  }

  async publicToken(meetingId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT public_token FROM tokens WHERE meeting_id = ? AND public_token IS NOT NULL ORDER BY participant_id LIMIT 1').get(meetingId) as
      { public_token: string } | undefined;
    return row?.public_token ?? null;
  }

  async appendDocUpdate(meetingId: string, docName: string, update: Uint8Array): Promise<void> {
    this.db.prepare('INSERT INTO doc_updates (meeting_id, doc_name, data) VALUES (?, ?, ?)').run(meetingId, docName, asBuffer(update));
  }

  async loadDoc(meetingId: string, docName: string): Promise<StoredDoc> {
    const rows = this.db.prepare('SELECT seq, data FROM doc_updates WHERE meeting_id = ? AND doc_name = ? ORDER BY seq').all(meetingId, docName) as { seq: number; data: Buffer }[];
    return {
      updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      through: rows.at(-1)?.seq ?? 0,
    };
  }

  async compactDoc(meetingId: string, docName: string, merged: Uint8Array, through: number): Promise<void> {
    this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM doc_updates WHERE meeting_id = ? AND doc_name = ? AND seq <= ?').run(meetingId, docName, through);
      // Nothing removed: a compaction that read further already replaced this prefix.
      if (removed.changes === 0) return;
      // The merged update takes the last replaced position, so the log stays in order.
      this.db.prepare('INSERT INTO doc_updates (seq, meeting_id, doc_name, data) VALUES (?, ?, ?, ?)').run(through, meetingId, docName, asBuffer(merged));
    })();
  }

  async docStoredBytes(meetingId: string, docName: string): Promise<number> {
    const row = this.db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE meeting_id = ? AND doc_name = ?').get(meetingId, docName) as {
      bytes: number;
    };
    return row.bytes;
  }

  async saveDocVersion(meetingId: string, docName: string, version: NewDocVersion): Promise<StoredVersionMeta> {
    return this.db.transaction(() => {
      const editors = (
        this.db.prepare('SELECT participant_id FROM doc_editors WHERE meeting_id = ? AND doc_name = ? ORDER BY rowid').all(meetingId, docName) as { participant_id: string }[]
      ).map((r) => r.participant_id);
      this.db.prepare('DELETE FROM doc_editors WHERE meeting_id = ? AND doc_name = ?').run(meetingId, docName);
      const meta: StoredVersionMeta = { ...version.meta, editors, bytes: version.state.byteLength };
      this.db
        .prepare('INSERT INTO doc_versions (meeting_id, doc_name, id, at, meta, state) VALUES (?, ?, ?, ?, ?, ?)')
        .run(meetingId, docName, meta.id, meta.at, JSON.stringify(meta), asBuffer(version.state));
      return meta;
    })();
  }

  async listDocVersions(meetingId: string, docName: string): Promise<StoredVersionMeta[]> {
    const rows = this.db.prepare('SELECT meta FROM doc_versions WHERE meeting_id = ? AND doc_name = ? ORDER BY at DESC, rowid DESC').all(meetingId, docName) as { meta: string }[];
    return rows.map((r) => JSON.parse(r.meta) as StoredVersionMeta);
  }

  async loadDocVersion(meetingId: string, docName: string, versionId: string): Promise<{ meta: StoredVersionMeta; state: Uint8Array } | null> {
    const row = this.db.prepare('SELECT meta, state FROM doc_versions WHERE meeting_id = ? AND doc_name = ? AND id = ?').get(meetingId, docName, versionId) as
      { meta: string; state: Buffer } | undefined;
    return row ? { meta: JSON.parse(row.meta) as StoredVersionMeta, state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength) } : null;
  }

  async deleteDocVersions(meetingId: string, docName: string, versionIds: readonly string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM doc_versions WHERE meeting_id = ? AND doc_name = ? AND id = ?');
    this.db.transaction(() => {
      for (const id of versionIds) remove.run(meetingId, docName, id);
    })();
  }

  async addDocAuthors(meetingId: string, docName: string, authors: readonly (readonly [number, string])[], editors: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      const author = this.db.prepare('INSERT OR IGNORE INTO doc_authors (meeting_id, doc_name, client_id, participant_id) VALUES (?, ?, ?, ?)');
      for (const [clientId, participantId] of authors) author.run(meetingId, docName, clientId, participantId);
      const editor = this.db.prepare('INSERT OR IGNORE INTO doc_editors (meeting_id, doc_name, participant_id) VALUES (?, ?, ?)');
      for (const participantId of editors) editor.run(meetingId, docName, participantId);
    })();
  }

  async loadDocAuthors(meetingId: string, docName: string): Promise<Map<number, string>> {
    const rows = this.db.prepare('SELECT client_id, participant_id FROM doc_authors WHERE meeting_id = ? AND doc_name = ?').all(meetingId, docName) as {
      client_id: number;
      participant_id: string;
    }[];
    return new Map(rows.map((r) => [r.client_id, r.participant_id]));
  }

  async healthy(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
