import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateEvents, migrateState } from '../../shared/migrations/index.js';
import type { Stored } from '../../shared/migrations/step.js';
import { toV5 } from '../../shared/migrations/toV5.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { copyDataDir, readManifest, readRedisDump, V4_DIR } from '../fixtures/manifest.js';
import { accepted } from '../helpers/liveRoom.js';
import { connectClient } from '../helpers/server.js';
import { startCurrentServer, type CurrentServer } from './currentServer.js';

const manifest = readManifest(V4_DIR);
const dump = readRedisDump(manifest, V4_DIR);

function storedState(meetingId: string): Stored {
  const hash = dump.keys.find((k) => k.key === `meeting:{${meetingId}}`);
  if (hash?.type !== 'hash') throw new Error(`no meeting ${meetingId} in the v4 dump`);
  return JSON.parse(hash.value.find(([field]) => field === 'state')![1] as string) as Stored;
}

describe('schema 4 → 5 (the review) on what main stored under schema 4 (tests/fixtures/v4)', () => {
  it('adds an empty review and keeps every ballot, its results included; the chair keeps publishing alone', () => {
    expect(manifest.schemaVersion).toBe(4);
    for (const m of manifest.redis.meetings) {
      const state = storedState(m.id);
      expect(state.schemaVersion, m.key).toBe(4);
      const before = JSON.parse(JSON.stringify(state)) as Stored;
      const migrated = migrateState(state);
      expect(state, 'the input is not changed').toEqual(before);
      expect(migrated.schemaVersion).toBe(SCHEMA_VERSION);
      expect(migrated.committee).toBeNull();
      expect(migrated.selfAssessed).toEqual({});
      expect(migrated.disclosed).toEqual({});
      // A meeting begun before the counting committee existed is not stopped by it halfway.
      expect(migrated.reviewRules.countingCommittee.required).toBe(false);
      expect(migrated.reviewRules.collectiveFirst).toBe(false);
      const ballots = before.ballots as Stored[];
      expect(migrated.ballots.map(({ levelRule, confirmations, ...rest }) => ({ rest, levelRule, confirmations }))).toEqual(
        ballots.map((b) => ({ rest: b, levelRule: null, confirmations: [] })),
      );
      for (const [id, b] of Object.entries(m.ballots)) expect(migrated.ballots.find((x) => x.id === id)?.results ?? null).toEqual(b.results ?? null);
    }
  });

  it('gives ballots created in schema 4 records the new fields, and leaves every other event as it was', () => {
    for (const m of manifest.redis.meetings) {
      const list = dump.keys.find((k) => k.key === `events:{${m.id}}`);
      const records = list?.type === 'list' ? list.value.map((r) => JSON.parse(r as string) as { at: number; events: Stored[] }) : [];
      for (const record of records) {
        const migrated = migrateEvents(record.events, 4, record.at) as unknown as Stored[];
        expect(migrated).toEqual(toV5.events(record.events, record.at));
        migrated.forEach((e, i) => {
          if (e.type === 'ballot.created' || e.type === 'ballot.updated') expect(e.ballot).toMatchObject({ levelRule: null, confirmations: [] });
          else expect(e).toEqual(record.events[i]);
        });
      }
    }
  });
});

describe('a SQLite data folder written under schema 4, opened by today’s server', () => {
  const example = manifest.sqlite.meetings.find((m) => m.key === 'example')!;
  let dataDir: string;
  let server: CurrentServer;

  beforeAll(async () => {
    dataDir = copyDataDir(manifest, V4_DIR);
    server = await startCurrentServer({ dataDir, adminToken: manifest.adminToken });
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the published results as they were, and the chair publishes yesterday’s closed ballot without a committee', async () => {
    const chair = await connectClient(server.url, example.tokens.chair);
    try {
      expect(chair.state.schemaVersion).toBe(SCHEMA_VERSION);
      expect(chair.state.committee).toBeNull();
      for (const [id, b] of Object.entries(example.ballots)) {
        const ballot = chair.state.ballots.find((x) => x.id === id)!;
        expect(ballot.status, id).toBe(b.status);
        expect(ballot.results ?? null, id).toEqual(b.results ?? null);
      }
      const closed = Object.entries(example.ballots).find(([, b]) => b.status === 'closed')![0];
      const version = accepted(await chair.send({ type: 'ballot.publish', ballotId: closed }));
      await chair.waitForVersion(version);
      expect(chair.state.ballots.find((b) => b.id === closed)?.status).toBe('published');
    } finally {
      chair.close();
    }
  });
});
