import { describe, expect, it } from 'vitest';
import { initialState, type MeetingState } from '../../shared/meeting/state.js';
import { colorOf } from '../../client/src/notes/colors.js';
import { defaultNotesItem, itemsByDay } from '../../client/src/notes/items.js';
import { testDefinition } from '../helpers/definitions.js';

function meeting(change: (s: MeetingState) => MeetingState = (s) => s): MeetingState {
  return change(initialState('m-1', testDefinition()));
}

const withItem = (s: MeetingState, id: string, fields: Partial<MeetingState['agenda'][number]>): MeetingState => ({
  ...s,
  agenda: s.agenda.map((i) => (i.id === id ? { ...i, ...fields } : i)),
});

describe('which notes a panel opens by itself', () => {
  it('the item under discussion', () => {
    const s = meeting((m) => withItem({ ...m, activeItemId: 'review-m1', status: 'running' }, 'review-m1', { status: 'active', startedAt: 1 }));
    expect(defaultNotesItem(s)?.id).toBe('review-m1');
  });

  it('between items, the one that ended last, so people can finish writing', () => {
    let s = meeting((m) => ({ ...m, status: 'running' }));
    s = withItem(s, 'open', { status: 'done', startedAt: 1, endedAt: 10 });
    s = withItem(s, 'collective', { status: 'done', startedAt: 10, endedAt: 50 });
    s = withItem(s, 'review-m1', { status: 'skipped', startedAt: null, endedAt: 20 });
    expect(defaultNotesItem(s)?.id).toBe('collective');
  });

  it('before the meeting, the first item of the current day; none without an agenda', () => {
    expect(defaultNotesItem(meeting())?.id).toBe('open');
    expect(defaultNotesItem(meeting((m) => ({ ...m, currentDay: 2 })))?.id).toBe('review-m2');
    expect(defaultNotesItem(meeting((m) => ({ ...m, agenda: [] })))).toBeNull();
  });

  it('the picker lists every item by day, days without items left out', () => {
    const groups = itemsByDay(meeting((m) => ({ ...m, days: [...m.days, '2024-12-28'] })));
    expect(groups.map((g) => [g.day, g.date, g.items.map((i) => i.id)])).toEqual([
      [1, '2024-12-26', ['open', 'collective', 'review-m1']],
      [2, '2024-12-27', ['review-m2', 'close']],
    ]);
  });
});

describe('items removed from the agenda', () => {
  it('are neither opened by default nor offered by the picker, whatever their times say', () => {
    const removed = meeting();
    const close = { ...removed.agenda.find((i) => i.id === 'close')!, endedAt: 99, removedAt: 100 };
    const s = { ...removed, agenda: removed.agenda.filter((i) => i.id !== 'close'), removedItems: [close] };
    expect(defaultNotesItem(s)?.id).toBe('open');
    expect(itemsByDay(s).flatMap((g) => g.items.map((i) => i.id))).not.toContain('close');
    // Everything removed, nothing left: no item, and no crash.
    expect(defaultNotesItem({ ...s, agenda: [], removedItems: removed.agenda.map((i) => ({ ...i, removedAt: 1 })) })).toBeNull();
  });
});

describe('caret colours', () => {
  it('are the same for a participant everywhere, and in the #RRGGBB form the caret extension accepts', () => {
    const ids = ['chair', 'sec', 'm1', 'm2', 'm3', 'm4', 'guest', 'obs', 'screen'];
    for (const id of ids) {
      expect(colorOf(id)).toMatch(/^#[0-9a-f]{6}$/);
      expect(colorOf(id)).toBe(colorOf(id));
    }
    // Not all alike: a handful of people get several colours.
    expect(new Set(ids.map(colorOf)).size).toBeGreaterThan(4);
  });
});
