import type { AgendaItem, MeetingState } from '../../../shared/meeting/state.js';

/**
 * Whose notes a panel opens when nobody chose: the item under discussion; between items the one
 * that just ended (people finish their notes after the chair moves on); before the meeting the
 * first item of the day.
 */
export function defaultNotesItem(state: MeetingState): AgendaItem | null {
  const active = state.agenda.find((i) => i.id === state.activeItemId);
  if (active) return active;
  const ended = state.agenda.filter((i) => i.endedAt !== null).sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  if (ended.length > 0) return ended[0];
  return state.agenda.find((i) => i.day === state.currentDay) ?? state.agenda[0] ?? null;
}

/** The agenda by day, for the "browse every item's notes" picker. */
export function itemsByDay(state: MeetingState): { day: number; date: string | undefined; items: AgendaItem[] }[] {
  return state.days.map((date, i) => ({ day: i + 1, date, items: state.agenda.filter((item) => item.day === i + 1) })).filter((group) => group.items.length > 0);
}
