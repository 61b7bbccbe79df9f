import type { Socket } from 'socket.io-client';
import type { ClientToServer, ServerToClient } from '../../shared/protocol.js';

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. For conditions, never for timing. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet: the server may still be coming up
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Barriers, for tests that show something did *not* happen: instead of sleeping and hoping the
 * server was done, ask it something on the same connection, after what it must have ignored, and
 * wait for the answer. Each connection is read in order, so by the answer the server has read
 * everything sent before it on that connection, and done whatever it does at once on reading it.
 */

/** A WebSocket (`ws`) whose peer answers pings: it has read every frame sent before this ping. */
export function pong(ws: { ping(): void; once(event: 'pong', listener: () => void): unknown }, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no pong')), timeoutMs);
    ws.once('pong', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.ping();
  });
}

/**
 * A Socket.IO connection to the meeting server: its `time` request is answered at once, so the
 * server has read (and started on) every packet sent before it, however long those take.
 */
export async function answered(socket: Socket<ServerToClient, ClientToServer>, timeoutMs = 10_000): Promise<void> {
  await socket.timeout(timeoutMs).emitWithAck('time', { sentAt: Date.now() });
}
