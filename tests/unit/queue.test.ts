import { describe, expect, it } from 'vitest';
import { insertionIndex, positionOf } from '../../shared/meeting/queue.js';
import { CoreDriver, runningMeeting, T0 } from '../helpers/coreDriver.js';

describe('the queue needs a meeting in session and an open item', () => {
  it('refuses queue commands before the meeting starts and when no item is open', () => {
    const m = new CoreDriver();
    m.refuse('m1', { type: 'queue.request', kind: 'speech' }, 'invalid-state');
    m.ok('chair', { type: 'meeting.start' });
    m.refuse('m1', { type: 'queue.request', kind: 'speech' }, 'invalid-state');
    m.refuse('chair', { type: 'queue.give' }, 'invalid-state');
  });

  it('refuses commands aimed at an item that is no longer the open one', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'agenda.next' });
    m.refuse('m1', { type: 'queue.request', kind: 'speech', itemId: 'open' }, 'invalid-state');
    m.ok('m1', { type: 'queue.request', kind: 'speech', itemId: 'collective' });
  });
});

describe('asking for the floor', () => {
  it('queues a speech, stamped, with the asker’s position', () => {
    const m = runningMeeting();
    m.advance(5);
    expect(m.ok('m1', { type: 'queue.request', kind: 'speech' })).toEqual([
      {
        type: 'floor.requested',
        itemId: 'open',
        index: 0,
        request: { id: 'id-1', participantId: 'm1', kind: 'speech', requestedAt: T0 + 5000, addedBy: null },
      },
    ]);
    m.ok('guest', { type: 'queue.request', kind: 'speech' });
    const { queue } = m.item('open');
    expect(positionOf(queue, 'm1')).toBe(1);
    expect(positionOf(queue, 'guest')).toBe(2);
    expect(positionOf(queue, 'm2')).toBeNull();
  });

  it('puts points of order ahead of speeches, in the order they were raised', () => {
    const m = runningMeeting();
    m.ok('m1', { type: 'queue.request', kind: 'speech' });
    m.ok('m2', { type: 'queue.request', kind: 'speech' });
    m.ok('m3', { type: 'queue.request', kind: 'point-of-order' });
    m.ok('guest', { type: 'queue.request', kind: 'point-of-order' });
    m.ok('m4', { type: 'queue.request', kind: 'speech' });
    expect(m.waiting()).toEqual(['m3:point-of-order', 'guest:point-of-order', 'm1:speech', 'm2:speech', 'm4:speech']);
    expect(insertionIndex([], 'point-of-order')).toBe(0);
  });

  it('lets one person wait once per kind', () => {
    const m = runningMeeting();
    m.ok('m1', { type: 'queue.request', kind: 'speech' });
    m.refuse('m1', { type: 'queue.request', kind: 'speech' }, 'invalid-state');
    m.ok('m1', { type: 'queue.request', kind: 'point-of-order' });
    expect(m.waiting()).toEqual(['m1:point-of-order', 'm1:speech']);
  });

  it('gives a reply only to the member under review', () => {
    const m = runningMeeting('review-m1');
    m.refuse('m2', { type: 'queue.request', kind: 'reply' }, 'forbidden');
    m.refuse('guest', { type: 'queue.request', kind: 'reply' }, 'forbidden');
    m.ok('m1', { type: 'queue.request', kind: 'reply' });
    expect(m.waiting()).toEqual(['m1:reply']);
  });

  // The reply rule is a permission (`mayRequestFloor`), so the chair's refusals are `forbidden` too
  // (they were `invalid-state` while queue.ts repeated the rule; docs/PROTOCOL.md, "Permissions").
  it('refuses a reply on someone’s behalf unless they are under review', () => {
    const m = runningMeeting('review-m1');
    m.refuse('chair', { type: 'queue.request', kind: 'reply', participantId: 'm2' }, 'forbidden');
    m.refuse('chair', { type: 'queue.request', kind: 'reply' }, 'forbidden');
    m.ok('sec', { type: 'queue.request', kind: 'reply', participantId: 'm1' });
    m.ok('chair', { type: 'agenda.open', itemId: 'collective' });
    m.refuse('chair', { type: 'queue.request', kind: 'reply', participantId: 'm1' }, 'forbidden');
  });

  it('lets the chair and the secretary add someone on their behalf, and nobody else', () => {
    const m = runningMeeting();
    expect(m.ok('sec', { type: 'queue.request', kind: 'speech', participantId: 'm3' })[0]).toMatchObject({ request: { participantId: 'm3', addedBy: 'sec' } });
    m.ok('chair', { type: 'queue.request', kind: 'speech', participantId: 'guest' });
    m.refuse('m1', { type: 'queue.request', kind: 'speech', participantId: 'm2' }, 'forbidden');
    m.refuse('chair', { type: 'queue.request', kind: 'speech', participantId: 'obs' }, 'invalid-state');
    m.refuse('chair', { type: 'queue.request', kind: 'speech', participantId: 'screen' }, 'invalid-state');
    m.refuse('chair', { type: 'queue.request', kind: 'speech', participantId: 'nobody' }, 'not-found');
    // Naming oneself is not "on behalf".
    expect(m.ok('m1', { type: 'queue.request', kind: 'speech', participantId: 'm1' })[0]).toMatchObject({ request: { addedBy: null } });
  });

  it('a closed list refuses members and guests, not the chair’s additions', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'queue.setOpen', open: false });
    m.refuse('m1', { type: 'queue.request', kind: 'speech' }, 'invalid-state');
    m.refuse('guest', { type: 'queue.request', kind: 'point-of-order' }, 'invalid-state');
    m.ok('chair', { type: 'queue.request', kind: 'speech', participantId: 'm1' });
    m.ok('sec', { type: 'queue.request', kind: 'speech' });
    m.ok('chair', { type: 'queue.setOpen', open: true });
    m.ok('m2', { type: 'queue.request', kind: 'speech' });
  });
});

describe('withdrawing', () => {
  it('withdraws one’s own request; a second withdrawal is stale', () => {
    const m = runningMeeting();
    m.ok('m1', { type: 'queue.request', kind: 'speech' });
    m.ok('m1', { type: 'queue.withdraw', requestId: 'id-1' });
    expect(m.waiting()).toEqual([]);
    m.refuse('m1', { type: 'queue.withdraw', requestId: 'id-1' }, 'not-found');
  });

  it('members cannot withdraw others’ requests; the chair and secretary can', () => {
    const m = runningMeeting();
    m.ok('m1', { type: 'queue.request', kind: 'speech' });
    m.ok('m2', { type: 'queue.request', kind: 'speech' });
    m.refuse('m2', { type: 'queue.withdraw', requestId: 'id-1' }, 'forbidden');
    m.refuse('guest', { type: 'queue.withdraw', requestId: 'id-1' }, 'forbidden');
    m.ok('sec', { type: 'queue.withdraw', requestId: 'id-1' });
    m.ok('chair', { type: 'queue.withdraw', requestId: 'id-2' });
    expect(m.waiting()).toEqual([]);
  });
});

describe('giving the floor', () => {
  function withQueue() {
    const m = runningMeeting();
    m.ok('m1', { type: 'queue.request', kind: 'speech' }); // id-1
    m.ok('m2', { type: 'queue.request', kind: 'speech' }); // id-2
    m.ok('guest', { type: 'queue.request', kind: 'point-of-order' }); // id-3
    return m;
  }

  it('gives the next: the first waiting, with the item’s speaking time, stamped', () => {
    const m = withQueue();
    m.advance(20);
    expect(m.ok('chair', { type: 'queue.give' })).toEqual([
      {
        type: 'speech.started',
        itemId: 'open',
        requestId: 'id-3',
        speech: { participantId: 'guest', kind: 'point-of-order', startedAt: T0 + 20_000, limitSec: 180 },
      },
    ]);
    expect(m.waiting()).toEqual(['m1:speech', 'm2:speech']);
  });

  it('gives a chosen request out of order; a request already served is stale', () => {
    const m = withQueue();
    m.ok('sec', { type: 'queue.give', requestId: 'id-2' });
    expect(m.item('open').queue.current?.participantId).toBe('m2');
    m.refuse('chair', { type: 'queue.give', requestId: 'id-2' }, 'not-found');
    expect(m.waiting()).toEqual(['guest:point-of-order', 'm1:speech']);
  });

  it('gives the floor to someone not in the queue, or takes their waiting request', () => {
    const m = withQueue();
    expect(m.ok('chair', { type: 'queue.give', participantId: 'm4' }).at(-1)).toMatchObject({ requestId: null, speech: { participantId: 'm4', kind: 'speech' } });
    expect(m.ok('chair', { type: 'queue.give', participantId: 'm1' }).at(-1)).toMatchObject({ requestId: 'id-1' });
    expect(m.waiting()).toEqual(['guest:point-of-order', 'm2:speech']);
    m.refuse('chair', { type: 'queue.give', participantId: 'obs' }, 'not-found');
    m.refuse('chair', { type: 'queue.give', participantId: 'nobody' }, 'not-found');
  });

  it('giving the floor ends the running speech and records it', () => {
    const m = withQueue();
    m.ok('chair', { type: 'queue.give' });
    m.advance(75);
    expect(m.ok('chair', { type: 'queue.give' }).map((e) => e.type)).toEqual(['speech.ended', 'speech.started']);
    expect(m.item('open').queue.speeches).toEqual([{ participantId: 'guest', kind: 'point-of-order', startedAt: T0, endedAt: T0 + 75_000, limitSec: 180 }]);
    expect(m.item('open').queue.current).toMatchObject({ participantId: 'm1', startedAt: T0 + 75_000 });
  });

  it('refuses "next" when nobody waits', () => {
    runningMeeting().refuse('chair', { type: 'queue.give' }, 'invalid-state');
  });

  it('members and guests cannot give the floor', () => {
    const m = withQueue();
    m.refuse('m1', { type: 'queue.give' }, 'forbidden');
    m.refuse('guest', { type: 'queue.give', participantId: 'guest' }, 'forbidden');
  });
});

describe('the running speech', () => {
  function speaking() {
    const m = runningMeeting();
    m.ok('chair', { type: 'queue.give', participantId: 'm1' });
    return m;
  }

  it('ends with its duration recorded; ending it again is stale', () => {
    const m = speaking();
    m.advance(200);
    expect(m.ok('chair', { type: 'queue.end' })).toEqual([{ type: 'speech.ended', itemId: 'open', at: T0 + 200_000 }]);
    expect(m.item('open').queue).toMatchObject({ current: null, speeches: [{ participantId: 'm1', endedAt: T0 + 200_000 }] });
    m.refuse('chair', { type: 'queue.end' }, 'invalid-state');
  });

  it('refuses to end or extend a speech that is no longer the current one', () => {
    const m = speaking();
    m.ok('sec', { type: 'queue.give', participantId: 'm2' });
    // The chair's screen still showed m1 speaking.
    m.refuse('chair', { type: 'queue.end', participantId: 'm1' }, 'invalid-state');
    m.refuse('chair', { type: 'queue.extend', seconds: 60, participantId: 'm1' }, 'invalid-state');
    m.ok('chair', { type: 'queue.extend', seconds: 60, participantId: 'm2' });
    m.ok('chair', { type: 'queue.end', participantId: 'm2' });
    m.refuse('chair', { type: 'queue.end', participantId: 'm2' }, 'invalid-state');
  });

  it('extends the limit, cumulatively; nothing to extend when nobody speaks', () => {
    const m = speaking();
    m.ok('chair', { type: 'queue.extend', seconds: 60 });
    m.ok('sec', { type: 'queue.extend', seconds: 30 });
    expect(m.item('open').queue.current?.limitSec).toBe(270);
    m.ok('chair', { type: 'queue.end' });
    m.refuse('chair', { type: 'queue.extend', seconds: 60 }, 'invalid-state');
  });

  it('the item’s speaking time applies to the next speeches, not the running one', () => {
    const m = speaking();
    m.ok('chair', { type: 'queue.setSpeakingTime', seconds: 120 });
    expect(m.item('open').queue).toMatchObject({ speakingSec: 120, current: { limitSec: 180 } });
    m.ok('chair', { type: 'queue.give', participantId: 'm2' });
    expect(m.item('open').queue.current?.limitSec).toBe(120);
  });

  it('closing the item ends the speech', () => {
    const m = speaking();
    m.advance(30);
    m.ok('chair', { type: 'agenda.next' });
    expect(m.item('open').queue).toMatchObject({ current: null, speeches: [{ participantId: 'm1', endedAt: T0 + 30_000 }] });
  });
});

describe('managing the list', () => {
  it('reorders with every waiting request listed once; a stale order is refused', () => {
    const m = runningMeeting();
    for (const who of ['m1', 'm2', 'm3']) m.ok(who, { type: 'queue.request', kind: 'speech' });
    m.ok('chair', { type: 'queue.reorder', requestIds: ['id-3', 'id-1', 'id-2'] });
    expect(m.waiting()).toEqual(['m3:speech', 'm1:speech', 'm2:speech']);
    m.ok('m1', { type: 'queue.withdraw', requestId: 'id-1' });
    m.refuse('chair', { type: 'queue.reorder', requestIds: ['id-1', 'id-2', 'id-3'] }, 'invalid-state');
    m.refuse('chair', { type: 'queue.reorder', requestIds: ['id-2', 'id-2'] }, 'invalid-state');
    m.refuse('m2', { type: 'queue.reorder', requestIds: ['id-2', 'id-3'] }, 'forbidden');
  });

  it('opens and closes the list; the same state twice is refused', () => {
    const m = runningMeeting();
    m.refuse('chair', { type: 'queue.setOpen', open: true }, 'invalid-state');
    m.ok('chair', { type: 'queue.setOpen', open: false });
    expect(m.item('open').queue.open).toBe(false);
    m.refuse('sec', { type: 'queue.setOpen', open: false }, 'invalid-state');
    m.refuse('m1', { type: 'queue.setOpen', open: true }, 'forbidden');
  });

  it('keeps each item’s queue with its item', () => {
    const m = runningMeeting();
    m.ok('m1', { type: 'queue.request', kind: 'speech' });
    m.ok('chair', { type: 'agenda.next' });
    m.ok('m2', { type: 'queue.request', kind: 'speech' });
    expect(m.waiting('open')).toEqual(['m1:speech']);
    expect(m.waiting('collective')).toEqual(['m2:speech']);
  });
});
