import { describe, expect, it } from 'vitest';
import type { MeetingEventType } from '../../shared/meeting/events.js';
import { evolve, evolveAll } from '../../shared/meeting/evolve.js';
import { CoreDriver, deepFreeze, runningMeeting } from '../helpers/coreDriver.js';

/** A day of meeting that produces every event of the agenda, queue, attendance, announcement and screen. */
function busyMeeting(): CoreDriver {
  const m = new CoreDriver();
  m.ok('m1', { type: 'attendance.checkIn' });
  m.ok('chair', { type: 'agenda.open', itemId: 'open' });
  m.ok('m1', { type: 'queue.request', kind: 'speech' });
  m.ok('m2', { type: 'queue.request', kind: 'speech' });
  m.ok('m3', { type: 'queue.request', kind: 'point-of-order' });
  m.ok('m2', { type: 'queue.withdraw', requestId: 'id-2' });
  m.ok('chair', { type: 'queue.reorder', requestIds: ['id-1', 'id-3'] });
  m.ok('chair', { type: 'queue.setSpeakingTime', seconds: 120 });
  m.advance(10).ok('chair', { type: 'queue.give' });
  m.advance(100).ok('chair', { type: 'queue.extend', seconds: 60 });
  m.advance(50).ok('chair', { type: 'queue.end' });
  m.ok('chair', { type: 'queue.setOpen', open: false });
  m.ok('chair', { type: 'announcement.post', text: 'Nghỉ giải lao 15 phút', countdownSec: 900 });
  m.advance(900).ok('chair', { type: 'announcement.clear' });
  m.ok('chair', { type: 'screen.show', show: 'notes' });
  m.ok('chair', { type: 'agenda.add', item: { day: 1, title: 'Thảo luận thêm', kind: 'discussion', plannedMinutes: 20 } });
  m.ok('chair', { type: 'agenda.update', itemId: 'collective', changes: { plannedMinutes: 80 } });
  m.ok('chair', { type: 'agenda.reorder', itemIds: ['open', 'review-m1', 'collective', 'id-4', 'review-m2', 'close'] });
  m.ok('chair', { type: 'agenda.remove', itemId: 'id-4' });
  m.ok('chair', { type: 'agenda.skip', itemId: 'collective' });
  m.advance(60).ok('chair', { type: 'agenda.next' });
  m.ok('chair', { type: 'agenda.previous' });
  m.ok('chair', { type: 'agenda.complete', itemId: 'open' });
  m.ok('chair', { type: 'day.switch', day: 2 });
  m.ok('chair', { type: 'link.reissue', participantId: 'm4' });
  m.ok('sec', { type: 'meeting.finish' });
  return m;
}

const NON_BALLOT_EVENTS: MeetingEventType[] = [
  'meeting.started',
  'meeting.finished',
  'day.switched',
  'item.started',
  'item.reopened',
  'item.ended',
  'item.skipped',
  'item.added',
  'item.updated',
  'item.removed',
  'agenda.reordered',
  'floor.requested',
  'floor.withdrawn',
  'speech.started',
  'speech.ended',
  'speech.extended',
  'queue.reordered',
  'queue.openSet',
  'queue.speakingTimeSet',
  'attendance.marked',
  'announcement.posted',
  'announcement.cleared',
  'link.reissued',
  'screen.shown',
];

describe('evolve', () => {
  it('the busy meeting covers every non-ballot event', () => {
    expect([...new Set(busyMeeting().log.map((e) => e.type))].sort()).toEqual([...NON_BALLOT_EVENTS].sort());
  });

  it('replaying the recorded events gives the same state, also after a JSON round trip (store, wire)', () => {
    const m = busyMeeting();
    expect(evolveAll(m.initial, m.log)).toEqual(m.state);
    const stored = JSON.parse(JSON.stringify(m.log)) as typeof m.log;
    expect(evolveAll(m.initial, stored)).toEqual(JSON.parse(JSON.stringify(m.state)));
  });

  it('applying the events one at a time equals applying them as one batch', () => {
    const m = busyMeeting();
    let state = m.initial;
    for (const event of m.log) state = evolve(state, event);
    expect(state).toEqual(m.state);
  });

  it('never changes the state it is given', () => {
    const m = busyMeeting();
    const frozen = deepFreeze(structuredClone(m.initial));
    expect(() => evolveAll(frozen, m.log)).not.toThrow();
  });

  it('ending a speech when none runs changes nothing', () => {
    const { state } = runningMeeting();
    expect(evolve(state, { type: 'speech.ended', itemId: 'open', at: 1 }).agenda).toEqual(state.agenda);
    expect(evolve(state, { type: 'speech.extended', itemId: 'open', seconds: 30 }).agenda).toEqual(state.agenda);
  });

  it('ending an item that is not the open one leaves the open one open', () => {
    const { state } = runningMeeting();
    const next = evolve(state, { type: 'item.ended', itemId: 'collective', at: 1, status: 'done' });
    expect(next.activeItemId).toBe('open');
    expect(next.agenda.find((i) => i.id === 'collective')).toMatchObject({ status: 'done', endedAt: 1 });
  });

  it('a reissued link changes nothing in the state but leaves a notice for the room and the member', () => {
    const { state } = runningMeeting();
    const after = evolve(state, { type: 'link.reissued', participantId: 'm1', at: 1 });
    expect({ ...after, notices: state.notices }).toEqual(state);
    expect(after.notices).toEqual([...(state.notices ?? []), { kind: 'link-reissued', at: 1, participantId: 'm1', ballotId: null }]);
  });
});
