import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/store/store.js';
import { startServer, type TestServer } from '../helpers/server.js';

describe('a store failure while a client connects', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('disconnects that client (which retries) and keeps serving everyone else', async () => {
    const m1 = await server.connectAs('m1');
    // The store fails between the handshake and the snapshot (e.g. Redis dropping for a moment).
    const publicToken = server.store.publicToken.bind(server.store);
    server.store.publicToken = async () => {
      throw new StoreUnavailableError('connection lost');
    };
    const chair = io(server.url, { auth: { token: server.tokenOf('chair') }, transports: ['websocket'], reconnection: false, forceNew: true });
    expect(await new Promise((resolve) => chair.once('disconnect', resolve))).toBe('io server disconnect');
    expect(m1.socket.connected).toBe(true);
    expect(await m1.send({ type: 'attendance.checkIn' })).toEqual({ ok: true, version: 1 });

    // Once the store is back, the retry gets its snapshot.
    server.store.publicToken = publicToken;
    const snapshot = new Promise<{ version: number }>((resolve) => chair.once('snapshot', resolve));
    chair.connect();
    expect((await snapshot).version).toBe(1);
    chair.close();
  });
});
