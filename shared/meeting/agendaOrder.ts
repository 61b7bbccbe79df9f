import { itemsOfDay, nextItem, whereIs } from './agenda.js';
import { activeItem, findItem, type MeetingState } from './state.js';

/**
 * What opening an item does to the record besides opening it: the consequences a stray tap cannot
 * take back, which the console names before asking the chair to confirm. Mirrors `decideAgenda`'s
 * `agenda.open` (shared/meeting/agenda.ts), whose events these are.
 */
export interface OpeningEffect {
  itemId: string;
  /** The item's day, and its number within that day (from 1). */
  day: number;
  position: number;
  /** The meeting starts with it: its start time goes on the record. */
  startsMeeting: boolean;
  /** The meeting moves to the item's day. */
  switchesDay: boolean;
  /**
   * Numbers (within the item's day) of the items not yet held between where the day stands (its open
   * item, else the last one held, else its start) and this one: they stay "not yet held".
   */
  passedOver: number[];
  /** The number (within the current day) of the open item, which is closed as done; null if none is open. */
  closes: number | null;
}

export function openingEffect(state: MeetingState, itemId: string): OpeningEffect | null {
  const item = findItem(state, itemId);
  if (!item || item.id === state.activeItemId) return null;
  const { day, position } = whereIs(state, item);
  const open = activeItem(state);
  return {
    itemId,
    day,
    position,
    startsMeeting: state.status === 'scheduled',
    switchesDay: day !== state.currentDay,
    passedOver: pendingPositions(state, day, position - 1).filter((n) => n > standsAt(state, day)),
    closes: open ? whereIs(state, open).position : null,
  };
}

/** What "next" would do, or null when there is no next item today. */
export function nextEffect(state: MeetingState): OpeningEffect | null {
  const next = nextItem(state);
  return next ? openingEffect(state, next.id) : null;
}

/** Where `day` stands: the number of its open item, else of the last item held, else 0 (its start). */
function standsAt(state: MeetingState, day: number): number {
  const items = itemsOfDay(state, day);
  const open = items.findIndex((i) => i.id === state.activeItemId);
  if (open >= 0) return open + 1;
  return items.reduce((last, item, i) => (item.startedAt !== null ? i + 1 : last), 0);
}

/** Out of order: it starts the meeting, changes the day, or passes over items not yet held. Ask first. */
export function isOutOfOrder(effect: OpeningEffect): boolean {
  return effect.startsMeeting || effect.switchesDay || effect.passedOver.length > 0;
}

/**
 * Numbers (within `day`, from 1) of the items of that day not yet held, among its first `upTo`
 * (all of them without it): what a change of day or the end of the meeting leaves unheld.
 */
export function pendingPositions(state: MeetingState, day: number, upTo?: number): number[] {
  return itemsOfDay(state, day)
    .slice(0, upTo)
    .flatMap((item, i) => (item.status === 'pending' ? [i + 1] : []));
}
