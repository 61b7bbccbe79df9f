import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../helpers/cluster.js';
import { redisAvailable } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';

const available = await redisAvailable();

/**
 * Socket.IO's cluster adapter: how many instances this one believes share its deployment. The Redis
 * Streams adapter asks Redis at once (PUBSUB NUMSUB of its channel): every instance subscribed to
 * the channel counts, without waiting for a heartbeat.
 */
async function serverCount(cluster: Cluster, i: number): Promise<number> {
  return (cluster.instances[i].app.io.of('/').adapter as unknown as { serverCount(): Promise<number> }).serverCount();
}

describe.runIf(available)('two deployments on one Redis, under different REDIS_PREFIX', () => {
  let a: Cluster;
  let b: Cluster;
  beforeAll(async () => {
    [a, b] = await Promise.all([startCluster(2), startCluster(1)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("each sees only its own instances: the adapter's channels are prefixed too, not only its stream", async () => {
    // Once all three have subscribed (each counts at least its own deployment), a foreign one would count too.
    await waitFor(async () => (await serverCount(a, 0)) >= 2 && (await serverCount(a, 1)) >= 2 && (await serverCount(b, 0)) >= 1, 10_000, 'every instance subscribed');
    expect(await serverCount(a, 0)).toBe(2);
    expect(await serverCount(a, 1)).toBe(2);
    expect(await serverCount(b, 0)).toBe(1);
  });
});
