import { STALL_CHECK_MS, STALLED_MIN_BYTES, STALLED_MS } from './limits.js';

/** A connection as the watch sees it: how much it has not sent yet, and how to cut it. */
export interface Watched {
  unsent(): number;
  cut(why: 'stalled'): void;
}

/** When a connection counts as stalled, and how often that is checked (defaults: limits.ts). */
export interface StallRule {
  readonly checkMs: number;
  readonly minBytes: number;
  readonly stalledMs: number;
}

export const STALL_RULE: StallRule = { checkMs: STALL_CHECK_MS, minBytes: STALLED_MIN_BYTES, stalledMs: STALLED_MS };

interface Entry {
  last: number;
  stalledSince: number | null;
}

/**
 * Cuts connections that stopped reading: at least STALLED_MIN_BYTES unsent that has not shrunk for
 * STALLED_MS. One timer for every connection watched, running only while there is one.
 */
export class StallWatch {
  private readonly entries = new Map<Watched, Entry>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: StallRule = STALL_RULE) {}

  add(watched: Watched): void {
    this.entries.set(watched, { last: 0, stalledSince: null });
    if (!this.timer) {
      this.timer = setInterval(() => this.check(), this.opts.checkMs);
      this.timer.unref();
    }
  }

  remove(watched: Watched): void {
    this.entries.delete(watched);
    if (this.entries.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  check(now = performance.now()): void {
    for (const [watched, entry] of [...this.entries]) {
      const unsent = watched.unsent();
      if (unsent >= this.opts.minBytes && unsent >= entry.last) entry.stalledSince ??= now;
      else entry.stalledSince = null;
      entry.last = unsent;
      if (entry.stalledSince !== null && now - entry.stalledSince >= this.opts.stalledMs) {
        this.remove(watched);
        watched.cut('stalled');
      }
    }
  }
}
