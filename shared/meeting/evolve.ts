import { evolveDocument } from '../documents/decide.js';
import type { Ballot } from '../ballots/types.js';
import type { MeetingEvent } from './events.js';
import { withNotice } from './notices.js';
import type { AgendaItem, ItemQueue, MeetingState, PinStatus } from './state.js';

function updateItem(state: MeetingState, itemId: string, change: (item: AgendaItem) => AgendaItem): MeetingState {
  return { ...state, agenda: state.agenda.map((i) => (i.id === itemId ? change(i) : i)) };
}

function updateQueue(state: MeetingState, itemId: string, change: (queue: ItemQueue) => ItemQueue): MeetingState {
  return updateItem(state, itemId, (item) => ({ ...item, queue: change(item.queue) }));
}

function inOrder<T extends { id: string }>(list: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  return ids.map((id) => byId.get(id)).filter((x): x is T => x !== undefined);
}

/** Applies one recorded event. Never fails: events were validated by `decide` when they were made. */
export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  return withNotice(state, apply(state, event), event);
}

function setPin(state: MeetingState, participantId: string, status: PinStatus | null): MeetingState {
  const pins = { ...state.pins };
  if (status === null) delete pins[participantId];
  else pins[participantId] = status;
  return { ...state, pins };
}

function apply(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'meeting.started':
      return { ...state, status: 'running', startedAt: state.startedAt ?? event.at, endedAt: null };
    case 'meeting.finished':
      return { ...state, status: 'finished', endedAt: event.at };
    case 'day.switched':
      return { ...state, currentDay: event.day };

    case 'item.started':
      return { ...updateItem(state, event.itemId, (i) => ({ ...i, status: 'active', startedAt: event.at, endedAt: null })), activeItemId: event.itemId };
    case 'item.reopened':
      return { ...updateItem(state, event.itemId, (i) => ({ ...i, status: 'active', endedAt: null })), activeItemId: event.itemId };
    case 'item.ended': {
      const next = updateItem(state, event.itemId, (i) => ({ ...i, status: event.status, endedAt: event.at }));
      return state.activeItemId === event.itemId ? { ...next, activeItemId: null } : next;
    }
    case 'item.skipped':
      return updateItem(state, event.itemId, (i) => ({ ...i, status: 'skipped' }));
    case 'item.added': {
      const agenda = [...state.agenda];
      agenda.splice(event.index, 0, event.item);
      return { ...state, agenda };
    }
    case 'item.updated':
      return updateItem(state, event.itemId, (i) => {
        const { speakingSeconds, ...fields } = event.changes;
        const queue = speakingSeconds === undefined ? i.queue : { ...i.queue, speakingSec: speakingSeconds };
        return { ...i, ...fields, queue };
      });
    // A document's history lives in the store; the state keeps the notice (notices.ts).
    case 'notes.versionNamed':
    case 'notes.restored':
      return state;
    case 'item.removed': {
      // Kept as it was, so its notes stay reachable (read-only) and in the record.
      const item = state.agenda.find((i) => i.id === event.itemId);
      const agenda = state.agenda.filter((i) => i.id !== event.itemId);
      return item ? { ...state, agenda, removedItems: [...state.removedItems, { ...item, removedAt: event.at }] } : { ...state, agenda };
    }
    case 'agenda.reordered':
      return { ...state, agenda: inOrder(state.agenda, event.itemIds) };

    case 'floor.requested':
      return updateQueue(state, event.itemId, (q) => {
        const requests = [...q.requests];
        requests.splice(event.index, 0, event.request);
        return { ...q, requests };
      });
    case 'floor.withdrawn':
      return updateQueue(state, event.itemId, (q) => ({ ...q, requests: q.requests.filter((r) => r.id !== event.requestId) }));
    case 'speech.started':
      return updateQueue(state, event.itemId, (q) => ({
        ...q,
        current: event.speech,
        requests: q.requests.filter((r) => r.id !== event.requestId),
      }));
    case 'speech.ended':
      return updateQueue(state, event.itemId, (q) => (q.current ? { ...q, current: null, speeches: [...q.speeches, { ...q.current, endedAt: event.at }] } : q));
    case 'speech.extended':
      return updateQueue(state, event.itemId, (q) => (q.current ? { ...q, current: { ...q.current, limitSec: q.current.limitSec + event.seconds } } : q));
    case 'queue.reordered':
      return updateQueue(state, event.itemId, (q) => ({ ...q, requests: inOrder(q.requests, event.requestIds) }));
    case 'queue.openSet':
      return updateQueue(state, event.itemId, (q) => ({ ...q, open: event.open }));
    case 'queue.speakingTimeSet':
      return updateQueue(state, event.itemId, (q) => ({ ...q, speakingSec: event.seconds }));

    case 'attendance.marked':
      return { ...state, attendance: { ...state.attendance, [event.participantId]: { status: event.status, source: event.source, by: event.by, at: event.at } } };
    case 'announcement.posted':
      return { ...state, announcement: { text: event.text, postedAt: event.at, endsAt: event.endsAt } };
    case 'announcement.cleared':
      return { ...state, announcement: null };
    case 'link.reissued':
      return state;
    case 'pin.set':
      return setPin(state, event.participantId, 'set');
    case 'pin.reset':
      return setPin(state, event.participantId, null);
    case 'voting.locked':
      return setPin(state, event.participantId, 'locked');
    case 'screen.shown':
      return { ...state, screen: event.screen };

    case 'ballot.created':
      return { ...state, ballots: [...state.ballots, event.ballot] };
    case 'ballot.updated':
      return { ...state, ballots: state.ballots.map((b) => (b.id === event.ballot.id ? event.ballot : b)) };
    case 'ballot.opened':
      return updateBallot(state, event.ballotId, (b) => ({ ...b, status: 'open', openedAt: event.at, eligible: event.eligible, deadline: event.deadline }));
    case 'ballot.voted':
      return updateBallot(state, event.ballotId, (b) => ({ ...b, voted: [...b.voted, ...event.voterIds].sort() }));
    case 'ballot.closed':
      return updateBallot(state, event.ballotId, (b) => ({ ...b, status: 'closed', closedAt: event.at }));
    case 'ballot.published':
      return updateBallot(state, event.ballotId, (b) => ({ ...b, status: 'published', results: event.results }));
    case 'ballot.cancelled':
      return updateBallot(state, event.ballotId, (b) => ({ ...b, status: 'cancelled', closedAt: b.closedAt ?? event.at, cancelReason: event.reason }));
    case 'ballot.confirmed':
      return updateBallot(state, event.ballotId, (b) => ({ ...b, confirmations: [...b.confirmations, { participantId: event.participantId, at: event.at }] }));

    case 'committee.appointed':
      return { ...state, committee: event.committee };
    case 'review.selfSubmitted':
      return { ...state, selfAssessed: { ...state.selfAssessed, [event.participantId]: event.at } };
    case 'review.disclosed':
      return { ...state, disclosed: { ...state.disclosed, [event.participantId]: event.assessment } };

    case 'document.added':
    case 'document.replaced':
    case 'document.edited':
    case 'document.removed':
    case 'document.hidden':
      return evolveDocument(state, event);
  }
}

function updateBallot(state: MeetingState, ballotId: string, change: (ballot: Ballot) => Ballot): MeetingState {
  return { ...state, ballots: state.ballots.map((b) => (b.id === ballotId ? change(b) : b)) };
}

export function evolveAll(state: MeetingState, events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(evolve, state);
}
