import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { error } from '../../shared/errors.js';
import { notesDocName, MINUTES_DOC } from '../../shared/notes/access.js';
import { en } from '../../client/src/i18n/en.js';
import { explainError } from '../../client/src/i18n/explainError.js';
import { vi } from '../../client/src/i18n/vi.js';
import { DEFAULT_MAX_CONNECTIONS_PER_TOKEN } from '../../server/realtime/limits.js';
import { startCluster, type Cluster } from '../helpers/cluster.js';
import { demoTokens, removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { redisAvailable } from '../helpers/redis.js';
import { connectClient, startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { tryUpgrade, type UpgradeOutcome } from '../helpers/upgrade.js';
import { waitFor } from '../helpers/wait.js';

type Refused = Error & { data?: { code?: string; message?: string } };

/** The refusal of a connection that should not open, as the client gets it (connect_error's data). */
async function refusal(url: string, token: string): Promise<{ code?: string; message?: string }> {
  const opened = await connectClient(url, token).then(
    (c) => {
      c.close();
      return null;
    },
    (e: Refused) => e.data ?? {},
  );
  if (opened === null) throw new Error('the connection was accepted');
  return opened;
}

/** Opens connections until one is refused; the ones that opened (the caller closes them) and the refusal. */
async function fill(url: string, token: string, upTo: number): Promise<{ open: TestClient[]; refused: { code?: string; message?: string } | null }> {
  const open: TestClient[] = [];
  for (let i = 0; i < upTo; i++) {
    try {
      open.push(await connectClient(url, token));
    } catch (e) {
      return { open, refused: (e as Refused).data ?? {} };
    }
  }
  return { open, refused: null };
}

describe('connections per link', () => {
  describe('as configured (MAX_CONNECTIONS_PER_TOKEN=2, MAX_OBSERVER_CONNECTIONS=5)', () => {
    let server: ServerProcess;
    let tokens: ReturnType<typeof demoTokens>;
    const clients: TestClient[] = [];
    beforeAll(async () => {
      server = await spawnServer({ env: { MAX_CONNECTIONS_PER_TOKEN: '2', MAX_OBSERVER_CONNECTIONS: '5' } });
      tokens = demoTokens(server.dataDir);
    }, 60_000);
    afterEach(() => {
      for (const c of clients.splice(0)) c.close();
    });
    afterAll(async () => {
      await server?.terminate();
      if (server) removeDataDir(server.dataDir);
    });

    it("a member's link opens on two devices; a third is refused with too-many-connections until one closes", async () => {
      const { open, refused } = await fill(server.url, tokens.tokenOf('m01'), 3);
      clients.push(...open);
      expect(open).toHaveLength(2);
      expect(refused?.code).toBe('too-many-connections');
      expect(refused?.message).toMatch(/already open on 2 connections/);
      // Another member is not affected.
      clients.push(await connectClient(server.url, tokens.tokenOf('m02')));
      // Closing a device gives its place back.
      open[0].close();
      await waitFor(
        async () => {
          const c = await connectClient(server.url, tokens.tokenOf('m01')).catch(() => null);
          if (c) clients.push(c);
          return c !== null;
        },
        5000,
        'a place to free up',
      );
    });

    it('the public observer link has its own cap', async () => {
      const { open, refused } = await fill(server.url, tokens.roleOf('observer'), 6);
      clients.push(...open);
      expect(open).toHaveLength(5);
      expect(refused).toMatchObject({ code: 'too-many-connections' });
      expect(refused?.message).toMatch(/public observer link already has 5 connections/);
    });
  });

  describe('documents (defaults: 3 per link and document)', () => {
    let server: TestServer;
    const sockets: UpgradeOutcome[] = [];
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(async () => {
      for (const s of sockets) s.socket?.terminate();
      await server.stop();
    });
    const open = async (doc: string, id: string) => {
      const outcome = await tryUpgrade(`${server.url}/yjs/${server.meeting.meetingId}/${doc}?token=${server.tokenOf(id)}`);
      sockets.push(outcome);
      return outcome;
    };

    it("caps one link's connections to one document, not to the others", async () => {
      const notes = notesDocName('collective');
      for (let i = 0; i < DEFAULT_MAX_CONNECTIONS_PER_TOKEN; i++) expect((await open(notes, 'm1')).status).toBe(101);
      const refused = await open(notes, 'm1');
      expect(refused.status).toBe(429);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'too-many-connections' } });
      expect((await open(MINUTES_DOC, 'm1')).status).toBe(101);
      expect((await open(notes, 'm2')).status).toBe(101);
      // Closing one gives its place back.
      const first = sockets[0];
      first.socket!.close();
      await first.closed;
      await waitFor(async () => (await open(notes, 'm1')).status === 101, 5000, 'a place on the document');
    });
  });

  describe('across instances (Redis)', async () => {
    const redis = await redisAvailable();
    let cluster: Cluster;
    const clients: TestClient[] = [];
    beforeAll(async () => {
      if (redis) cluster = await startCluster(2);
    });
    afterAll(async () => {
      for (const c of clients) c.close();
      await cluster?.stop();
    });

    it.skipIf(!redis)("counts a link's connections on every instance", async () => {
      const [a, b] = cluster.instances;
      const token = cluster.tokenOf('m1');
      clients.push(await connectClient(a.url, token), await connectClient(a.url, token));
      clients.push(await connectClient(b.url, token));
      expect(await refusal(b.url, token)).toMatchObject({ code: 'too-many-connections' });
      expect(await refusal(a.url, token)).toMatchObject({ code: 'too-many-connections' });
      clients[0].close();
      await waitFor(
        async () => {
          const c = await connectClient(b.url, token).catch(() => null);
          if (c) clients.push(c);
          return c !== null;
        },
        5000,
        'the place freed on A to be taken on B',
      );
    });
  });

  it('the clients have a text for the refusal in both languages', () => {
    for (const t of [vi, en]) expect(explainError(t, error('too-many-connections', 'x'))).not.toBe('x');
  });
});
