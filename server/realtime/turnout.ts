import { appendEvents } from '../../shared/batches.js';
import type { EventBatch } from '../../shared/protocol.js';

/**
 * A burst's turnout reaches the devices at most this often: each broadcast to a thousand devices
 * holds the event loop for tens of milliseconds, and papers arriving meanwhile wait behind it.
 */
export const TURNOUT_EVERY_MS = 200;

/**
 * The papers' events a meeting has committed but not yet sent to its devices, as one batch that
 * spans their versions (docs/PROTOCOL.md, "Versioned state").
 */
export class HeldTurnout {
  private held: Required<EventBatch> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSentAt = -Infinity;

  constructor(
    private readonly publish: (batch: EventBatch) => void,
    private readonly everyMs = TURNOUT_EVERY_MS,
  ) {}

  /**
   * Keeps a committed version's events for the next broadcast: at once (after this turn of the event
   * loop, so the acknowledgements go first) unless one went out less than `everyMs` ago.
   */
  hold(batch: EventBatch): void {
    const held = this.held;
    this.held = held ? { from: held.from, version: batch.version, events: appendEvents(held.events, batch.events) } : { from: batch.version - 1, ...batch };
    if (this.timer) return;
    this.timer = setTimeout(() => this.send(), Math.max(0, this.lastSentAt + this.everyMs - performance.now()));
  }

  /** Sends what is held now: before any other batch, so devices get every version in order. */
  send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const held = this.held;
    if (!held) return;
    this.held = null;
    this.lastSentAt = performance.now();
    const { from, ...batch } = held;
    this.publish(from === held.version - 1 ? batch : held);
  }
}
