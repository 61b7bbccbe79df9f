import type { EventBatch } from './protocol.js';

/**
 * What a copy of the meeting at `version` does with a batch: nothing if it holds it already,
 * apply it if it starts where the copy is, or ask for a snapshot if versions were missed.
 * (Its own module: the client's first chunk must not pull in protocol.ts's zod schemas.)
 */
export function placeBatch(version: number, batch: EventBatch): 'held' | 'next' | 'gap' {
  if (batch.version <= version) return 'held';
  return (batch.from ?? batch.version - 1) === version ? 'next' : 'gap';
}
