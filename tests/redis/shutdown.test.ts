import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../server/store/redis.js';
import { loadStoredDoc } from '../../server/yjs/persistence.js';
import { connectLive, startPrivateRedis, tokenIn, type LiveClient, type PrivateRedis } from '../helpers/cluster.js';
import { testDefinition } from '../helpers/definitions.js';
import { removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { redisAvailable } from '../helpers/redis.js';
import { connectClient } from '../helpers/server.js';
import { answered, pong, waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const available = await redisAvailable();
const PREFIX = 'shutdown:';

describe.runIf(available)('SIGTERM', () => {
  let redis: PrivateRedis;
  let server: ServerProcess;
  let store: RedisStore;
  const closers: (() => void)[] = [];
  beforeAll(async () => {
    // A Redis of its own: the test pauses it, which must not slow anyone else's tests.
    redis = await startPrivateRedis();
    server = await spawnServer({ env: { REDIS_URL: redis.url, REDIS_PREFIX: PREFIX } });
    store = new RedisStore(redis.url, PREFIX);
    await store.ready();
  });
  afterAll(async () => {
    for (const close of closers) close();
    await server?.kill9();
    await store?.close();
    await redis?.remove();
    if (server) removeDataDir(server.dataDir);
  });

  it('answers the commands in flight, stores every note update, refuses new connections and exits 0', async () => {
    const res = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(testDefinition()),
    });
    const created = (await res.json()) as { meetingId: string; links: { participantId: string; url: string }[] };
    const chair: LiveClient = await connectLive(server.url, tokenIn(created, 'chair'));
    const notes: DocClient = connectDoc(server.url, created.meetingId, 'notes-open', tokenIn(created, 'm1'));
    closers.push(
      () => chair.close(),
      () => notes.destroy(),
    );
    await notes.synced();
    appendParagraph(notes.doc, 'Trước khi dừng');
    await waitFor(async () => textOf((await loadStoredDoc(store, created.meetingId, 'notes-open')).doc).includes('Trước khi dừng'), 10_000, 'the first line stored');

    // Writes to Redis stall for a moment, so commands and note updates are still in line at SIGTERM.
    const admin = new Redis(redis.url);
    closers.push(() => admin.disconnect());
    await admin.client('PAUSE', 1500, 'WRITE');
    const titles = ['Mục 1', 'Mục 2', 'Mục 3', 'Mục 4', 'Mục 5'];
    const acks = titles.map((title) => chair.send({ type: 'agenda.add', item: { day: 1, title, kind: 'procedure', plannedMinutes: 5 } }));
    const lines = ['Dòng một', 'Dòng hai', 'Dòng ba'];
    for (const line of lines) appendParagraph(notes.doc, line);
    // The server has read them (and they wait on the paused Redis) once it has answered what each
    // connection sent next: a `time` request, a WebSocket ping. The pause outlasts both by far.
    await Promise.all([answered(chair.socket), pong(notes.provider.ws as unknown as WebSocket)]);
    const exited = server.terminate();
    await waitFor(() => server.output().includes('shutting down'), 5000, 'the shutdown to begin');

    // New connections are refused while the instance finishes: the proxy sends people elsewhere.
    await expect(connectClient(server.url, tokenIn(created, 'm2'))).rejects.toThrow();
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${created.meetingId}/notes-open?token=${tokenIn(created, 'm2')}`);
    closers.push(() => ws.terminate());
    const opened = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('error', () => resolve(false));
      ws.once('unexpected-response', () => resolve(false));
    });
    expect(opened).toBe(false);

    // The commands in line were finished and answered, not dropped.
    for (const ack of await Promise.all(acks)) expect(ack).toMatchObject({ ok: true });
    expect(await exited).toBe(0);
    expect(server.output()).not.toMatch(/"level":"error"/);

    const state = (await store.loadMeeting(created.meetingId))!.state;
    for (const title of titles) expect(state.agenda.map((i) => i.title)).toContain(title);
    const stored = textOf((await loadStoredDoc(store, created.meetingId, 'notes-open')).doc);
    expect(stored).toBe(['Trước khi dừng', ...lines].join('\n'));
    // Compacted on the way out.
    expect((await store.loadDoc(created.meetingId, 'notes-open')).updates).toHaveLength(1);
  });
});
