import { describe, expect, it } from 'vitest';
import { placeBatch } from '../../shared/batches.js';

describe('placeBatch: where a batch of events fits a copy of the meeting', () => {
  const events = [{ type: 'ballot.voted' as const, ballotId: 'b', voterId: 'u01' }];

  it('applies the next version and skips one already held', () => {
    expect(placeBatch(4, { version: 5, events })).toBe('next');
    expect(placeBatch(5, { version: 5, events })).toBe('held');
    expect(placeBatch(9, { version: 5, events })).toBe('held');
  });

  it('asks for a snapshot when versions were missed', () => {
    expect(placeBatch(3, { version: 5, events })).toBe('gap');
  });

  it('applies a merged batch only from where it starts', () => {
    expect(placeBatch(4, { from: 4, version: 7, events })).toBe('next');
    expect(placeBatch(3, { from: 4, version: 7, events })).toBe('gap');
    // A copy inside the range holds part of it: events carry no versions, so only a snapshot helps.
    expect(placeBatch(5, { from: 4, version: 7, events })).toBe('gap');
    expect(placeBatch(7, { from: 4, version: 7, events })).toBe('held');
  });
});
