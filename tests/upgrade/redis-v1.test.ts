import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_LAYOUT } from '../../server/store/redisLayout.js';
import { readManifest, readRedisDump } from '../fixtures/manifest.js';
import { restoreRedis } from '../fixtures/redisJson.js';
import { dropPrefix, REDIS_URL, redisAvailable, testPrefix } from '../helpers/redis.js';
import { startCurrentServer } from './currentServer.js';
import { v1Suite, type OpenedFixture } from './v1Suite.js';

const manifest = readManifest();
const available = await redisAvailable();

describe.skipIf(!available)('a Redis dump written by protocol 1 / schema 1 (tests/fixtures/v1)', () => {
  const prefix = testPrefix();
  let dataDir: string;
  let opened: OpenedFixture;
  let redis: Redis;

  beforeAll(async () => {
    await restoreRedis(REDIS_URL, readRedisDump(manifest), prefix);
    redis = new Redis(REDIS_URL);
    // Nothing under the prefix says which version wrote it: the dump is from before the layout key.
    expect(await redis.exists(`${prefix}store-layout`)).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-v1-redis-'));
    const server = await startCurrentServer({ dataDir, adminToken: manifest.adminToken, redisUrl: REDIS_URL, redisPrefix: prefix });
    opened = {
      server,
      raw: {
        stateStamp: async (id) => JSON.parse((await redis.hget(`${prefix}meeting:{${id}}`, 'state'))!).schemaVersion,
        eventStamp: async (id, version) => JSON.parse((await redis.lindex(`${prefix}events:{${id}}`, version - 1))!).schema,
      },
    };
  });

  afterAll(async () => {
    await opened?.server.close();
    redis?.disconnect();
    await dropPrefix(prefix);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('numbers the key layout once opened', async () => {
    expect(await redis.get(`${prefix}store-layout`)).toBe(String(REDIS_LAYOUT));
  });

  v1Suite(manifest, manifest.redis.meetings, () => opened);
});
