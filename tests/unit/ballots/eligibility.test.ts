import { describe, expect, it } from 'vitest';
import { marks } from '../../helpers/attendance.js';
import { BallotDraft } from '../../../shared/ballots/draft.js';
import { newBallot } from '../../../shared/ballots/newBallot.js';
import { eligibleVoters } from '../../../shared/ballots/decide.js';
import { rowsFor } from '../../../shared/ballots/rows.js';
import { testDefinition } from '../../helpers/definitions.js';
import { meeting, outcome, Session } from './fixtures.js';

const ballot = (input: object) => newBallot('b', BallotDraft.parse(input));
const motion = ballot({ kind: 'motion', title: 'M' });

describe('who may vote', () => {
  it('present members by default: absent and excused members, guests and a secretary who is not a member are left out', () => {
    const state = {
      ...meeting(),
      attendance: marks({ chair: 'present', m1: 'present', m2: 'absent', m3: 'excused', sec: 'present', guest: 'present', obs: 'present', screen: 'present' }),
    };
    expect(eligibleVoters(state, motion)).toEqual(['chair', 'm1']);
  });

  it('all members when the ballot says so, present or not', () => {
    expect(eligibleVoters(meeting(testDefinition(), []), ballot({ kind: 'motion', title: 'M', eligibility: 'all-members' }))).toEqual(['chair', 'm1', 'm2', 'm3', 'm4']);
  });

  it('a secretary who is a member of the body votes; a guest, observer or screen never does, whatever its member flag', () => {
    const def = testDefinition();
    const participants = def.participants.map((p) => (['sec', 'guest', 'obs', 'screen'].includes(p.id) ? { ...p, member: true } : p));
    const state = meeting({ ...def, participants }, ['chair', 'sec', 'guest', 'obs', 'screen']);
    expect(eligibleVoters(state, motion)).toEqual(['chair', 'sec']);
  });

  it('a subject does not rate themself, unless the ballot says so', () => {
    const rating = ballot({ kind: 'rating', title: 'R', subjects: ['m1', 'm2', 'collective'] });
    expect(rowsFor(rating, 'm1')).toEqual(['m2', 'collective']);
    expect(rowsFor(rating, 'm3')).toEqual(['m1', 'm2', 'collective']);
    expect(rowsFor({ ...rating, selfRating: true }, 'm1')).toEqual(['m1', 'm2', 'collective']);
  });

  it('the only subject of a rating has nothing to fill in, so is not on the list', () => {
    const single = ballot({ kind: 'rating', title: 'Xếp loại đồng chí Một', subjects: ['m1'] });
    expect(eligibleVoters(meeting(), single)).toEqual(['chair', 'm2', 'm3', 'm4']);
    expect(eligibleVoters(meeting(), { ...single, selfRating: true })).toEqual(['chair', 'm1', 'm2', 'm3', 'm4']);
  });

  it('is fixed when the ballot opens: later arrivals do not vote, members who leave still may', () => {
    const s = new Session(meeting(testDefinition(), ['chair', 'm1', 'm2', 'm3']));
    s.run('chair', { type: 'ballot.create', ballot: { id: 'b', kind: 'motion', title: 'M' } });
    expect(outcome(s.run('chair', { type: 'ballot.open', ballotId: 'b' }))).toBe('ok');
    expect(s.ballot('b').eligible).toEqual(['chair', 'm1', 'm2', 'm3']);
    s.run('m4', { type: 'attendance.checkIn' });
    s.run('chair', { type: 'attendance.mark', participantId: 'm3', status: 'absent' });
    expect(s.ballot('b').eligible).toEqual(['chair', 'm1', 'm2', 'm3']);
    expect(outcome(s.run('m4', { type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } }))).toBe('not-eligible');
    expect(outcome(s.run('m3', { type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } }))).toBe('ok');
  });

  it('a ballot nobody could vote on does not open', () => {
    const s = new Session(meeting(testDefinition(), []));
    s.run('chair', { type: 'ballot.create', ballot: { id: 'b', kind: 'motion', title: 'M' } });
    expect(outcome(s.run('chair', { type: 'ballot.open', ballotId: 'b' }))).toBe('invalid-state');
    expect(s.ballot('b').status).toBe('draft');
  });

  it('guests, observers and the screen are refused by role, members off the list by the ballot', () => {
    const s = new Session(meeting(testDefinition(), ['chair', 'm1', 'm2', 'm4']));
    s.run('chair', { type: 'ballot.create', ballot: { id: 'b', kind: 'motion', title: 'M' } });
    expect(outcome(s.run('chair', { type: 'ballot.open', ballotId: 'b' }))).toBe('ok');
    const paper = { question: 'agree' };
    for (const who of ['guest', 'obs', 'screen']) expect(outcome(s.run(who, { type: 'ballot.vote', ballotId: 'b', paper }))).toBe('forbidden');
    expect(outcome(s.run('sec', { type: 'ballot.vote', ballotId: 'b', paper }))).toBe('not-eligible');
    expect(outcome(s.run('m3', { type: 'ballot.vote', ballotId: 'b', paper }))).toBe('not-eligible');
    expect(s.ballot('b').voted).toEqual([]);
    expect(s.counts).toEqual({});
  });
});
