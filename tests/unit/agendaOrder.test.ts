import { describe, expect, it } from 'vitest';
import { decide } from '../../shared/meeting/decide.js';
import { isOutOfOrder, nextEffect, openingEffect, pendingPositions } from '../../shared/meeting/agendaOrder.js';
import { CoreDriver, runningMeeting } from '../helpers/coreDriver.js';

// The test agenda: day 1 "open", "collective", "review-m1"; day 2 "review-m2", "close".
describe('what opening an item does to the record, for the console to name first', () => {
  it('before the start, opening item 3 starts the meeting and passes over items 1–2', () => {
    const m = new CoreDriver();
    expect(openingEffect(m.state, 'review-m1')).toEqual({
      itemId: 'review-m1',
      day: 1,
      position: 3,
      startsMeeting: true,
      switchesDay: false,
      passedOver: [1, 2],
      closes: null,
    });
    // The start itself is out of order even at item 1: it goes on the record.
    expect(isOutOfOrder(openingEffect(m.state, 'open')!)).toBe(true);
    expect(nextEffect(m.state)).toMatchObject({ itemId: 'open', startsMeeting: true, passedOver: [] });
  });

  it('the next item in order asks nothing; skipping one ahead names it; the open item is closed', () => {
    const m = runningMeeting('open');
    expect(isOutOfOrder(openingEffect(m.state, 'collective')!)).toBe(false);
    expect(openingEffect(m.state, 'review-m1')).toMatchObject({ passedOver: [2], closes: 1, startsMeeting: false });
    expect(openingEffect(m.state, 'open')).toBeNull();
  });

  it('after starting at item 3, item 4 of the day is in order although items 1–2 were never held', () => {
    const m = runningMeeting('collective');
    m.ok('chair', { type: 'agenda.complete', itemId: 'collective' });
    expect(openingEffect(m.state, 'review-m1')).toMatchObject({ passedOver: [], closes: null });
    expect(isOutOfOrder(openingEffect(m.state, 'review-m1')!)).toBe(false);
    // Going back to an item never held is fine too: nothing lies between.
    expect(isOutOfOrder(openingEffect(m.state, 'open')!)).toBe(false);
  });

  it("another day's item switches the day; what the day leaves unheld is listed", () => {
    const m = runningMeeting('collective');
    expect(openingEffect(m.state, 'close')).toMatchObject({ day: 2, position: 2, switchesDay: true, passedOver: [1], closes: 2 });
    expect(pendingPositions(m.state, 1)).toEqual([1, 3]);
  });

  it('says exactly what the rules then do: the events match the effect', () => {
    const m = new CoreDriver();
    const effect = openingEffect(m.state, 'review-m1')!;
    const decision = decide(m.state, { type: 'agenda.open', itemId: 'review-m1' }, { participantId: 'chair', role: 'chair' }, { now: 1, newId: () => 'x' });
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['meeting.started', 'item.started']);
    expect(effect.startsMeeting).toBe(true);
  });
});

describe('refusals of the agenda and the floor carry a reason the console explains', () => {
  it('no item left today says which day, how many days, and whether one is open', () => {
    const m = runningMeeting('review-m1');
    const decision = m.decide('chair', { type: 'agenda.next' });
    expect(decision).toMatchObject({ ok: false, error: { code: 'invalid-state', reason: 'no-next-item', detail: { day: 1, days: 2, open: 1 } } });
    expect(m.decide('chair', { type: 'day.switch', day: 2 })).toMatchObject({ ok: false, error: { reason: 'close-item-first', detail: { day: 1, position: 3 } } });
    expect(m.decide('chair', { type: 'queue.give' })).toMatchObject({ ok: false, error: { reason: 'queue-empty' } });
  });
});
