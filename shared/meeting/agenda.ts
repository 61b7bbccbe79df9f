import { MAX_AGENDA_ITEMS } from '../limits.js';
import { disclosures, itemSubjects } from '../review/selfAssessment.js';
import type { CommandOf } from './commands.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import type { MeetingEvent } from './events.js';
import type { Actor } from './roles.js';
import { leaveBallot } from './screen.js';
import { activeItem, findItem, findParticipant, findRemovedItem, newItem, type AgendaItem, type MeetingState } from './state.js';

export type AgendaCommand = CommandOf<
  | 'meeting.start'
  | 'meeting.finish'
  | 'day.switch'
  | 'agenda.open'
  | 'agenda.next'
  | 'agenda.previous'
  | 'agenda.complete'
  | 'agenda.skip'
  | 'agenda.reorder'
  | 'agenda.add'
  | 'agenda.update'
  | 'agenda.remove'
>;

/** Items of one day, in agenda order. */
export function itemsOfDay(state: MeetingState, day: number): AgendaItem[] {
  return state.agenda.filter((i) => i.day === day);
}

/** An item's place as the agenda shows it: its day, and its number within that day (from 1). */
export function whereIs(state: MeetingState, item: AgendaItem): { day: number; position: number } {
  return { day: item.day, position: itemsOfDay(state, item.day).findIndex((i) => i.id === item.id) + 1 };
}

/** What "next" opens: the first pending item of the current day after the open one (or from the top). */
export function nextItem(state: MeetingState): AgendaItem | undefined {
  const day = itemsOfDay(state, state.currentDay);
  const from = state.activeItemId === null ? -1 : day.findIndex((i) => i.id === state.activeItemId);
  return day.slice(from + 1).find((i) => i.status === 'pending');
}

/** What "previous" opens: the nearest earlier item of the current day that was not skipped. */
export function previousItem(state: MeetingState): AgendaItem | undefined {
  const day = itemsOfDay(state, state.currentDay);
  const from = state.activeItemId === null ? day.length : day.findIndex((i) => i.id === state.activeItemId);
  return day
    .slice(0, from)
    .reverse()
    .find((i) => i.status !== 'skipped');
}

/** Events that leave the active item (and end its running speech) with the given status. */
function leaveActive(state: MeetingState, now: number, status: 'done' | 'skipped' | 'pending'): MeetingEvent[] {
  const item = activeItem(state);
  if (!item) return [];
  const events: MeetingEvent[] = [];
  if (item.queue.current) events.push({ type: 'speech.ended', itemId: item.id, at: now });
  events.push({ type: 'item.ended', itemId: item.id, at: now, status });
  return events;
}

function enter(state: MeetingState, item: AgendaItem, now: number): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  if (state.status === 'scheduled') events.push({ type: 'meeting.started', at: now });
  if (item.day !== state.currentDay) events.push({ type: 'day.switched', day: item.day });
  // Never started (pending, or skipped before it took place) is a start; anything else a return to it.
  events.push(item.startedAt === null ? { type: 'item.started', itemId: item.id, at: now } : { type: 'item.reopened', itemId: item.id });
  events.push(...leaveBallot(state));
  return events;
}

function open(state: MeetingState, item: AgendaItem, ctx: DecideContext, leaving: 'done' | 'pending' = 'done'): Decision {
  if (item.id === state.activeItemId) return reject('invalid-state', 'this item is already open', 'item-already-open');
  // An individual's review item shows the body their self-assessment (issue 17): disclosed as it opens.
  const disclosed = disclosures(state, itemSubjects(item), ctx.selfAssessments);
  if (!disclosed) return reject('internal', 'the self-assessments were not supplied');
  return accept(...leaveActive(state, ctx.now, leaving), ...enter(state, item, ctx.now), ...disclosed);
}

/** Whether an item, on the agenda or removed from it, has this id: its notes document bears the name. */
function idTaken(state: MeetingState, id: string): boolean {
  return findItem(state, id) !== undefined || findRemovedItem(state, id) !== undefined;
}

function checkRefs(state: MeetingState, fields: { subject?: string; presenter?: string; day?: number }): Decision | null {
  for (const ref of [fields.subject, fields.presenter]) {
    if (ref !== undefined && !findParticipant(state, ref)) return reject('not-found', `no participant ${ref}`);
  }
  if (fields.day !== undefined && fields.day > state.days.length) {
    return reject('invalid-state', `the meeting has ${state.days.length} days`, 'no-such-day', { days: state.days.length });
  }
  return null;
}

export function decideAgenda(state: MeetingState, command: AgendaCommand, _actor: Actor, ctx: DecideContext): Decision {
  const { now, newId } = ctx;
  if (command.type === 'meeting.start') {
    if (state.status === 'running') return reject('invalid-state', 'the meeting is already running', 'meeting-running');
    return accept({ type: 'meeting.started', at: now });
  }
  if (state.status === 'finished') return reject('invalid-state', 'the meeting has finished', 'meeting-finished');

  switch (command.type) {
    case 'meeting.finish':
      if (state.status !== 'running') return reject('invalid-state', 'the meeting has not started', 'meeting-not-started');
      return accept(...leaveActive(state, now, 'done'), { type: 'meeting.finished', at: now });

    case 'day.switch': {
      if (command.day > state.days.length) return reject('not-found', `the meeting has ${state.days.length} days`, 'no-such-day', { days: state.days.length });
      if (command.day === state.currentDay) return reject('invalid-state', 'that day is already shown', 'day-already-current', { day: command.day });
      const item = activeItem(state);
      if (item) return reject('invalid-state', 'close the open item before switching day', 'close-item-first', whereIs(state, item));
      return accept({ type: 'day.switched', day: command.day });
    }

    case 'agenda.open': {
      const item = findItem(state, command.itemId);
      return item ? open(state, item, ctx) : reject('not-found', `no agenda item ${command.itemId}`);
    }

    case 'agenda.next': {
      const next = nextItem(state);
      return next
        ? open(state, next, ctx)
        : reject('invalid-state', 'no further item today', 'no-next-item', { day: state.currentDay, days: state.days.length, open: state.activeItemId === null ? 0 : 1 });
    }

    case 'agenda.previous': {
      const previous = previousItem(state);
      // Going back is usually undoing a "next" pressed too early: the item left is not done yet.
      return previous ? open(state, previous, ctx, 'pending') : reject('invalid-state', 'no earlier item today', 'no-previous-item', { day: state.currentDay });
    }

    case 'agenda.complete':
    case 'agenda.skip': {
      const item = findItem(state, command.itemId);
      if (!item) return reject('not-found', `no agenda item ${command.itemId}`);
      const status = command.type === 'agenda.complete' ? 'done' : 'skipped';
      if (item.status === 'active') return accept(...leaveActive(state, now, status));
      if (status === 'skipped' && item.status === 'pending') return accept({ type: 'item.skipped', itemId: item.id });
      return status === 'done'
        ? reject('invalid-state', 'only the open item can be completed', 'item-not-open')
        : reject('invalid-state', 'only a pending or open item can be skipped', 'item-not-pending');
    }

    case 'agenda.reorder': {
      const ids = new Set(command.itemIds);
      const same = ids.size === state.agenda.length && command.itemIds.length === ids.size && state.agenda.every((i) => ids.has(i.id));
      return same
        ? accept({ type: 'agenda.reordered', itemIds: command.itemIds })
        : reject('invalid-state', 'the new order must list every agenda item exactly once', 'agenda-changed');
    }

    case 'agenda.add': {
      // The same ceiling as a definition's, so a live agenda never outgrows what could be created.
      if (state.agenda.length >= MAX_AGENDA_ITEMS) return reject('invalid-state', `an agenda has at most ${MAX_AGENDA_ITEMS} items`, 'agenda-full', { max: MAX_AGENDA_ITEMS });
      const bad = checkRefs(state, command.item);
      if (bad) return bad;
      let index: number;
      if (command.afterItemId !== undefined) {
        const after = state.agenda.findIndex((i) => i.id === command.afterItemId);
        if (after < 0) return reject('not-found', `no agenda item ${command.afterItemId}`);
        index = after + 1;
      } else {
        const lastOfDay = state.agenda.map((i) => i.day <= command.item.day).lastIndexOf(true);
        index = lastOfDay + 1;
      }
      // A removed item's id stays its own: its notes document is named after it (docs/PROTOCOL.md).
      const id = newId();
      if (idTaken(state, id)) return reject('invalid-state', `the id ${id} belongs to an item on or removed from the agenda`);
      return accept({ type: 'item.added', item: newItem(id, command.item, state.speakingSec), index });
    }

    case 'agenda.update': {
      const item = findItem(state, command.itemId);
      if (!item) return reject('not-found', `no agenda item ${command.itemId}`);
      if (Object.keys(command.changes).length === 0) return reject('invalid-payload', 'nothing to change');
      const bad = checkRefs(state, command.changes);
      if (bad) return bad;
      if (command.changes.day !== undefined && item.status === 'active' && command.changes.day !== state.currentDay) {
        return reject('invalid-state', 'the open item cannot move to another day', 'close-item-first', whereIs(state, item));
      }
      return accept({ type: 'item.updated', itemId: item.id, changes: command.changes });
    }

    case 'agenda.remove': {
      const item = findItem(state, command.itemId);
      if (!item) return reject('not-found', `no agenda item ${command.itemId}`);
      if (item.status === 'active') return reject('invalid-state', 'close the item before removing it', 'close-item-first', whereIs(state, item));
      if (item.startedAt !== null) return reject('invalid-state', 'an item that has taken place stays on the record; skip it instead', 'item-took-place');
      // Removed items stay in the state (their notes are kept): as many as an agenda holds, no more.
      if (state.removedItems.length >= MAX_AGENDA_ITEMS) return reject('invalid-state', `at most ${MAX_AGENDA_ITEMS} items can be removed from an agenda`);
      return accept({ type: 'item.removed', itemId: item.id, at: now });
    }
  }
}
