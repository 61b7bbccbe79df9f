import type { Socket as NetSocket } from 'node:net';
import type { Server as Engine, Socket as EngineSocket } from 'engine.io';
import type { Logger } from '../log.js';
import { MAX_UNSENT_BYTES } from './limits.js';
import { STALL_RULE, StallWatch, type StallRule } from './stallWatch.js';

/**
 * What this guard reads of Engine.IO 6's transports beyond their typings: the `ws` socket under
 * the WebSocket transport, and the pending poll's response under the polling one
 * (tests/security/slow-readers.test.ts fails if an upgrade changes them).
 */
interface TransportInternals {
  name: string;
  socket?: { bufferedAmount: number; terminate(): void };
  res?: { socket?: NetSocket | null } | null;
}

interface Packet {
  type: string;
  data?: unknown;
}

/** Memory a packet's data holds: V8 keeps a string in one or two bytes a character, so two are counted. */
function sizeOf(data: unknown): number {
  if (typeof data === 'string') return 2 * data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/**
 * Bounds what the server holds for each Socket.IO connection that does not read. Engine.IO buffers
 * without a limit: a WebSocket whose reader stopped keeps its last frame in `ws` and every later
 * packet in Engine.IO's write buffer; a poll that is never collected keeps them in the buffer, and a
 * response that is never read in its TCP socket.
 *
 * Checked where every write passes, Engine.IO's `packetCreate`: broadcasts through the adapter
 * (events, presence), acknowledgements (snapshots, refusals), the snapshot on connect and
 * Engine.IO's own pings alike, which wrapping `socket.emit` would miss. A connection over
 * MAX_UNSENT_BYTES, or stalled (stallWatch.ts), is cut at once without a close handshake: a
 * closing frame would wait behind the very data that is not being read, and so would the memory.
 */
export class OutputGuard {
  private readonly stalls: StallWatch;
  private readonly watched = new WeakMap<EngineSocket, { unsent(): number }>();

  /** `maxBytes` and `stall` are the production limits unless a test passes its own. */
  constructor(
    engine: Engine,
    private readonly log: Logger,
    private readonly maxBytes = MAX_UNSENT_BYTES,
    stall: StallRule = STALL_RULE,
  ) {
    this.stalls = new StallWatch(stall);
    engine.on('connection', (conn: EngineSocket) => this.watch(conn));
  }

  /** What the server holds for this connection that it has not sent yet (0 for one it does not watch). */
  unsent(conn: EngineSocket): number {
    return this.watched.get(conn)?.unsent() ?? 0;
  }

  private watch(conn: EngineSocket): void {
    let queued = 0;
    let cut = false;
    /** Sockets of poll responses written but not yet taken by the kernel (polling only). */
    const responses = new Set<NetSocket>();
    const transport = () => conn.transport as unknown as TransportInternals;

    const unsent = (): number => {
      let total = queued;
      const t = transport();
      if (t.name === 'websocket') total += t.socket?.bufferedAmount ?? 0;
      for (const s of responses) {
        if (s.destroyed || s.writableLength === 0) responses.delete(s);
        else total += s.writableLength;
      }
      return total;
    };

    const watched = {
      unsent,
      cut: (why: 'over-bound' | 'stalled') => {
        if (cut) return;
        cut = true;
        this.stalls.remove(watched);
        const t = transport();
        this.log.warn('connection cut: it does not read what it is sent (slow-reader)', { why, unsent: unsent(), transport: t.name });
        if (t.name === 'websocket') t.socket?.terminate();
        for (const s of responses) s.destroy();
        // Discard: without it Engine.IO would wait for the write buffer to drain, which it never does.
        conn.close(true);
      },
    };

    conn.on('packetCreate', (packet: Packet) => {
      queued += sizeOf(packet.data) + 1;
      // After the write that crossed the bound (the adapter may be half-way through a broadcast).
      if (!cut && unsent() > this.maxBytes) queueMicrotask(() => watched.cut('over-bound'));
    });
    conn.on('flush', () => {
      // The whole write buffer goes to the transport: a WebSocket counts it in `bufferedAmount`, a
      // poll writes it into its response, whose socket is followed until the kernel has it all.
      queued = 0;
      const t = transport();
      const socket = t.name === 'polling' ? t.res?.socket : null;
      if (socket) responses.add(socket);
    });
    conn.once('close', () => this.stalls.remove(watched));
    this.stalls.add(watched);
    this.watched.set(conn, watched);
  }
}
