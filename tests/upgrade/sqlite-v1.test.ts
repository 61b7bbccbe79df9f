import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoMeeting } from '../../server/demo.js';
import { STORE_LAYOUT } from '../../server/store/sqliteSchema.js';
import { copyDataDir, readManifest } from '../fixtures/manifest.js';
import { startCurrentServer } from './currentServer.js';
import { v1Suite, type OpenedFixture } from './v1Suite.js';

const manifest = readManifest();

describe('a SQLite data folder written by protocol 1 / schema 1 (tests/fixtures/v1)', () => {
  let dataDir: string;
  let opened: OpenedFixture;
  let db: Database.Database;

  beforeAll(async () => {
    dataDir = copyDataDir(manifest);
    const server = await startCurrentServer({ dataDir, adminToken: manifest.adminToken });
    // A second connection, read only, to look below the store's load path.
    db = new Database(join(dataDir, manifest.sqlite.file), { readonly: true });
    const row = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T | undefined;
    opened = {
      server,
      raw: {
        stateStamp: async (id) => JSON.parse(row<{ state: string }>('SELECT state FROM meetings WHERE id = ?', id)!.state).schemaVersion,
        eventStamp: async (id, version) => {
          const stamp = row<{ schema: number }>('SELECT schema FROM events WHERE meeting_id = ? AND version = ?', id, version)!.schema;
          // Records from before the column existed read as its default, 1: what "no stamp" means.
          return stamp === 1 ? undefined : stamp;
        },
      },
    };
  });

  afterAll(async () => {
    db?.close();
    await opened?.server.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('has its file brought to the current store layout, old event records marked schema 1', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(STORE_LAYOUT);
    const columns = (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('schema');
    expect(db.prepare('SELECT DISTINCT schema FROM events').all()).toEqual([{ schema: 1 }]);
  });

  it('still finds the demo meeting and its links in the data folder', async () => {
    const demo = await ensureDemoMeeting(opened.server.store, dataDir, opened.server.url);
    expect(demo?.meetingId).toBe('demo');
  });

  v1Suite(manifest, manifest.sqlite.meetings, () => opened);
});
