import type { Rate } from './limits.js';

/** A token bucket: bursts are fine (a chair clicking fast), floods are not. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now = Date.now()): boolean {
    return takeAll([this], now);
  }

  /** Refills for the time passed; whether a token is there to take. */
  refill(now: number): boolean {
    // A clock set back (NTP stepping the meeting laptop's time) must not drain the bucket into a
    // long lockout: time that ran backwards counts as none.
    const elapsed = Math.max(0, now - this.last);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.perSecond);
    this.last = now;
    return this.tokens >= 1;
  }

  /** Full again: as good as a fresh bucket, so a keyed one can be forgotten. */
  get full(): boolean {
    return this.tokens >= this.burst;
  }

  spend(): void {
    this.tokens -= 1;
  }
}

/**
 * Takes one token from every bucket, or from none: a request refused by its address' budget does
 * not also spend its connection's, and one refused by its connection's does not drain its link's.
 */
export function takeAll(buckets: readonly TokenBucket[], now = Date.now()): boolean {
  let ok = true;
  for (const b of buckets) ok = b.refill(now) && ok;
  if (!ok) return false;
  for (const b of buckets) b.spend();
  return true;
}

/** How often full buckets are forgotten: an address seen once costs memory for at most this long. */
const SWEEP_MS = 60_000;

/** One bucket per key (a link, an address), created on first use and forgotten once full again. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweep = Date.now();

  /** The key's bucket; `rate` is used when it is created. */
  get(key: string, rate: Rate, now = Date.now()): TokenBucket {
    if (now - this.lastSweep > SWEEP_MS) this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate.perSecond, rate.burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      bucket.refill(now);
      if (bucket.full) this.buckets.delete(key);
    }
  }
}
