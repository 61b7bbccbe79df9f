import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../server/meetings/create.js';
import { NewerRedisLayoutError } from '../../server/store/redisLayout.js';
import { RedisStore } from '../../server/store/redis.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { NewerStoreError, STORE_LAYOUT } from '../../server/store/sqliteSchema.js';
import { NewerSchemaError } from '../../shared/migrations/index.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { testDefinition } from '../helpers/definitions.js';
import { dropPrefix, REDIS_URL, redisAvailable, testPrefix } from '../helpers/redis.js';
import { connectClient, startServer, type TestServer } from '../helpers/server.js';

const NEWER = SCHEMA_VERSION + 1;

describe('data written by a newer version is refused, never rewritten (SQLite)', () => {
  let dir: string;
  let file: string;
  let meetingId: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'phong-hop-newer-'));
    file = join(dir, 'store.sqlite');
    const store = new SqliteStore(file);
    meetingId = (await createMeeting(store, testDefinition(), 'http://x')).meetingId;
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (sql: string, ...args: unknown[]) => {
    const db = new Database(file);
    db.prepare(sql).run(...args);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  };

  it('a file of a newer store layout is not opened, and not touched', () => {
    edit(`PRAGMA user_version = ${STORE_LAYOUT + 1}`);
    const before = readFileSync(file);
    expect(() => new SqliteStore(file)).toThrow(NewerStoreError);
    expect(() => new SqliteStore(file)).toThrow(new RegExp(`newer version of Phòng họp \\(store layout ${STORE_LAYOUT + 1}; this one knows up to ${STORE_LAYOUT}\\)`));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a meeting state or event record of a newer schema is refused on load, and stays as stored', async () => {
    const db = new Database(file);
    const stored = JSON.parse((db.prepare('SELECT state FROM meetings WHERE id = ?').get(meetingId) as { state: string }).state) as Record<string, unknown>;
    db.close();
    const newer = JSON.stringify({ ...stored, schemaVersion: NEWER, fieldOfTomorrow: true });
    edit('UPDATE meetings SET state = ? WHERE id = ?', newer, meetingId);
    edit('INSERT INTO events (meeting_id, version, at, actor, events, schema) VALUES (?, 1, 0, NULL, ?, ?)', meetingId, '[{"type":"of.tomorrow"}]', NEWER);
    const store = new SqliteStore(file);
    try {
      await expect(store.loadMeeting(meetingId)).rejects.toThrow(NewerSchemaError);
      await expect(store.loadMeeting(meetingId)).rejects.toThrow(`meeting ${meetingId} was stored by a newer version`);
      await expect(store.readEvents(meetingId)).rejects.toThrow(NewerSchemaError);
      expect((store.db.prepare('SELECT state FROM meetings WHERE id = ?').get(meetingId) as { state: string }).state).toBe(newer);
    } finally {
      await store.close();
    }
  });
});

describe('a server holding a meeting of a newer schema', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ logLevel: 'error' });
  });
  afterEach(async () => {
    await server.stop();
  });

  it('refuses its links and says why in the log, leaving the meeting as stored', async () => {
    const db = (server.store as SqliteStore).db;
    const row = db.prepare('SELECT state FROM meetings WHERE id = ?').get(server.meeting.meetingId) as { state: string };
    const newer = JSON.stringify({ ...JSON.parse(row.state), schemaVersion: NEWER });
    db.prepare('UPDATE meetings SET state = ? WHERE id = ?').run(newer, server.meeting.meetingId);
    await expect(connectClient(server.url, server.tokenOf('chair'))).rejects.toMatchObject({ code: 'internal' });
    expect(server.logs.join('\n')).toContain('was stored by a newer version of Phòng họp');
    expect((db.prepare('SELECT state FROM meetings WHERE id = ?').get(server.meeting.meetingId) as { state: string }).state).toBe(newer);
  });
});

const available = await redisAvailable();

describe.skipIf(!available)('data written by a newer version is refused, never rewritten (Redis)', () => {
  const prefix = testPrefix();
  let store: RedisStore;
  let redis: Redis;

  beforeEach(async () => {
    store = new RedisStore(REDIS_URL, prefix);
    await store.ready();
    redis = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    await store.close();
    redis.disconnect();
    await dropPrefix(prefix);
  });

  it('a prefix of a newer key layout is not opened, and not touched', async () => {
    await redis.set(`${prefix}store-layout`, '2');
    const again = new RedisStore(REDIS_URL, prefix);
    try {
      await expect(again.ready()).rejects.toThrow(NewerRedisLayoutError);
      expect(await redis.get(`${prefix}store-layout`)).toBe('2');
    } finally {
      await again.close();
    }
  });

  it('a meeting state or event record of a newer schema is refused on load, and stays as stored', async () => {
    const { meetingId } = await createMeeting(store, testDefinition(), 'http://x');
    const key = `${prefix}meeting:{${meetingId}}`;
    const newer = JSON.stringify({ ...JSON.parse((await redis.hget(key, 'state'))!), schemaVersion: NEWER });
    await redis.hset(key, 'state', newer);
    await redis.rpush(`${prefix}events:{${meetingId}}`, JSON.stringify({ version: 1, at: 0, actor: null, events: [], schema: NEWER }));
    await expect(store.loadMeeting(meetingId)).rejects.toThrow(NewerSchemaError);
    await expect(store.readEvents(meetingId)).rejects.toThrow(NewerSchemaError);
    expect(await redis.hget(key, 'state')).toBe(newer);
  });
});
