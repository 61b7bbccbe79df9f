import type { MeetingEvent } from './meeting/events.js';
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

/**
 * `events` followed by `more`, with a `ballot.voted` that follows one of the same ballot folded into
 * it: the same change (the meeting sorts who voted), a few bytes per voter instead of a whole event
 * for each of a thousand devices during a burst of papers.
 */
export function appendEvents(events: readonly MeetingEvent[], more: readonly MeetingEvent[]): MeetingEvent[] {
  const out = [...events];
  for (const event of more) {
    const last = out.at(-1);
    if (event.type === 'ballot.voted' && last?.type === 'ballot.voted' && last.ballotId === event.ballotId) {
      out[out.length - 1] = { ...last, voterIds: [...last.voterIds, ...event.voterIds] };
    } else out.push(event);
  }
  return out;
}
