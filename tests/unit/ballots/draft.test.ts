import { describe, expect, it } from 'vitest';
import { BallotDraft } from '../../../shared/ballots/draft.js';
import { newBallot, SINGLE_ROW } from '../../../shared/ballots/newBallot.js';
import { MOTION_OPTIONS, OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';
import { MeetingDefinition } from '../../../shared/definition.js';
import { testDefinition } from '../../helpers/definitions.js';
import { meeting, outcome, Session } from './fixtures.js';

const issues = (input: unknown) => {
  const r = BallotDraft.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('ballot drafts', () => {
  it('a rating lists subjects and defaults to the official four levels, in Vietnamese and English', () => {
    const draft = BallotDraft.parse({ kind: 'rating', title: 'Xếp loại', subjects: ['m1', 'collective'] });
    expect(draft).toMatchObject({
      allowAbstain: false,
      selfRating: false,
      eligibility: 'present-members',
      closeWhenAllVoted: true,
      quorum: [2, 3],
      majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' },
    });
    const ballot = newBallot('b', draft);
    expect(ballot.subjects).toEqual(['m1', 'collective']);
    expect(ballot.options.map((o) => o.vi)).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']);
    expect(ballot.options).toEqual(OFFICIAL_SCALE);
    expect(ballot.options.every((o) => o.en.length > 0)).toBe(true);
    expect(ballot).toMatchObject({ status: 'draft', eligible: [], voted: [], results: null, deadline: null });
  });

  it('a rating needs at least one subject, each listed once', () => {
    expect(issues({ kind: 'rating', title: 'R' })).toEqual(['subjects: a rating needs at least one subject']);
    expect(issues({ kind: 'rating', title: 'R', subjects: [] })).toEqual(['subjects: a rating needs at least one subject']);
    expect(issues({ kind: 'rating', title: 'R', subjects: ['m1', 'm1'] })).toEqual(['subjects: a subject is listed twice']);
  });

  it('a motion is agree / disagree / abstain on one row, and takes neither subjects nor options', () => {
    const ballot = newBallot('m', BallotDraft.parse({ kind: 'motion', title: 'Thông qua nghị quyết', allowAbstain: true }));
    expect(ballot.subjects).toEqual([SINGLE_ROW]);
    expect(ballot.options).toEqual(MOTION_OPTIONS);
    expect(ballot.options.map((o) => o.id)).toEqual(['agree', 'disagree', 'abstain']);
    // Abstaining is one of a motion's three answers, never a blank row.
    expect(ballot.allowAbstain).toBe(false);
    expect(issues({ kind: 'motion', title: 'M', subjects: ['m1'] })).toEqual(['subjects: only a rating has subjects']);
    expect(issues({ kind: 'motion', title: 'M', options: OFFICIAL_SCALE })).toEqual(['options: a motion always has agree / disagree / abstain']);
  });

  it('a choice needs two to twenty distinct options and has one row', () => {
    const options = [
      { id: 'xs', vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
      { id: 'tot', vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
    ];
    expect(newBallot('c', BallotDraft.parse({ kind: 'choice', title: 'Mức tự đề xuất', options })).subjects).toEqual([SINGLE_ROW]);
    expect(issues({ kind: 'choice', title: 'C' })).toEqual(['options: a choice needs its options']);
    expect(issues({ kind: 'choice', title: 'C', options: [options[0]] })).toHaveLength(1);
    expect(issues({ kind: 'choice', title: 'C', options: [options[0], options[0]] })).toEqual(['options: an option id is listed twice']);
    expect(issues({ kind: 'choice', title: 'C', options: Array.from({ length: 21 }, (_, i) => ({ id: `o${i}`, vi: 'x', en: 'x' })) })).toHaveLength(1);
  });

  it('"abstain" is reserved for abstentions and cannot name an option', () => {
    const abstain = [
      { id: 'abstain', vi: 'Không', en: 'No' },
      { id: 'x', vi: 'X', en: 'X' },
    ];
    expect(issues({ kind: 'choice', title: 'C', options: abstain })[0]).toContain('"abstain" is reserved');
  });

  it('refuses unknown fields, bad ids, empty titles, deadlines under a minute and fractions above one', () => {
    expect(issues({ kind: 'rating', title: 'R', subjects: ['m1'], secret: true })).not.toEqual([]);
    expect(issues({ kind: 'rating', title: 'R', subjects: ['m 1'] })).not.toEqual([]);
    expect(issues({ kind: 'rating', title: '   ', subjects: ['m1'] })).not.toEqual([]);
    expect(issues({ kind: 'rating', title: 'R', subjects: ['m1'], deadlineMinutes: 0 })).not.toEqual([]);
    expect(issues({ kind: 'rating', title: 'R', subjects: ['m1'], quorum: [4, 3] })).not.toEqual([]);
    expect(issues({ kind: 'motion', title: 'M', majority: { base: 'cast', fraction: [1, 0] } })).not.toEqual([]);
    expect(issues({ kind: 'motion', title: 'M', majority: { base: 'everyone', fraction: [1, 2] } })).not.toEqual([]);
    expect(issues({ kind: 'poll', title: 'P' })).not.toEqual([]);
  });

  it('carries the configurable rules: eligibility, self-rating, abstention, auto-close, deadline, quorum, majority', () => {
    const draft = BallotDraft.parse({
      kind: 'motion',
      title: 'M',
      eligibility: 'all-members',
      closeWhenAllVoted: false,
      deadlineMinutes: 5,
      quorum: [1, 2],
      majority: { base: 'members', fraction: [2, 3], threshold: 'at-least' },
    });
    expect(newBallot('m', draft)).toMatchObject({
      eligibility: 'all-members',
      closeWhenAllVoted: false,
      deadlineMinutes: 5,
      quorum: [1, 2],
      majority: { base: 'members', fraction: [2, 3], threshold: 'at-least' },
    });
  });

  it('ballots come from the meeting definition as drafts, with only members (or the collective) as subjects', () => {
    const def = testDefinition({
      ballots: [
        { id: 'peer', kind: 'rating', title: 'Xếp loại', subjects: ['m1', 'm2', 'collective'] },
        { kind: 'motion', title: 'Thông qua' },
      ],
    });
    const state = meeting(def);
    expect(state.ballots.map((b) => [b.id, b.status])).toEqual([
      ['peer', 'draft'],
      ['ballot-2', 'draft'],
    ]);
    const bad = MeetingDefinition.safeParse({ ...testDefinition(), ballots: [{ kind: 'rating', title: 'R', subjects: ['guest', 'nobody'] }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['guest is not a member: only members (or "collective") are rated', 'unknown participant nobody']);
  });

  it('the chair drafts live: subjects must be members, an item must exist, a draft can be edited until it opens', () => {
    const s = new Session(meeting());
    expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { kind: 'rating', title: 'R', subjects: ['guest'] } }))).toBe('invalid-payload');
    expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { kind: 'rating', title: 'R', subjects: ['ghost'] } }))).toBe('not-found');
    expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { kind: 'rating', title: 'R', subjects: ['m1'], itemId: 'nope' } }))).toBe('not-found');
    expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { id: 'r', kind: 'rating', title: 'R', subjects: ['m1'], itemId: 'review-m1' } }))).toBe('ok');
    expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { id: 'r', kind: 'motion', title: 'again' } }))).toBe('invalid-state');
    expect(outcome(s.run('chair', { type: 'ballot.update', ballotId: 'r', ballot: { kind: 'rating', title: 'R2', subjects: ['m1', 'm2'] } }))).toBe('ok');
    expect(s.ballot('r')).toMatchObject({ title: 'R2', subjects: ['m1', 'm2'], status: 'draft' });
    // An id the chair leaves out comes from the server.
    expect(outcome(s.run('chair', { type: 'ballot.create', ballot: { kind: 'motion', title: 'M' } }))).toBe('ok');
    expect(s.state.ballots.map((b) => b.id)).toEqual(['r', 'id-1']);
  });
});
