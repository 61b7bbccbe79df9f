import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/ids.js';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import { RedisStore } from '../../server/store/redis.js';
import { CLI_COMMAND, removeDataDir } from '../helpers/process.js';
import { dropPrefix, REDIS_URL, redisAvailable, testPrefix } from '../helpers/redis.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const available = await redisAvailable();

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI_COMMAND[0], [...CLI_COMMAND.slice(1), ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.runIf(available)('the CLI with REDIS_URL', () => {
  const prefix = testPrefix();
  const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-cli-redis-'));
  afterAll(async () => {
    await dropPrefix(prefix);
    removeDataDir(dataDir);
  });

  it('creates the meeting in Redis under REDIS_PREFIX, then closes its connections and exits', { timeout: 60_000 }, async () => {
    const env = { REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:3999' };
    const run = await cli(['create', 'examples/self-review-2024.json', '--json'], env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as CreatedMeeting;

    const store = new RedisStore(REDIS_URL, prefix);
    try {
      await store.ready();
      expect((await store.listMeetings()).map((m) => m.id)).toEqual([out.meetingId]);
      const chair = out.links[0];
      expect(await store.findToken(hashToken(chair.url.slice(chair.url.lastIndexOf('/') + 1)))).toEqual({ meetingId: out.meetingId, participantId: chair.participantId });
    } finally {
      await store.close();
    }
    const list = await cli(['list', '--json'], env);
    expect(JSON.parse(list.stdout).meetings).toHaveLength(1);
  });

  it('reports an unreachable Redis as store-unavailable with exit code 1', { timeout: 60_000 }, async () => {
    const run = await cli(['list', '--json'], { REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: prefix, DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'store-unavailable' } });
  });
});
