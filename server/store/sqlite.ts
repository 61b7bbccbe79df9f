import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Counts } from '../../shared/ballots/types.js';
import type { Commit, EventRecord, MeetingSummary, NewMeeting, Store, StoredDoc, StoredMeeting, TokenOwner } from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  definition TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  version INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT,
  events TEXT NOT NULL,
  PRIMARY KEY (meeting_id, version)
);
-- Ballots: who has voted, and the counts. No paper rows, no timestamps, no order.
CREATE TABLE IF NOT EXISTS ballot_voters (
  meeting_id TEXT NOT NULL,
  ballot_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, ballot_id, voter_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ballot_counts (
  meeting_id TEXT NOT NULL,
  ballot_id TEXT NOT NULL,
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, ballot_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  participant_id TEXT NOT NULL,
  public_token TEXT,
  UNIQUE (meeting_id, participant_id)
);
-- Yjs documents: an append-only log of updates per document; compaction replaces a prefix.
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  doc_name TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (meeting_id, doc_name, seq);
`;

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

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Overwritten pages are zeroed, so an old page cannot show a count before and after one voter.
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
  }

  async createMeeting(m: NewMeeting): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO meetings (id, created_at, definition, state, version) VALUES (?, ?, ?, ?, 0)')
        .run(m.id, m.createdAt, JSON.stringify(m.definition), JSON.stringify(m.state));
      const token = this.db.prepare('INSERT INTO tokens (token_hash, meeting_id, participant_id, public_token) VALUES (?, ?, ?, ?)');
      for (const t of m.tokens) token.run(t.tokenHash, m.id, t.participantId, t.publicToken ?? null);
    })();
  }

  async loadMeeting(id: string): Promise<StoredMeeting | null> {
    const row = this.db.prepare('SELECT state, version FROM meetings WHERE id = ?').get(id) as { state: string; version: number } | undefined;
    return row ? { id, version: row.version, state: JSON.parse(row.state) } : null;
  }

  async currentVersion(id: string): Promise<number | null> {
    const row = this.db.prepare('SELECT version FROM meetings WHERE id = ?').get(id) as { version: number } | undefined;
    return row?.version ?? null;
  }

  async listMeetings(): Promise<MeetingSummary[]> {
    const rows = this.db.prepare("SELECT id, created_at, json_extract(state, '$.title') AS title FROM meetings ORDER BY created_at").all() as
      { id: string; created_at: number; title: string }[];
    return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at }));
  }

  async commit(c: Commit): Promise<'ok' | 'conflict' | 'already-voted'> {
    const outcome = this.commitInTransaction(c);
    // The WAL holds every version of the counts page between checkpoints; once a ballot closes,
    // fold it into the database and truncate it, so no file keeps the tally's history.
    if (outcome === 'ok' && c.events.some((e) => e.type === 'ballot.closed' || e.type === 'ballot.cancelled')) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return outcome;
  }

  private commitInTransaction(c: Commit): 'ok' | 'conflict' | 'already-voted' {
    return this.db.transaction(() => {
      const next = c.expectedVersion + 1;
      const current = this.db.prepare('SELECT version FROM meetings WHERE id = ?').get(c.meetingId) as { version: number } | undefined;
      if (current?.version !== c.expectedVersion) return 'conflict' as const;
      if (c.vote) {
        const { ballotId, voterId, increments } = c.vote;
        const voter = this.db.prepare('INSERT OR IGNORE INTO ballot_voters (meeting_id, ballot_id, voter_id) VALUES (?, ?, ?)').run(c.meetingId, ballotId, voterId);
        if (voter.changes !== 1) return 'already-voted' as const;
        const bump = this.db.prepare(`INSERT INTO ballot_counts (meeting_id, ballot_id, key, count) VALUES (?, ?, ?, 1)
          ON CONFLICT (meeting_id, ballot_id, key) DO UPDATE SET count = count + 1`);
        for (const key of increments) bump.run(c.meetingId, ballotId, key);
      }
      this.db.prepare('UPDATE meetings SET state = ?, version = ? WHERE id = ?').run(JSON.stringify(c.state), next, c.meetingId);
      this.db.prepare('INSERT INTO events (meeting_id, version, at, actor, events) VALUES (?, ?, ?, ?, ?)')
        .run(c.meetingId, next, c.at, c.actor, JSON.stringify(c.events));
      return 'ok' as const;
    })();
  }

  async readCounts(meetingId: string, ballotId: string): Promise<Counts> {
    const rows = this.db.prepare('SELECT key, count FROM ballot_counts WHERE meeting_id = ? AND ballot_id = ?').all(meetingId, ballotId) as { key: string; count: number }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.count]));
  }

  async readEvents(meetingId: string, afterVersion = 0): Promise<EventRecord[]> {
    const rows = this.db.prepare('SELECT version, at, actor, events FROM events WHERE meeting_id = ? AND version > ? ORDER BY version')
      .all(meetingId, afterVersion) as { version: number; at: number; actor: string | null; events: string }[];
    return rows.map((r) => ({ version: r.version, at: r.at, actor: r.actor, events: JSON.parse(r.events) }));
  }

  async findToken(tokenHash: string): Promise<TokenOwner | null> {
    const row = this.db.prepare('SELECT meeting_id, participant_id FROM tokens WHERE token_hash = ?').get(tokenHash) as
      { meeting_id: string; participant_id: string } | undefined;
    return row ? { meetingId: row.meeting_id, participantId: row.participant_id } : null;
  }

  async replaceToken(meetingId: string, participantId: string, tokenHash: string, publicToken?: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM tokens WHERE meeting_id = ? AND participant_id = ?').run(meetingId, participantId);
      this.db.prepare('INSERT INTO tokens (token_hash, meeting_id, participant_id, public_token) VALUES (?, ?, ?, ?)')
        .run(tokenHash, meetingId, participantId, publicToken ?? null);
    })();
  }

  async publicToken(meetingId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT public_token FROM tokens WHERE meeting_id = ? AND public_token IS NOT NULL ORDER BY participant_id LIMIT 1')
      .get(meetingId) as { public_token: string } | undefined;
    return row?.public_token ?? null;
  }

  async appendDocUpdate(meetingId: string, docName: string, update: Uint8Array): Promise<void> {
    this.db.prepare('INSERT INTO doc_updates (meeting_id, doc_name, data) VALUES (?, ?, ?)').run(meetingId, docName, asBuffer(update));
  }

  async loadDoc(meetingId: string, docName: string): Promise<StoredDoc> {
    const rows = this.db.prepare('SELECT seq, data FROM doc_updates WHERE meeting_id = ? AND doc_name = ? ORDER BY seq')
      .all(meetingId, docName) as { seq: number; data: Buffer }[];
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

  async healthy(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
