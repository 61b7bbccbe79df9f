import { describe, expect, it } from 'vitest';
import { CoreDriver, runningMeeting } from '../helpers/coreDriver.js';

/** A meeting whose members are present (its quorum, and at least three voters), with a draft motion `b1`. */
function withBallot(): CoreDriver {
  const m = runningMeeting();
  for (const id of ['chair', 'm1', 'm2', 'm3']) m.ok('chair', { type: 'attendance.mark', participantId: id, status: 'present' });
  m.ok('chair', { type: 'ballot.create', ballot: { id: 'b1', kind: 'motion', title: 'Thông qua chương trình' } });
  return m;
}

describe('the room screen', () => {
  it('shows the agenda at first, and switches between agenda and notes', () => {
    const m = new CoreDriver();
    expect(m.state.screen).toEqual({ show: 'agenda' });
    expect(m.ok('chair', { type: 'screen.show', show: 'notes' })).toEqual([{ type: 'screen.shown', screen: { show: 'notes' } }]);
    m.ok('sec', { type: 'screen.show', show: 'agenda' });
    expect(m.state.screen).toEqual({ show: 'agenda' });
  });

  it('pressing the mode already shown is accepted and changes nothing', () => {
    const m = new CoreDriver();
    expect(m.ok('chair', { type: 'screen.show', show: 'agenda' })).toEqual([]);
  });

  it('shows a ballot only when named, existing and past its draft', () => {
    const m = withBallot();
    m.refuse('chair', { type: 'screen.show', show: 'ballot' }, 'invalid-payload');
    m.refuse('chair', { type: 'screen.show', show: 'ballot', ballotId: 'nope' }, 'not-found');
    m.refuse('chair', { type: 'screen.show', show: 'ballot', ballotId: 'b1' }, 'invalid-state');
    m.refuse('chair', { type: 'screen.show', show: 'notes', ballotId: 'b1' }, 'invalid-payload');
    m.ok('chair', { type: 'ballot.open', ballotId: 'b1' });
    m.ok('chair', { type: 'screen.show', show: 'agenda' });
    m.ok('sec', { type: 'screen.show', show: 'ballot', ballotId: 'b1' });
    expect(m.state.screen).toEqual({ show: 'ballot', ballotId: 'b1' });
  });

  it('follows a ballot when it opens, and goes back to the agenda when another item opens', () => {
    const m = withBallot();
    expect(m.ok('chair', { type: 'ballot.open', ballotId: 'b1' }).map((e) => e.type)).toEqual(['ballot.opened', 'screen.shown']);
    expect(m.state.screen).toEqual({ show: 'ballot', ballotId: 'b1' });
    expect(m.ok('chair', { type: 'agenda.next' }).at(-1)).toEqual({ type: 'screen.shown', screen: { show: 'agenda' } });
  });

  it('stays on the notes when another item opens', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'screen.show', show: 'notes' });
    expect(m.ok('chair', { type: 'agenda.next' }).map((e) => e.type)).not.toContain('screen.shown');
    expect(m.state.screen).toEqual({ show: 'notes' });
  });

  it('is run by the chair and the secretary only', () => {
    const m = new CoreDriver();
    for (const who of ['m1', 'guest', 'obs', 'screen']) m.refuse(who, { type: 'screen.show', show: 'notes' }, 'forbidden');
  });
});
