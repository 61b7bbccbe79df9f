import { audienceOf, documentEventsFor, documentsFor, type Audience } from '../documents/visibility.js';
import type { MeetingEvent } from './events.js';
import type { MeetingState, Role } from './state.js';
import { publicEvents, publicState } from './visibility.js';

export { audienceOf, type Audience };

/**
 * The state each audience is sent (snapshots): the presidium all of it; the room without the
 * documents it may not see; the public link as the definition lets it see the meeting (visibility.ts).
 */
export function stateFor(audience: Audience, state: MeetingState): MeetingState {
  if (audience === 'presidium') return state;
  const base = audience === 'public' ? publicState(state) : state;
  return { ...base, ...documentsFor(audience, state) };
}

export const stateForRole = (role: Role, state: MeetingState): MeetingState => stateFor(audienceOf(role), state);

/** A committed batch as each audience is sent it, `state` being the meeting after it. */
export function eventsFor(audience: Audience, state: MeetingState, events: MeetingEvent[]): MeetingEvent[] {
  if (audience === 'presidium') return events;
  return documentEventsFor(audience, state, audience === 'public' ? publicEvents(state, events) : events);
}
