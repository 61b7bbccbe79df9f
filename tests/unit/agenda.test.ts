import { describe, expect, it } from 'vitest';
import { MAX_AGENDA_ITEMS } from '../../shared/limits.js';
import { itemsOfDay } from '../../shared/meeting/agenda.js';
import { Command } from '../../shared/meeting/commands.js';
import { decide } from '../../shared/meeting/decide.js';
import { initialState } from '../../shared/meeting/state.js';
import { CoreDriver, runningMeeting, T0 } from '../helpers/coreDriver.js';
import { testDefinition } from '../helpers/definitions.js';

const statuses = (m: CoreDriver) => Object.fromEntries(m.state.agenda.map((i) => [i.id, i.status]));

describe('starting and finishing the meeting', () => {
  it('starts once, stamped with server time', () => {
    const m = new CoreDriver();
    expect(m.ok('chair', { type: 'meeting.start' })).toEqual([{ type: 'meeting.started', at: T0 }]);
    expect(m.state).toMatchObject({ status: 'running', startedAt: T0, endedAt: null });
    m.refuse('sec', { type: 'meeting.start' }, 'invalid-state');
  });

  it('cannot finish before it started', () => {
    new CoreDriver().refuse('chair', { type: 'meeting.finish' }, 'invalid-state');
  });

  it('finishing ends the running speech and the open item, then refuses agenda commands', () => {
    const m = runningMeeting();
    m.ok('m1', { type: 'queue.request', kind: 'speech' });
    m.ok('chair', { type: 'queue.give' });
    m.advance(90);
    expect(m.ok('chair', { type: 'meeting.finish' }).map((e) => e.type)).toEqual(['speech.ended', 'item.ended', 'meeting.finished']);
    expect(m.state).toMatchObject({ status: 'finished', endedAt: T0 + 90_000, activeItemId: null });
    expect(m.item('open')).toMatchObject({ status: 'done', endedAt: T0 + 90_000 });
    expect(m.item('open').queue.speeches).toEqual([{ participantId: 'm1', kind: 'speech', startedAt: T0, endedAt: T0 + 90_000, limitSec: 180 }]);
    for (const command of [{ type: 'agenda.next' }, { type: 'agenda.open', itemId: 'collective' }, { type: 'day.switch', day: 2 }] as const) {
      m.refuse('chair', command, 'invalid-state');
    }
    m.refuse('chair', { type: 'queue.request', kind: 'speech' }, 'invalid-state');
  });

  it('can resume after finishing (the second day), keeping the first start time', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'meeting.finish' });
    m.advance(3600);
    m.ok('chair', { type: 'meeting.start' });
    expect(m.state).toMatchObject({ status: 'running', startedAt: T0, endedAt: null });
  });
});

describe('opening items', () => {
  it('opening the first item starts the meeting and stamps the item', () => {
    const m = new CoreDriver();
    expect(m.ok('chair', { type: 'agenda.open', itemId: 'open' })).toEqual([
      { type: 'meeting.started', at: T0 },
      { type: 'item.started', itemId: 'open', at: T0 },
    ]);
    expect(m.state.activeItemId).toBe('open');
    expect(m.item('open')).toMatchObject({ status: 'active', startedAt: T0, endedAt: null });
  });

  it('opening another item closes the open one as done, with its end time', () => {
    const m = runningMeeting();
    m.advance(600);
    m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' });
    expect(m.item('open')).toMatchObject({ status: 'done', startedAt: T0, endedAt: T0 + 600_000 });
    expect(m.item('review-m1')).toMatchObject({ status: 'active', startedAt: T0 + 600_000 });
    expect(m.item('collective').status).toBe('pending');
  });

  it('refuses the item that is already open, and unknown items', () => {
    const m = runningMeeting();
    m.refuse('chair', { type: 'agenda.open', itemId: 'open' }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.open', itemId: 'nope' }, 'not-found');
  });

  it('reopening a finished item keeps its first start time', () => {
    const m = runningMeeting();
    m.advance(60);
    m.ok('chair', { type: 'agenda.open', itemId: 'collective' });
    m.advance(60);
    expect(m.ok('chair', { type: 'agenda.open', itemId: 'open' }).at(-1)).toEqual({ type: 'item.reopened', itemId: 'open' });
    expect(m.item('open')).toMatchObject({ status: 'active', startedAt: T0, endedAt: null });
  });

  it('opening a skipped item that never took place starts it, with its start time', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'agenda.skip', itemId: 'collective' });
    m.advance(120);
    expect(m.ok('chair', { type: 'agenda.open', itemId: 'collective' }).at(-1)).toEqual({ type: 'item.started', itemId: 'collective', at: T0 + 120_000 });
    expect(m.item('collective')).toMatchObject({ status: 'active', startedAt: T0 + 120_000, endedAt: null });
  });

  it('opening an item of another day switches to that day', () => {
    const m = runningMeeting();
    expect(m.ok('sec', { type: 'agenda.open', itemId: 'review-m2' }).map((e) => e.type)).toEqual(['item.ended', 'day.switched', 'item.started']);
    expect(m.state.currentDay).toBe(2);
  });
});

describe('next and previous', () => {
  it('next opens the first pending item of the day, then the following ones, skipping finished ones', () => {
    const m = new CoreDriver();
    m.ok('chair', { type: 'agenda.skip', itemId: 'collective' });
    m.ok('chair', { type: 'agenda.next' });
    expect(m.state.activeItemId).toBe('open');
    m.ok('chair', { type: 'agenda.next' });
    expect(m.state.activeItemId).toBe('review-m1');
    expect(statuses(m)).toMatchObject({ open: 'done', collective: 'skipped', 'review-m1': 'active' });
  });

  it('next does not cross into the next day', () => {
    const m = runningMeeting('review-m1');
    expect(m.refuse('chair', { type: 'agenda.next' }, 'invalid-state')).toMatch(/today/);
    m.ok('chair', { type: 'agenda.complete', itemId: 'review-m1' });
    m.ok('chair', { type: 'day.switch', day: 2 });
    m.ok('chair', { type: 'agenda.next' });
    expect(m.state.activeItemId).toBe('review-m2');
  });

  it('previous undoes an early "next": the item left goes back to pending, its start time kept', () => {
    const m = runningMeeting();
    m.advance(60);
    m.ok('chair', { type: 'agenda.next' });
    m.advance(30);
    m.ok('chair', { type: 'agenda.previous' });
    expect(m.state.activeItemId).toBe('open');
    expect(m.item('collective')).toMatchObject({ status: 'pending', startedAt: T0 + 60_000, endedAt: T0 + 90_000 });
    expect(m.item('open')).toMatchObject({ status: 'active', startedAt: T0, endedAt: null });
    // Going forward again reopens it rather than starting it anew.
    expect(m.ok('chair', { type: 'agenda.next' }).at(-1)).toEqual({ type: 'item.reopened', itemId: 'collective' });
    expect(m.item('collective').startedAt).toBe(T0 + 60_000);
  });

  it('previous passes over skipped items and stops at the first item of the day', () => {
    const m = new CoreDriver();
    m.ok('chair', { type: 'agenda.skip', itemId: 'collective' });
    m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' });
    m.ok('chair', { type: 'agenda.previous' });
    expect(m.state.activeItemId).toBe('open');
    m.refuse('chair', { type: 'agenda.previous' }, 'invalid-state');
  });

  it('previous with nothing open reopens the last item of the day', () => {
    const m = runningMeeting('review-m1');
    m.ok('chair', { type: 'agenda.complete', itemId: 'review-m1' });
    m.ok('chair', { type: 'agenda.previous' });
    expect(m.state.activeItemId).toBe('review-m1');
  });

  it('previous does not go back into the previous day', () => {
    const m = runningMeeting('review-m2');
    expect(m.state.currentDay).toBe(2);
    m.refuse('chair', { type: 'agenda.previous' }, 'invalid-state');
  });
});

describe('completing and skipping', () => {
  it('completes only the open item, recording its end', () => {
    const m = runningMeeting();
    m.refuse('chair', { type: 'agenda.complete', itemId: 'collective' }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.complete', itemId: 'nope' }, 'not-found');
    m.advance(300);
    expect(m.ok('chair', { type: 'agenda.complete', itemId: 'open' })).toEqual([{ type: 'item.ended', itemId: 'open', at: T0 + 300_000, status: 'done' }]);
    expect(m.state.activeItemId).toBeNull();
    // A second press (stale screen) is refused and changes nothing.
    m.refuse('chair', { type: 'agenda.complete', itemId: 'open' }, 'invalid-state');
  });

  it('skips a pending item without times, or the open one with its end', () => {
    const m = runningMeeting();
    expect(m.ok('chair', { type: 'agenda.skip', itemId: 'collective' })).toEqual([{ type: 'item.skipped', itemId: 'collective' }]);
    expect(m.item('collective')).toMatchObject({ status: 'skipped', startedAt: null, endedAt: null });
    m.advance(10);
    m.ok('chair', { type: 'agenda.skip', itemId: 'open' });
    expect(m.item('open')).toMatchObject({ status: 'skipped', startedAt: T0, endedAt: T0 + 10_000 });
    m.refuse('chair', { type: 'agenda.skip', itemId: 'open' }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.skip', itemId: 'collective' }, 'invalid-state');
  });

  it('completing the open item ends its running speech first', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'queue.give', participantId: 'm3' });
    expect(m.ok('chair', { type: 'agenda.complete', itemId: 'open' }).map((e) => e.type)).toEqual(['speech.ended', 'item.ended']);
    expect(m.item('open').queue.current).toBeNull();
  });
});

describe('editing the agenda live', () => {
  it('reorders with every item listed once, and only then', () => {
    const m = runningMeeting();
    const order = ['collective', 'open', 'review-m1', 'close', 'review-m2'];
    m.ok('chair', { type: 'agenda.reorder', itemIds: order });
    expect(m.state.agenda.map((i) => i.id)).toEqual(order);
    m.refuse('chair', { type: 'agenda.reorder', itemIds: order.slice(1) }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.reorder', itemIds: [...order, 'open'] }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.reorder', itemIds: [...order.slice(1), 'nope'] }, 'invalid-state');
    expect(itemsOfDay(m.state, 1).map((i) => i.id)).toEqual(['collective', 'open', 'review-m1']);
  });

  it('adds an item at the end of its day, or after a given item, with a fresh id', () => {
    const m = runningMeeting();
    const item = { day: 1, title: 'Thảo luận bổ sung', kind: 'discussion', plannedMinutes: 15 } as const;
    expect(m.ok('chair', { type: 'agenda.add', item })).toMatchObject([{ type: 'item.added', index: 3, item: { id: 'id-1', status: 'pending' } }]);
    m.ok('sec', { type: 'agenda.add', item: { ...item, title: 'Giải lao', speakingSeconds: 60 }, afterItemId: 'open' });
    expect(m.state.agenda.map((i) => i.id)).toEqual(['open', 'id-2', 'collective', 'review-m1', 'id-1', 'review-m2', 'close']);
    expect(m.item('id-1').queue.speakingSec).toBe(180);
    expect(m.item('id-2').queue.speakingSec).toBe(60);
    expect(m.state.activeItemId).toBe('open');
  });

  it('refuses an added item that names unknown people, days or positions', () => {
    const m = runningMeeting();
    const item = { day: 1, title: 'Kiểm điểm', kind: 'individual-review', plannedMinutes: 30 } as const;
    m.refuse('chair', { type: 'agenda.add', item: { ...item, subject: 'nobody' } }, 'not-found');
    m.refuse('chair', { type: 'agenda.add', item: { ...item, presenter: 'nobody' } }, 'not-found');
    m.refuse('chair', { type: 'agenda.add', item: { ...item, day: 3 } }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.add', item, afterItemId: 'nope' }, 'not-found');
  });

  it('stops adding at the size a definition may have', () => {
    const agenda = Array.from({ length: MAX_AGENDA_ITEMS }, (_, i) => ({ day: 1, title: `Mục ${i + 1}`, kind: 'discussion' as const, plannedMinutes: 5 }));
    const m = new CoreDriver(initialState('full', testDefinition({ agenda })));
    m.refuse('chair', { type: 'agenda.add', item: { day: 1, title: 'Thêm', kind: 'discussion', plannedMinutes: 5 } }, 'invalid-state');
    m.ok('chair', { type: 'agenda.remove', itemId: 'item-300' });
    m.ok('chair', { type: 'agenda.add', item: { day: 1, title: 'Thêm', kind: 'discussion', plannedMinutes: 5 } });
  });

  it('updates the fields of an item, including its speaking time', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'agenda.update', itemId: 'collective', changes: { title: 'Kiểm điểm tập thể Ban Thường vụ', plannedMinutes: 120, speakingSeconds: 240, day: 2 } });
    expect(m.item('collective')).toMatchObject({ title: 'Kiểm điểm tập thể Ban Thường vụ', plannedMinutes: 120, day: 2, queue: { speakingSec: 240 } });
    expect(m.item('collective')).not.toHaveProperty('speakingSeconds');
  });

  it('refuses empty, unknown and impossible updates', () => {
    const m = runningMeeting();
    m.refuse('chair', { type: 'agenda.update', itemId: 'collective', changes: {} }, 'invalid-payload');
    m.refuse('chair', { type: 'agenda.update', itemId: 'nope', changes: { title: 'x' } }, 'not-found');
    m.refuse('chair', { type: 'agenda.update', itemId: 'collective', changes: { subject: 'nobody' } }, 'not-found');
    m.refuse('chair', { type: 'agenda.update', itemId: 'collective', changes: { day: 5 } }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.update', itemId: 'open', changes: { day: 2 } }, 'invalid-state');
    m.ok('chair', { type: 'agenda.update', itemId: 'open', changes: { day: 1, plannedMinutes: 5 } });
  });

  it('removes only items that have not taken place', () => {
    const m = runningMeeting();
    m.refuse('chair', { type: 'agenda.remove', itemId: 'open' }, 'invalid-state');
    m.ok('chair', { type: 'agenda.next' });
    m.refuse('chair', { type: 'agenda.remove', itemId: 'open' }, 'invalid-state');
    m.refuse('chair', { type: 'agenda.remove', itemId: 'nope' }, 'not-found');
    m.advance(30);
    expect(m.ok('chair', { type: 'agenda.remove', itemId: 'close' })).toEqual([{ type: 'item.removed', itemId: 'close', at: m.now }]);
    expect(m.state.agenda.map((i) => i.id)).toEqual(['open', 'collective', 'review-m1', 'review-m2']);
    m.refuse('chair', { type: 'agenda.remove', itemId: 'close' }, 'not-found');
  });

  it('keeps a removed item as it was, off the agenda: its notes stay reachable and in the record', () => {
    const m = runningMeeting();
    const close = m.item('close');
    m.advance(30).ok('chair', { type: 'agenda.remove', itemId: 'close' });
    expect(m.state.removedItems).toEqual([{ ...close, removedAt: m.now }]);
    // Nothing on the agenda reaches it any more: it cannot be opened, updated, skipped or reordered in.
    m.refuse('chair', { type: 'agenda.open', itemId: 'close' }, 'not-found');
    m.refuse('chair', { type: 'agenda.update', itemId: 'close', changes: { title: 'x' } }, 'not-found');
    m.refuse('chair', { type: 'agenda.skip', itemId: 'close' }, 'not-found');
    m.refuse('chair', { type: 'agenda.reorder', itemIds: [...m.state.agenda.map((i) => i.id), 'close'] }, 'invalid-state');
  });

  it('keeps as many removed items as an agenda holds, and refuses to remove more', () => {
    const agenda = Array.from({ length: MAX_AGENDA_ITEMS }, (_, i) => ({ day: 1, title: `Mục ${i + 1}`, kind: 'discussion' as const, plannedMinutes: 5 }));
    const m = new CoreDriver(initialState('many', testDefinition({ agenda })));
    for (let i = 1; i <= MAX_AGENDA_ITEMS; i++) m.ok('chair', { type: 'agenda.remove', itemId: `item-${i}` });
    expect(m.state.removedItems).toHaveLength(MAX_AGENDA_ITEMS);
    m.ok('chair', { type: 'agenda.add', item: { day: 1, title: 'Thêm', kind: 'discussion', plannedMinutes: 5 } });
    m.refuse('chair', { type: 'agenda.remove', itemId: 'id-1' }, 'invalid-state');
    expect(m.state.agenda.map((i) => i.id)).toEqual(['id-1']);
  });

  it("never gives a new item a removed item's id, so a removed item's notes are never attached to another", () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'agenda.remove', itemId: 'close' });
    const add = Command.parse({ type: 'agenda.add', item: { day: 2, title: 'Bế mạc', kind: 'procedure', plannedMinutes: 10 } });
    for (const taken of ['close', 'open']) {
      const decision = decide(m.state, add, m.actor('chair'), { now: m.now, newId: () => taken });
      expect(decision, taken).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    }
    expect(decide(m.state, add, m.actor('chair'), { now: m.now, newId: () => 'close-2' })).toMatchObject({ ok: true });
  });
});

describe('switching day', () => {
  it('switches to an existing other day while no item is open', () => {
    const m = new CoreDriver();
    expect(m.ok('chair', { type: 'day.switch', day: 2 })).toEqual([{ type: 'day.switched', day: 2 }]);
    m.refuse('chair', { type: 'day.switch', day: 2 }, 'invalid-state');
    m.refuse('chair', { type: 'day.switch', day: 3 }, 'not-found');
    m.ok('sec', { type: 'day.switch', day: 1 });
    m.ok('chair', { type: 'agenda.next' });
    m.refuse('chair', { type: 'day.switch', day: 2 }, 'invalid-state');
  });
});

describe('who drives the agenda', () => {
  it('the secretary may, members, guests, observers and the screen may not', () => {
    const m = new CoreDriver();
    for (const who of ['m1', 'guest', 'obs', 'screen']) {
      m.refuse(who, { type: 'agenda.next' }, 'forbidden');
      m.refuse(who, { type: 'meeting.start' }, 'forbidden');
      m.refuse(who, { type: 'agenda.add', item: { day: 1, title: 'x', kind: 'discussion', plannedMinutes: 1 } }, 'forbidden');
    }
    m.ok('sec', { type: 'agenda.next' });
  });
});
