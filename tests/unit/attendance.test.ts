import { describe, expect, it } from 'vitest';
import { attendanceOf, countMarked, decideConsoleCheckIn, markOf, quorum } from '../../shared/meeting/attendance.js';
import { entryFor } from '../../shared/meeting/registry.js';
import { initialState } from '../../shared/meeting/state.js';
import { statuses } from '../helpers/attendance.js';
import { CoreDriver, T0 } from '../helpers/coreDriver.js';
import { testDefinition } from '../helpers/definitions.js';

describe('checking in and marking attendance', () => {
  it("everyone starts unmarked (counted absent); a tap on one's own tablet checks in, once, recorded as the person's own", () => {
    const m = new CoreDriver();
    expect(attendanceOf(m.state, 'm1')).toBe('absent');
    expect(markOf(m.state, 'm1')).toBeUndefined();
    expect(m.ok('m1', { type: 'attendance.checkIn' })).toEqual([{ type: 'attendance.marked', participantId: 'm1', status: 'present', source: 'self', by: 'm1', at: T0 }]);
    expect(markOf(m.state, 'm1')).toEqual({ status: 'present', source: 'self', by: 'm1', at: T0 });
    // A second tap (another tablet of the same member) is accepted, and nothing to record.
    expect(m.ok('m1', { type: 'attendance.checkIn' })).toEqual([]);
    m.ok('guest', { type: 'attendance.checkIn' });
    m.ok('sec', { type: 'attendance.checkIn' });
    expect(statuses(m.state.attendance)).toEqual({ m1: 'present', guest: 'present', sec: 'present' });
  });

  it("a member's own check-in never overrides the chair's or the secretary's mark, whatever it says", () => {
    const m = new CoreDriver();
    m.ok('chair', { type: 'attendance.mark', participantId: 'm2', status: 'excused' });
    m.ok('sec', { type: 'attendance.mark', participantId: 'm3', status: 'absent' });
    m.ok('chair', { type: 'attendance.mark', participantId: 'm4', status: 'present' });
    for (const id of ['m2', 'm3', 'm4']) {
      m.refuse(id, { type: 'attendance.checkIn' }, 'invalid-state');
      expect(m.decide(id, { type: 'attendance.checkIn' })).toMatchObject({ ok: false, error: { reason: 'attendance-marked' } });
    }
    expect(statuses(m.state.attendance)).toEqual({ m2: 'excused', m3: 'absent', m4: 'present' });
    expect(markOf(m.state, 'm2')).toEqual({ status: 'excused', source: 'presidium', by: 'chair', at: T0 });
    expect(markOf(m.state, 'm3')?.by).toBe('sec');
  });

  it('the chair and the secretary mark anyone present, absent or excused, over a self check-in too; members cannot', () => {
    const m = new CoreDriver();
    m.ok('m2', { type: 'attendance.checkIn' });
    m.advance(60);
    expect(m.ok('chair', { type: 'attendance.mark', participantId: 'm2', status: 'absent' })).toEqual([
      { type: 'attendance.marked', participantId: 'm2', status: 'absent', source: 'presidium', by: 'chair', at: T0 + 60_000 },
    ]);
    m.ok('sec', { type: 'attendance.mark', participantId: 'm3', status: 'excused' });
    expect(m.ok('chair', { type: 'attendance.mark', participantId: 'm2', status: 'absent' })).toEqual([]);
    // Confirming a member's own check-in makes it the chair's mark.
    m.ok('m1', { type: 'attendance.checkIn' });
    expect(m.ok('chair', { type: 'attendance.mark', participantId: 'm1', status: 'present' })).toHaveLength(1);
    expect(markOf(m.state, 'm1')).toMatchObject({ source: 'presidium', by: 'chair' });
    expect(statuses(m.state.attendance)).toEqual({ m1: 'present', m2: 'absent', m3: 'excused' });
    m.refuse('m1', { type: 'attendance.mark', participantId: 'm1', status: 'present' }, 'forbidden');
    m.refuse('guest', { type: 'attendance.mark', participantId: 'guest', status: 'present' }, 'forbidden');
  });

  it('observers and screens neither check in nor can be marked', () => {
    const m = new CoreDriver();
    m.refuse('obs', { type: 'attendance.checkIn' }, 'forbidden');
    m.refuse('screen', { type: 'attendance.checkIn' }, 'forbidden');
    m.refuse('obs', { type: 'attendance.markConnected' }, 'forbidden');
    m.refuse('m1', { type: 'attendance.markConnected' }, 'forbidden');
    m.refuse('chair', { type: 'attendance.mark', participantId: 'obs', status: 'present' }, 'invalid-state');
    m.refuse('chair', { type: 'attendance.mark', participantId: 'screen', status: 'present' }, 'invalid-state');
    m.refuse('chair', { type: 'attendance.mark', participantId: 'nobody', status: 'present' }, 'not-found');
  });

  it('a member checks in before the start (signing in at the door) and while it runs, not once it has ended; the chair marks after the end', () => {
    const m = new CoreDriver();
    m.ok('m4', { type: 'attendance.checkIn' });
    m.ok('chair', { type: 'meeting.start' });
    m.ok('m3', { type: 'attendance.checkIn' });
    m.ok('chair', { type: 'meeting.finish' });
    m.refuse('m2', { type: 'attendance.checkIn' }, 'invalid-state');
    expect(m.decide('m2', { type: 'attendance.checkIn' })).toMatchObject({ ok: false, error: { reason: 'check-in-closed' } });
    m.ok('chair', { type: 'attendance.mark', participantId: 'm4', status: 'absent' });
  });
});

describe('mark everyone connected present', () => {
  it('marks only those connected now and not marked yet, never an existing mark, and counts them', () => {
    const m = new CoreDriver();
    m.ok('chair', { type: 'attendance.mark', participantId: 'm2', status: 'excused' });
    m.ok('m3', { type: 'attendance.checkIn' });
    // Connected: m1 (unmarked), m2 (excused by the chair), m3 (checked in), the guest, the observer and the screen.
    m.online = ['m1', 'm2', 'm3', 'guest', 'obs', 'screen'];
    const events = m.ok('sec', { type: 'attendance.markConnected' });
    expect(events).toEqual(['m1', 'guest'].map((id) => ({ type: 'attendance.marked', participantId: id, status: 'present', source: 'presidium', by: 'sec', at: T0 })));
    expect(countMarked(events)).toBe(2);
    expect(statuses(m.state.attendance)).toEqual({ m1: 'present', m2: 'excused', m3: 'present', guest: 'present' });
    expect(markOf(m.state, 'm3')?.source).toBe('self');
    // Again: nobody left to mark.
    expect(m.ok('chair', { type: 'attendance.markConnected' })).toEqual([]);
  });

  it('answers with the number marked (the registry entry), 0 when nobody was waiting', () => {
    const answer = entryFor('attendance.markConnected').answer!;
    expect(answer([])).toEqual({ marked: 0 });
    expect(answer([{ type: 'attendance.marked', participantId: 'm1', status: 'present', source: 'presidium', by: 'chair', at: 1 }])).toEqual({ marked: 1 });
  });
});

describe('the chair and the secretary opening the console', () => {
  it('are checked in by the server as themselves, never over a mark, and not after the end', () => {
    const m = new CoreDriver();
    const chair = m.actor('chair');
    const decision = decideConsoleCheckIn(m.state, chair, T0);
    expect(decision).toEqual({ ok: true, events: [{ type: 'attendance.marked', participantId: 'chair', status: 'present', source: 'console', by: 'chair', at: T0 }] });
    m.ok('chair', { type: 'attendance.mark', participantId: 'sec', status: 'excused' });
    expect(decideConsoleCheckIn(m.state, m.actor('sec'), T0)).toEqual({ ok: true, events: [] });
    m.ok('chair', { type: 'meeting.start' });
    m.ok('chair', { type: 'meeting.finish' });
    expect(decideConsoleCheckIn(m.state, chair, T0)).toEqual({ ok: true, events: [] });
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
