import type { CommandOf } from './commands.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import type { MeetingEvent } from './events.js';
import { attends, manages, type Actor } from './roles.js';
import { activeItem, findParticipant, type AgendaItem, type FloorRequest, type ItemQueue, type MeetingState, type RequestKind } from './state.js';

export type QueueCommand = CommandOf<
  'queue.request' | 'queue.withdraw' | 'queue.give' | 'queue.end' | 'queue.extend' | 'queue.reorder' | 'queue.setOpen' | 'queue.setSpeakingTime'
>;

/** Points of order go ahead of everything else, in the order they were asked; the rest wait their turn. */
export function insertionIndex(requests: readonly FloorRequest[], kind: RequestKind): number {
  if (kind !== 'point-of-order') return requests.length;
  const firstOther = requests.findIndex((r) => r.kind !== 'point-of-order');
  return firstOther < 0 ? requests.length : firstOther;
}

/** 1-based place of a participant in the queue, or null when they are not waiting. */
export function positionOf(queue: ItemQueue, participantId: string): number | null {
  const i = queue.requests.findIndex((r) => r.participantId === participantId);
  return i < 0 ? null : i + 1;
}

function start(item: AgendaItem, participantId: string, kind: RequestKind, requestId: string | null, now: number): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  if (item.queue.current) events.push({ type: 'speech.ended', itemId: item.id, at: now });
  events.push({
    type: 'speech.started',
    itemId: item.id,
    requestId,
    speech: { participantId, kind, startedAt: now, limitSec: item.queue.speakingSec },
  });
  return events;
}

/**
 * Who may ask for the floor for whom: members and guests for themselves, the presidium for anyone.
 * A reply answers what was said about the member under review: nobody else has one, whoever files it.
 */
export function mayRequestFloor(actor: Actor, command: CommandOf<'queue.request'>, state: MeetingState): boolean {
  const participantId = command.participantId ?? actor.participantId;
  if (participantId !== actor.participantId && !manages(actor.role)) return false;
  return command.kind !== 'reply' || activeItem(state)?.subject === participantId;
}

/** Members and guests withdraw only their own requests; the presidium any. */
export function mayWithdraw(actor: Actor, command: CommandOf<'queue.withdraw'>, state: MeetingState): boolean {
  if (manages(actor.role)) return true;
  const request = activeItem(state)?.queue.requests.find((r) => r.id === command.requestId);
  // An unknown request is reported as not-found by `decideQueue`, not hidden behind a permission error.
  return request === undefined || request.participantId === actor.participantId;
}

export function decideQueue(state: MeetingState, command: QueueCommand, actor: Actor, { now, newId }: DecideContext): Decision {
  if (state.status !== 'running') return reject('invalid-state', 'the meeting is not in session', 'not-in-session');
  const item = activeItem(state);
  if (!item) return reject('invalid-state', 'no agenda item is open', 'no-open-item');
  if (command.itemId !== undefined && command.itemId !== item.id) {
    return reject('invalid-state', 'that item is no longer the open one', 'item-no-longer-open');
  }
  const { queue } = item;

  switch (command.type) {
    case 'queue.request': {
      const participantId = command.participantId ?? actor.participantId;
      const who = findParticipant(state, participantId);
      if (!who) return reject('not-found', `no participant ${participantId}`);
      if (!attends(who.role)) return reject('invalid-state', `${who.name} cannot take the floor`, 'cannot-take-floor');
      const onBehalf = participantId !== actor.participantId;
      if (!queue.open && !onBehalf && !manages(actor.role)) {
        return reject('invalid-state', 'the list of speakers is closed', 'list-closed');
      }
      if (queue.requests.some((r) => r.participantId === participantId && r.kind === command.kind)) {
        return reject('invalid-state', 'already waiting for the floor', 'already-queued');
      }
      const request: FloorRequest = {
        id: newId(),
        participantId,
        kind: command.kind,
        requestedAt: now,
        addedBy: onBehalf ? actor.participantId : null,
      };
      return accept({ type: 'floor.requested', itemId: item.id, request, index: insertionIndex(queue.requests, command.kind) });
    }

    case 'queue.withdraw':
      if (!queue.requests.some((r) => r.id === command.requestId)) return reject('not-found', 'that request is no longer in the queue');
      return accept({ type: 'floor.withdrawn', itemId: item.id, requestId: command.requestId });

    case 'queue.give': {
      if (command.requestId !== undefined) {
        const request = queue.requests.find((r) => r.id === command.requestId);
        if (!request) return reject('not-found', 'that request is no longer in the queue');
        return accept(...start(item, request.participantId, request.kind, request.id, now));
      }
      if (command.participantId !== undefined) {
        const who = findParticipant(state, command.participantId);
        if (!who || !attends(who.role)) return reject('not-found', `no speaker ${command.participantId}`);
        const waiting = queue.requests.find((r) => r.participantId === who.id);
        return accept(...start(item, who.id, waiting?.kind ?? 'speech', waiting?.id ?? null, now));
      }
      const next = queue.requests[0];
      if (!next) return reject('invalid-state', 'nobody is waiting for the floor', 'queue-empty');
      return accept(...start(item, next.participantId, next.kind, next.id, now));
    }

    case 'queue.end':
    case 'queue.extend': {
      if (!queue.current) return reject('invalid-state', 'nobody has the floor', 'nobody-speaking');
      // The chair and the secretary both run the queue: one may have moved on while the other pressed.
      if (command.participantId !== undefined && command.participantId !== queue.current.participantId) {
        return reject('invalid-state', 'that speech has already ended', 'speech-already-ended');
      }
      return command.type === 'queue.end'
        ? accept({ type: 'speech.ended', itemId: item.id, at: now })
        : accept({ type: 'speech.extended', itemId: item.id, seconds: command.seconds });
    }

    case 'queue.reorder': {
      const ids = new Set(command.requestIds);
      const same = ids.size === queue.requests.length && command.requestIds.length === ids.size && queue.requests.every((r) => ids.has(r.id));
      return same
        ? accept({ type: 'queue.reordered', itemId: item.id, requestIds: command.requestIds })
        : reject('invalid-state', 'the queue has changed; the new order must list every waiting request once', 'queue-changed');
    }

    case 'queue.setOpen':
      if (queue.open === command.open)
        return reject('invalid-state', command.open ? 'the list is already open' : 'the list is already closed', 'list-unchanged', { open: command.open ? 1 : 0 });
      return accept({ type: 'queue.openSet', itemId: item.id, open: command.open });

    case 'queue.setSpeakingTime':
      return accept({ type: 'queue.speakingTimeSet', itemId: item.id, seconds: command.seconds });
  }
}
