import { afterAll, describe } from 'vitest';
import { RedisStore } from '../../server/store/redis.js';
import { dropPrefix, REDIS_URL, redisAvailable, testPrefix } from '../helpers/redis.js';
import { storeContract } from './contract.js';

const available = await redisAvailable();
const prefixes: string[] = [];

describe.runIf(available)('Redis', () => {
  afterAll(async () => {
    await Promise.all(prefixes.map(dropPrefix));
  });
  storeContract('Redis', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const store = new RedisStore(REDIS_URL, prefix);
    await store.ready();
    return store;
  });
});
