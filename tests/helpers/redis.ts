import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether the Redis tests can run. Without a Redis they skip loudly, except where REQUIRE_REDIS=1
 * (CI), where a missing Redis fails the run instead.
 */
export async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    if (process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_URL}`);
    console.warn(`\n!!! SKIPPING Redis tests: no Redis at ${REDIS_URL}. Start one or set REDIS_URL. (CI sets REQUIRE_REDIS=1.)\n`);
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A key prefix no other test run uses, so tests share one Redis without seeing each other. */
export function testPrefix(): string {
  return `ph-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
}

/** Deletes every key under a prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
