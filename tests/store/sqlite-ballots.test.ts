import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialState } from '../../shared/meeting/state.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { testDefinition } from '../helpers/definitions.js';

/** What the SQLite store does for ballots beyond the contract: the WAL never keeps a tally's history. */
describe('SQLite ballot storage', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;
  const state = initialState('mtg', testDefinition());
  let version = 0;
  const vote = (voterId: string, increments: string[]) =>
    store.commit({ meetingId: 'mtg', expectedVersion: version, state, events: [], at: 1, actor: null, votes: [{ ballotId: 'b', voterId, increments }] }).then((r) => {
      if (r === 'ok') version++;
      return r;
    });
  const walBytes = () => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'phong-hop-wal-'));
    file = join(dir, 'store.sqlite');
    store = new SqliteStore(file);
    version = 0;
    await store.createMeeting({ id: 'mtg', createdAt: 1, definition: testDefinition(), state, tokens: [] });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('empties the WAL with every vote', async () => {
    await store.commit({
      meetingId: 'mtg',
      expectedVersion: 0,
      state,
      events: [{ type: 'attendance.marked', participantId: 'm1', status: 'present', at: 1, source: 'presidium', by: 'chair' }],
      at: 1,
      actor: 'chair',
    });
    version = 1;
    expect(walBytes()).toBeGreaterThan(0);
    expect(await vote('m1', ['m2/good'])).toBe('ok');
    expect(walBytes()).toBe(0);
    expect(await vote('m2', ['m2/good'])).toBe('ok');
    expect(walBytes()).toBe(0);
  });

  it('a reader holding an old snapshot delays the truncation to the next commit, without blocking the vote', async () => {
    const reader = new Database(file, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM ballot_tallies').get();
      expect(await vote('m1', ['m2/good'])).toBe('ok');
      expect(walBytes()).toBeGreaterThan(0);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    // The next commit of any kind finishes the job.
    await store.commit({ meetingId: 'mtg', expectedVersion: version, state, events: [], at: 2, actor: 'chair' });
    expect(walBytes()).toBe(0);
    expect(await store.readCounts('mtg', 'b')).toEqual({ 'm2/good': 1 });
  });

  it('folds tallies kept one row per count key (older stores) into one row per ballot', async () => {
    await store.close();
    const legacy = new Database(file);
    // As the versions before the numbered layout (server/store/sqliteSchema.ts) left their files.
    legacy.pragma('user_version = 0');
    legacy.exec('ALTER TABLE events DROP COLUMN schema');
    legacy.exec('DROP TABLE doc_versions; DROP TABLE doc_authors; DROP TABLE doc_editors');
    legacy.exec('DROP TABLE self_assessments');
    legacy.exec('DROP TABLE ballot_tallies');
    legacy.exec(
      'CREATE TABLE ballot_counts (meeting_id TEXT NOT NULL, ballot_id TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (meeting_id, ballot_id, key)) WITHOUT ROWID',
    );
    legacy.prepare('INSERT INTO ballot_counts VALUES (?, ?, ?, ?)').run('mtg', 'b', 'm2/good', 3);
    legacy.prepare('INSERT INTO ballot_counts VALUES (?, ?, ?, ?)').run('mtg', 'b', 'm1/excellent', 1);
    legacy.close();
    store = new SqliteStore(file);
    expect(await store.readCounts('mtg', 'b')).toEqual({ 'm1/excellent': 1, 'm2/good': 3 });
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'ballot_counts'").get()).toBeUndefined();
    expect(store.db.prepare('SELECT counts FROM ballot_tallies').get()).toEqual({ counts: '{"m1/excellent":1,"m2/good":3}' });
  });
});
