import type { Server } from 'socket.io';
import type { ClientToServer, InterServer, ServerToClient } from '../../shared/protocol.js';

/** The question one instance asks the others (shared/protocol.ts, InterServer). */
const HOW_MANY = 'caps:count';
/** How long an admission waits for the other instances' counts before going by its own. */
const ASK_OTHERS_MS = 1000;
/**
 * The other instances' count of a key under a cap of at least SHARED_CAP is asked at most this
 * often: in a reconnect storm of the observer link, one question a second rather than one per
 * connection. A smaller cap (a participant's few devices) is asked about every time.
 */
const OTHERS_FRESH_MS = 1000;
const SHARED_CAP = 20;

/**
 * How many connections each key (a link's Socket.IO connections, or its connections to one
 * document) holds, so that a link can be capped. Counted on every instance: with the Redis adapter
 * an admission asks the others for their counts, as presence does, and nothing is written to the
 * store. Under a large cap the other instances' counts may be up to OTHERS_FRESH_MS old, so the
 * link may go over its cap by what they admitted in that time (at most their connection rate for
 * the link). Two admissions at the same moment on two instances may both take a last place, and an
 * instance that does not answer within ASK_OTHERS_MS is left out of the count.
 */
export class ConnectionCaps {
  private readonly held = new Map<string, number>();
  private readonly others = new Map<string, { at: number; count: Promise<number> }>();

  constructor(private readonly io: Server<ClientToServer, ServerToClient, InterServer>) {
    io.on(HOW_MANY, (key, answer) => {
      if (typeof key === 'string' && typeof answer === 'function') answer(this.held.get(key) ?? 0);
    });
  }

  /**
   * Takes a place under `key` if fewer than `cap` are taken; the returned function gives it back
   * (at most once). Null when the key is full.
   */
  async acquire(key: string, cap: number): Promise<(() => void) | null> {
    // Reserved before asking: two admissions on this instance cannot both take the last place.
    this.add(key, 1);
    let total = this.held.get(key) ?? 0;
    if (total <= cap) total += await (cap >= SHARED_CAP ? this.elsewhere(key) : this.ask(key));
    if (total > cap) {
      this.add(key, -1);
      return null;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.add(key, -1);
    };
  }

  private elsewhere(key: string): Promise<number> {
    const now = performance.now();
    for (const [k, v] of this.others) if (now - v.at > OTHERS_FRESH_MS) this.others.delete(k);
    let known = this.others.get(key);
    if (!known) {
      known = { at: now, count: this.ask(key) };
      this.others.set(key, known);
    }
    return known.count;
  }

  private async ask(key: string): Promise<number> {
    try {
      if ((await this.io.of('/').adapter.serverCount()) <= 1) return 0;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<number[]>((resolve) => {
        timer = setTimeout(() => resolve([]), ASK_OTHERS_MS);
      });
      const counts = await Promise.race([this.io.serverSideEmitWithAck(HOW_MANY, key), late]).finally(() => clearTimeout(timer));
      return counts.reduce((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
    } catch {
      return 0;
    }
  }

  private add(key: string, delta: number): void {
    const n = (this.held.get(key) ?? 0) + delta;
    if (n > 0) this.held.set(key, n);
    else this.held.delete(key);
  }
}
