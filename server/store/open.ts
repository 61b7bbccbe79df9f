import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import type { ServerOptions } from 'socket.io';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { DocFanout } from '../yjs/fanout.js';
import { RedisFanout } from '../yjs/redisFanout.js';
import { RedisStore } from './redis.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenedStore {
  store: Store;
  /** Set when instances share Redis: Socket.IO fans out through it. */
  adapter?: ServerOptions['adapter'];
  /** Set when instances share Redis: live Yjs documents reach each other through it. */
  docFanout?: DocFanout;
  /** Called detached (`close: closeStore`), so a function property rather than a method. */
  close: () => Promise<void>;
}

/** SQLite in DATA_DIR by default; Redis, shared by every instance, when REDIS_URL is set. */
export async function openStore(config: Pick<Config, 'dataDir' | 'redisUrl' | 'redisPrefix'>, log: Logger): Promise<OpenedStore> {
  if (!config.redisUrl) {
    const store = new SqliteStore(join(config.dataDir, 'phong-hop.sqlite'));
    return { store, close: () => store.close() };
  }
  const store = new RedisStore(config.redisUrl, config.redisPrefix);
  await store.ready(15_000);
  const docFanout = new RedisFanout(store, config.redisUrl, log);
  await docFanout.ready(15_000);
  // The streams adapter reads with blocking XREADs, so it gets a connection of its own. Streams,
  // unlike pub/sub, let an instance resume after a Redis blip without losing broadcasts.
  const adapterClient = new Redis(config.redisUrl, { retryStrategy: (n) => Math.min(n * 200, 2000) });
  adapterClient.on('error', () => undefined);
  return {
    store,
    docFanout,
    adapter: createAdapter(adapterClient, {
      streamName: `${config.redisPrefix}socket.io`,
      channelPrefix: `${config.redisPrefix}socket.io`,
      sessionKeyPrefix: `${config.redisPrefix}sio:session:`,
      maxLen: 10_000,
    }),
    close: async () => {
      await docFanout.close();
      await store.close();
      adapterClient.disconnect();
    },
  };
}
