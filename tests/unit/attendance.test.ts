import { describe, expect, it } from 'vitest';
import { attendanceOf, quorum } from '../../shared/meeting/attendance.js';
import { initialState } from '../../shared/meeting/state.js';
import { CoreDriver } from '../helpers/coreDriver.js';
import { testDefinition } from '../helpers/definitions.js';

describe('checking in and marking presence', () => {
  it('everyone starts absent; checking in makes the sender present, once', () => {
    const m = new CoreDriver();
    expect(attendanceOf(m.state, 'm1')).toBe('absent');
    expect(m.ok('m1', { type: 'attendance.checkIn' })).toEqual([{ type: 'attendance.marked', participantId: 'm1', status: 'present', at: expect.any(Number) }]);
    expect(attendanceOf(m.state, 'm1')).toBe('present');
    // A tablet checks in again on every reconnect: accepted, and nothing to record.
    expect(m.ok('m1', { type: 'attendance.checkIn' })).toEqual([]);
    m.ok('guest', { type: 'attendance.checkIn' });
    m.ok('sec', { type: 'attendance.checkIn' });
    expect(m.state.attendance).toEqual({ m1: 'present', guest: 'present', sec: 'present' });
  });

  it('observers and screens neither check in nor can be marked', () => {
    const m = new CoreDriver();
    m.refuse('obs', { type: 'attendance.checkIn' }, 'forbidden');
    m.refuse('screen', { type: 'attendance.checkIn' }, 'forbidden');
    m.refuse('chair', { type: 'attendance.mark', participantId: 'obs', status: 'present' }, 'invalid-state');
    m.refuse('chair', { type: 'attendance.mark', participantId: 'screen', status: 'present' }, 'invalid-state');
    m.refuse('chair', { type: 'attendance.mark', participantId: 'nobody', status: 'present' }, 'not-found');
  });

  it('the chair and the secretary mark anyone present, absent or excused; members cannot', () => {
    const m = new CoreDriver();
    m.ok('chair', { type: 'attendance.mark', participantId: 'm2', status: 'present' });
    m.ok('sec', { type: 'attendance.mark', participantId: 'm3', status: 'excused' });
    m.ok('chair', { type: 'attendance.mark', participantId: 'm2', status: 'absent' });
    expect(m.ok('chair', { type: 'attendance.mark', participantId: 'm2', status: 'absent' })).toEqual([]);
    expect(m.state.attendance).toEqual({ m2: 'absent', m3: 'excused' });
    m.refuse('m1', { type: 'attendance.mark', participantId: 'm1', status: 'present' }, 'forbidden');
    m.refuse('guest', { type: 'attendance.mark', participantId: 'guest', status: 'present' }, 'forbidden');
  });

  it('works before the meeting starts and after it finished', () => {
    const m = new CoreDriver();
    m.ok('m4', { type: 'attendance.checkIn' });
    m.ok('chair', { type: 'meeting.start' });
    m.ok('chair', { type: 'meeting.finish' });
    m.ok('chair', { type: 'attendance.mark', participantId: 'm4', status: 'absent' });
  });
});

describe('quorum', () => {
  const present = (m: CoreDriver, ids: string[]) => ids.forEach((id) => m.ok('chair', { type: 'attendance.mark', participantId: id, status: 'present' }));

  it('counts present members against all members, at two thirds by default', () => {
    const m = new CoreDriver();
    // Members: the chair and m1..m4 (the secretary and the guest are not members of the body).
    expect(quorum(m.state)).toEqual({ present: 0, members: 5, required: 4, met: false });
    present(m, ['sec', 'guest', 'chair', 'm1', 'm2']);
    expect(quorum(m.state)).toEqual({ present: 3, members: 5, required: 4, met: false });
    present(m, ['m3']);
    expect(quorum(m.state)).toEqual({ present: 4, members: 5, required: 4, met: true });
  });

  it('excused and absent members do not count', () => {
    const m = new CoreDriver();
    present(m, ['chair', 'm1', 'm2', 'm3']);
    m.ok('sec', { type: 'attendance.mark', participantId: 'm3', status: 'excused' });
    expect(quorum(m.state)).toMatchObject({ present: 3, met: false });
  });

  it('follows the meeting’s fraction and who is declared a member', () => {
    const def = testDefinition({ quorum: [1, 2] });
    def.participants.find((p) => p.id === 'sec')!.member = true;
    const m = new CoreDriver(initialState('q', def));
    expect(quorum(m.state)).toMatchObject({ members: 6, required: 3 });
    present(m, ['sec', 'm1']);
    expect(quorum(m.state)).toMatchObject({ present: 2, met: false });
    present(m, ['m4']);
    expect(quorum(m.state)).toMatchObject({ present: 3, met: true });
  });

  it('rounds the required number up: 2/3 of 4 members is 3', () => {
    const def = testDefinition();
    def.participants = def.participants.filter((p) => p.id !== 'm4');
    expect(quorum(initialState('q', def))).toMatchObject({ members: 4, required: 3 });
  });

  it('is never met without members', () => {
    const def = testDefinition();
    def.participants = def.participants.map((p) => ({ ...p, member: false }));
    expect(quorum(initialState('q', def))).toEqual({ present: 0, members: 0, required: 0, met: false });
  });
});
