import { describe, expect, it } from 'vitest';
import { openBallots, othersOpen, papersToFill } from '../../../shared/ballots/open.js';
import { meeting, Session } from './fixtures.js';

/** Three drafts; `a` then `b` opened a minute apart, `c` left a draft. */
function session(): Session {
  const s = new Session(meeting());
  for (const id of ['c', 'b', 'a']) s.run('chair', { type: 'ballot.create', ballot: { id, kind: 'motion', title: `Biểu quyết ${id}` } });
  s.run('chair', { type: 'ballot.open', ballotId: 'b' });
  s.now += 60_000;
  s.run('chair', { type: 'ballot.open', ballotId: 'a' });
  return s;
}

describe('open ballots and the papers a voter has left', () => {
  it('lists open ballots in the order they were opened, not by id or by place in the list', () => {
    const s = session();
    expect(openBallots(s.state.ballots).map((b) => b.id)).toEqual(['b', 'a']);
  });

  it('names the ballots already open when the chair opens another, and none once the others are over', () => {
    const s = session();
    expect(othersOpen(s.state.ballots, 'c').map((b) => b.id)).toEqual(['b', 'a']);
    expect(othersOpen(s.state.ballots, 'a').map((b) => b.id)).toEqual(['b']);
    expect(s.run('chair', { type: 'ballot.cancel', ballotId: 'b', reason: 'Nhầm phiếu' }).ok).toBe(true);
    expect(othersOpen(s.state.ballots, 'a')).toEqual([]);
  });

  it("gives a voter's papers one after another: a voted paper and a cancelled ballot drop out, a voter not on the list has none", () => {
    const s = session();
    expect(papersToFill(s.state.ballots, 'm1').map((b) => b.id)).toEqual(['b', 'a']);
    expect(s.run('m1', { type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } }).ok).toBe(true);
    expect(papersToFill(s.state.ballots, 'm1').map((b) => b.id)).toEqual(['a']);
    expect(papersToFill(s.state.ballots, 'm2').map((b) => b.id)).toEqual(['b', 'a']);
    expect(s.run('chair', { type: 'ballot.cancel', ballotId: 'a', reason: 'Nhầm phiếu' }).ok).toBe(true);
    expect(papersToFill(s.state.ballots, 'm1')).toEqual([]);
    expect(papersToFill(s.state.ballots, 'guest')).toEqual([]);
  });
});
