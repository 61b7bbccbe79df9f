import { io as connect } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '../../server/realtime/clientAddress.js';
import { ADDRESS_CONNECTIONS, ADDRESS_REQUESTS, LINK_CONNECTIONS, LINK_REQUESTS_FACTOR } from '../../server/realtime/limits.js';
import { startServer, type TestServer } from '../helpers/server.js';

type Outcome = { ok: true } | { ok: false; code: string };

/** Opens a Socket.IO connection (seen as coming from `from`, through a proxy on this machine, if given). */
function attempt(url: string, token: string, from?: string): Promise<Outcome & { close(): void }> {
  const socket = connect(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(from ? { extraHeaders: { 'x-forwarded-for': from } } : {}),
  });
  const close = () => socket.close();
  return new Promise((resolve) => {
    socket.once('snapshot', () => resolve({ ok: true, close }));
    socket.once('connect_error', (e) => resolve({ ok: false, code: (e as Error & { data?: { code?: string } }).data?.code ?? e.message, close }));
  });
}

const codes = (answers: { ok: boolean; error?: { code: string } }[]) => answers.map((a) => (a.ok ? 'ok' : a.error!.code));

describe('rate limits per link and per address, besides per connection', () => {
  let server: TestServer;
  const open: { close(): void }[] = [];
  // One connection: 1 command a second, bursts of 10; so a link: 2 a second, bursts of 20.
  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 1, commandBurst: 10, maxObserverConnections: 5 });
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("a link's devices share one allowance: more devices do not multiply it", async () => {
    const devices = await Promise.all([1, 2, 3].map(() => server.connectAs('m1')));
    const answers = (await Promise.all(devices.map((d) => Promise.all(Array.from({ length: 10 }, () => d.send({ type: 'queue.request', kind: 'speech' })))))).flat();
    const served = codes(answers).filter((c) => c !== 'rate-limited').length;
    // 30 asked within each device's own burst; the link's burst is 20 (and a token or two comes back meanwhile).
    expect(served).toBeGreaterThanOrEqual(10 * LINK_REQUESTS_FACTOR);
    expect(served).toBeLessThanOrEqual(10 * LINK_REQUESTS_FACTOR + 2);
    // Someone else's link is untouched.
    const other = await server.connectAs('m2');
    expect(codes(await Promise.all(Array.from({ length: 10 }, () => other.send({ type: 'queue.request', kind: 'speech' }))))).not.toContain('rate-limited');
  });

  it("the public observer link's snapshots are shared by everyone on it", async () => {
    // MAX_OBSERVER_CONNECTIONS=5: bursts of 20 for the link, as for a participant's.
    const followers = await Promise.all([1, 2, 3, 4, 5].map(() => server.connectAs('obs')));
    const answers = (await Promise.all(followers.map((f) => Promise.all(Array.from({ length: 10 }, () => f.socket.timeout(5000).emitWithAck('sync', {})))))).flat();
    const served = answers.filter((a) => a.ok).length;
    expect(served).toBeGreaterThanOrEqual(20);
    expect(served).toBeLessThanOrEqual(22);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'rate-limited')).toBe(true);
  });

  it('new connections from one address are limited, before the link is even looked up', async () => {
    // Bad links: each attempt costs the address a connection, and nothing else.
    const from = '203.0.113.7';
    const outcomes: Outcome[] = [];
    for (let i = 0; i < ADDRESS_CONNECTIONS.burst + 10; i += 50) {
      outcomes.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, () =>
            attempt(server.url, 'not-a-link', from).then((o) => {
              o.close();
              return o;
            }),
          ),
        )),
      );
    }
    const refusedAs = (code: string) => outcomes.filter((o) => !o.ok && o.code === code).length;
    expect(refusedAs('unauthorized')).toBeGreaterThanOrEqual(ADDRESS_CONNECTIONS.burst);
    expect(refusedAs('rate-limited')).toBeGreaterThan(0);
    // Another address, and this machine itself, are not affected.
    const other = await attempt(server.url, server.tokenOf('m4'), '198.51.100.3');
    const local = await attempt(server.url, server.tokenOf('m4'));
    open.push(other, local);
    expect(other.ok && local.ok).toBe(true);
  });
});

describe('new connections per link', () => {
  it('are limited besides the cap', async () => {
    // A cap of 50: the link may open its whole cap at once (LINK_CONNECTIONS.burst, 60, is more), then 5 a second.
    const server = await startServer({ maxConnectionsPerToken: 50 });
    try {
      const outcomes = await Promise.all(Array.from({ length: LINK_CONNECTIONS.burst + 10 }, () => attempt(server.url, server.tokenOf('m3'))));
      for (const o of outcomes) o.close();
      const count = (code: string) => outcomes.filter((o) => !o.ok && o.code === code).length;
      expect(outcomes.filter((o) => o.ok)).toHaveLength(50);
      // Refused by the cap while the burst lasts, by the rate after it.
      expect(count('too-many-connections') + count('rate-limited')).toBe(LINK_CONNECTIONS.burst + 10 - 50);
      expect(count('rate-limited')).toBeGreaterThanOrEqual(5);
    } finally {
      await server.stop();
    }
  });
});

describe('requests per address', () => {
  let server: TestServer;
  // Generous per connection and link, so that the address' budget is the one that binds.
  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 1000, commandBurst: 1000 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('limits requests from one address, whichever link and connection they come on', async () => {
    const from = '192.0.2.44';
    const sockets = await Promise.all(
      ['chair', 'sec', 'm1', 'm2'].map(
        (id) =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const s = connect(server.url, {
              auth: { token: server.tokenOf(id) },
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
              extraHeaders: { 'x-forwarded-for': from },
            });
            s.once('snapshot', () => resolve(s));
          }),
      ),
    );
    try {
      const asked = await Promise.all(
        sockets.flatMap((s) => Array.from({ length: 100 }, () => s.timeout(5000).emitWithAck('sync', {}) as Promise<{ ok: boolean; error?: { code: string } }>)),
      );
      const served = asked.filter((a) => a.ok).length;
      expect(served).toBeGreaterThanOrEqual(ADDRESS_REQUESTS.burst);
      expect(served).toBeLessThan(ADDRESS_REQUESTS.burst + 50);
      expect(asked.filter((a) => !a.ok).every((a) => a.error?.code === 'rate-limited')).toBe(true);
      // The same link from elsewhere is served.
      const elsewhere = await server.connectAs('chair');
      expect((await elsewhere.socket.timeout(5000).emitWithAck('sync', {})).ok).toBe(true);
    } finally {
      for (const s of sockets) s.close();
    }
  });
});

describe('the address a client is counted under', () => {
  it("is the peer's on the internet, whatever it claims", () => {
    expect(clientAddress('203.0.113.7', '10.0.0.1')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined)).toBe('203.0.113.7');
  });

  it("is the one a proxy on this machine or network forwards, kept with the proxy's", () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.7')).toBe('127.0.0.1>203.0.113.7');
    expect(clientAddress('172.18.0.5', '203.0.113.7')).toBe('172.18.0.5>203.0.113.7');
    // A tablet on the room's network sending the header splits only its own budget.
    expect(clientAddress('192.168.1.20', undefined)).toBe('192.168.1.20');
    expect(clientAddress('192.168.1.20', '192.168.1.30')).toBe('192.168.1.20>192.168.1.30');
  });

  it('is none for this machine itself, and a /64 for IPv6', () => {
    expect(clientAddress('127.0.0.1', undefined)).toBeNull();
    expect(clientAddress('::1', undefined)).toBeNull();
    expect(clientAddress('2001:db8:1:2:aaaa::1', undefined)).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee', undefined)).toBe('2001:db8:1:2::/64');
  });
});
