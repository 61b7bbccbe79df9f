import { describe, expect, it } from 'vitest';
import { importRetrying } from '../../client/src/offline/lazyChunk.js';

describe('a lazy chunk whose download is cut off', () => {
  it('is imported again, with a growing pause capped at 5 s, until it arrives', async () => {
    let attempts = 0;
    const waits: number[] = [];
    const load = async () => {
      attempts++;
      if (attempts <= 6) throw new TypeError('Failed to fetch dynamically imported module');
      return { default: 'the view' };
    };
    await expect(
      importRetrying(load, async (ms) => {
        waits.push(ms);
      }),
    ).resolves.toEqual({ default: 'the view' });
    expect(attempts).toBe(7);
    expect(waits).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('is imported once when the first download succeeds', async () => {
    let attempts = 0;
    await importRetrying(
      async () => {
        attempts++;
      },
      async () => {
        throw new Error('no pause expected');
      },
    );
    expect(attempts).toBe(1);
  });
});
