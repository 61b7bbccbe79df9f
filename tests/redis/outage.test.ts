import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { createLogger } from '../../server/log.js';
import { createMeeting, type CreatedMeeting } from '../../server/meetings/create.js';
import { openStore, type OpenedStore } from '../../server/store/open.js';
import { testDefinition } from '../helpers/definitions.js';
import { redisAvailable } from '../helpers/redis.js';
import { connectClient } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const available = await redisAvailable();

/** A Redis of the test's own, on its own port, with an append-only file so a restart keeps the data. */
function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

describe.runIf(available)('when Redis goes away and comes back', () => {
  const port = 16_400 + (process.pid % 1000);
  const dir = mkdtempSync(join(tmpdir(), 'phong-hop-redis-'));
  let redis: ChildProcess;
  let opened: OpenedStore;
  let app: App;
  let url: string;
  let meeting: CreatedMeeting;

  beforeAll(async () => {
    redis = await startRedis(port, dir);
    opened = await openStore({ dataDir: dir, redisUrl: `redis://127.0.0.1:${port}`, redisPrefix: 'outage:' }, createLogger('silent'));
    app = createApp({ store: opened.store, adapter: opened.adapter, log: createLogger('silent'), adminToken: 'x', publicUrl: 'http://x', clientDir: dir });
    url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    meeting = await createMeeting(opened.store, testDefinition(), url);
  });
  afterAll(async () => {
    await app?.close();
    await opened?.close();
    redis?.kill('SIGKILL');
  });

  it('reports it, refuses commands with store-unavailable, and recovers by itself', async () => {
    const token = meeting.links
      .find((l) => l.participantId === 'chair')!
      .url.split('/')
      .pop()!;
    const chair = await connectClient(url, token);
    expect(await chair.send({ type: 'agenda.open', itemId: 'open' })).toEqual({ ok: true, version: 1 });

    redis.kill('SIGKILL');
    await waitFor(async () => (await fetch(`${url}/healthz`)).status === 503);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: false, store: 'redis' });
    expect(await chair.send({ type: 'agenda.next' })).toMatchObject({ ok: false, error: { code: 'store-unavailable' } });

    redis = await startRedis(port, dir);
    await waitFor(async () => (await fetch(`${url}/healthz`)).status === 200, 15_000);
    expect(await chair.send({ type: 'agenda.next' })).toEqual({ ok: true, version: 2 });
    const stored = await opened.store.loadMeeting(meeting.meetingId);
    expect(stored!.state.activeItemId).toBe('collective');
    chair.close();
  });
});
