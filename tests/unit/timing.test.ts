import { describe, expect, it } from 'vitest';
import { clockOffset, isOvertime, remainingSec } from '../../shared/meeting/timing.js';

const speech = { startedAt: 1_000_000, limitSec: 180 };
const at = (ms: number) => speech.startedAt + ms;

describe('remainingSec and isOvertime', () => {
  it('counts down whole seconds from the limit, rounding up so the last second shows 0:01', () => {
    expect(remainingSec(speech, at(0))).toBe(180);
    expect(remainingSec(speech, at(500))).toBe(180);
    expect(remainingSec(speech, at(1000))).toBe(179);
    expect(remainingSec(speech, at(179_001))).toBe(1);
    expect(remainingSec(speech, at(180_000))).toBe(0);
  });

  it('goes negative past the limit, never showing "-0"', () => {
    expect(remainingSec(speech, at(180_001))).toBe(0);
    expect(Object.is(remainingSec(speech, at(180_001)), -0)).toBe(false);
    expect(remainingSec(speech, at(181_000))).toBe(-1);
    expect(remainingSec(speech, at(245_500))).toBe(-65);
  });

  it('is overtime only once the limit has passed', () => {
    expect(isOvertime(speech, at(180_000))).toBe(false);
    expect(isOvertime(speech, at(180_001))).toBe(true);
    expect(isOvertime({ ...speech, limitSec: 240 }, at(200_000))).toBe(false);
  });
});

describe('clockOffset', () => {
  it('is zero without samples', () => {
    expect(clockOffset([])).toBe(0);
  });

  it('assumes the reply took half the round trip', () => {
    // The server is 5 s ahead; 100 ms round trip.
    expect(clockOffset([{ sentAt: 1000, serverNow: 6050, receivedAt: 1100 }])).toBe(5000);
    expect(clockOffset([{ sentAt: 1000, serverNow: 950, receivedAt: 1100 }])).toBe(-100);
  });

  it('trusts the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, serverNow: 2600, receivedAt: 800 }, // slow: says 2200
      { sentAt: 1000, serverNow: 3020, receivedAt: 1040 }, // fast: says 2000
      { sentAt: 2000, serverNow: 4300, receivedAt: 2400 }, // says 2100
    ];
    expect(clockOffset(samples)).toBe(2000);
    expect(clockOffset([...samples].reverse())).toBe(2000);
  });
});
