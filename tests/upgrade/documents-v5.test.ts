import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateEvents, migrateState } from '../../shared/migrations/index.js';
import type { Stored } from '../../shared/migrations/step.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { copyDataDir, readManifest, readRedisDump, V5_DIR } from '../fixtures/manifest.js';
import { accepted } from '../helpers/liveRoom.js';
import { connectClient } from '../helpers/server.js';
import { startCurrentServer, type CurrentServer } from './currentServer.js';

const manifest = readManifest(V5_DIR);
const dump = readRedisDump(manifest, V5_DIR);

function stored(meetingId: string): { state: Stored; records: { at: number; events: Stored[] }[] } {
  const hash = dump.keys.find((k) => k.key === `meeting:{${meetingId}}`);
  if (hash?.type !== 'hash') throw new Error(`no meeting ${meetingId} in the v5 dump`);
  const list = dump.keys.find((k) => k.key === `events:{${meetingId}}`);
  return {
    state: JSON.parse(hash.value.find(([field]) => field === 'state')![1] as string) as Stored,
    records: list?.type === 'list' ? list.value.map((r) => JSON.parse(r as string) as { at: number; events: Stored[] }) : [],
  };
}

describe('schema 5 → 6 (documents) on what main stored under schema 5 (tests/fixtures/v5)', () => {
  it('gives every meeting an empty list of documents and changes nothing else, events included', () => {
    expect(manifest.schemaVersion).toBe(5);
    for (const m of manifest.redis.meetings) {
      const { state, records } = stored(m.id);
      expect(state.schemaVersion, m.key).toBe(5);
      const before = JSON.parse(JSON.stringify(state)) as Stored;
      const migrated = migrateState(state) as unknown as Stored;
      expect(state, 'the input is not changed').toEqual(before);
      expect(migrated).toEqual({ ...before, schemaVersion: SCHEMA_VERSION, documents: [] });
      for (const record of records) expect(migrateEvents(record.events, 5, record.at)).toEqual(record.events);
    }
  });
});

describe('a SQLite data folder written under schema 5, opened by today’s server', () => {
  const example = manifest.sqlite.meetings.find((m) => m.key === 'example')!;
  let dataDir: string;
  let server: CurrentServer;

  beforeAll(async () => {
    dataDir = copyDataDir(manifest, V5_DIR);
    server = await startCurrentServer({ dataDir, adminToken: manifest.adminToken });
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves yesterday’s meeting with no documents, its results as published, and goes on', async () => {
    const chair = await connectClient(server.url, example.tokens.chair);
    try {
      expect(chair.state.schemaVersion).toBe(SCHEMA_VERSION);
      expect(chair.state.documents).toEqual([]);
      for (const [id, b] of Object.entries(example.ballots)) expect(chair.state.ballots.find((x) => x.id === id)?.results ?? null, id).toEqual(b.results ?? null);
      const version = accepted(await chair.send({ type: 'screen.show', show: 'notes' }));
      await chair.waitForVersion(version);
      expect(chair.state.screen).toEqual({ show: 'notes' });
    } finally {
      chair.close();
    }
  });
});
