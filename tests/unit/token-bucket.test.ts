import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/realtime/rateLimit.js';

describe('TokenBucket', () => {
  it('allows a burst, then refills at its rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([1, 2, 3, 4].map(() => bucket.take(0))).toEqual([true, true, true, false]);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(100)).toBe(false);
  });

  it('does not lock a connection out when the clock is set back', () => {
    const bucket = new TokenBucket(10, 3, 1_000_000);
    expect(bucket.take(1_000_000)).toBe(true);
    // The system clock steps back ten minutes; the next message still goes through.
    expect(bucket.take(1_000_000 - 600_000)).toBe(true);
    expect(bucket.take(1_000_000 - 600_000 + 100)).toBe(true);
  });
});
