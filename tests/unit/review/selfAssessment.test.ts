import { describe, expect, it } from 'vitest';
import { initialState } from '../../../shared/meeting/state.js';
import { publicEvents, publicState } from '../../../shared/meeting/visibility.js';
import { allowedLevel, assessmentOf, assessmentProblem, type SelfAssessmentFields } from '../../../shared/review/selfAssessment.js';
import { DEFAULT_REVIEW_RULES } from '../../../shared/review/rules.js';
import { CoreDriver, T0, type CommandInput } from '../../helpers/coreDriver.js';
import { testDefinition } from '../../helpers/definitions.js';

const GOOD: CommandInput = { type: 'review.submitSelf', level: 'good', scores: { 'politics-ethics': 25, results: 55 }, text: 'Ưu điểm…\r\n\r\nKhuyết điểm…  ' };

/** A meeting that has started, with m1's self-assessment handed in and stored as the server would. */
function submitted(m = new CoreDriver()): CoreDriver {
  m.ok('chair', { type: 'meeting.start' });
  const events = m.ok('m1', GOOD);
  expect(events).toEqual([{ type: 'review.selfSubmitted', participantId: 'm1', at: m.now }]);
  m.selfAssessments.m1 = assessmentOf(GOOD as SelfAssessmentFields, m.now);
  return m;
}

describe('assessmentProblem: the form and the score bands', () => {
  const fields = (f: Partial<SelfAssessmentFields>): SelfAssessmentFields => ({ level: 'good', scores: { 'politics-ethics': 25, results: 55 }, text: '', ...f });

  it('a level of the official scale', () => {
    expect(assessmentProblem(fields({ level: 'superb' }), DEFAULT_REVIEW_RULES)).toEqual({ kind: 'not-a-level' });
  });

  it('scores that fit the form; none when the meeting has no form', () => {
    expect(assessmentProblem(fields({ scores: { results: 55 } }), DEFAULT_REVIEW_RULES)).toEqual({ kind: 'scores', message: 'no score for politics-ethics' });
    const byLevel = { ...DEFAULT_REVIEW_RULES, scoreForm: null };
    expect(assessmentProblem(fields({ level: 'excellent', scores: {} }), byLevel)).toBeNull();
    expect(assessmentProblem(fields({ scores: { results: 55 } }), byLevel)).toMatchObject({ kind: 'scores' });
  });

  it('a level no better than the score allows, naming the level it allows', () => {
    expect(assessmentProblem(fields({ level: 'excellent', scores: { 'politics-ethics': 30, results: 60 }, exceededShare: 29 }), DEFAULT_REVIEW_RULES)).toEqual({
      kind: 'above-score',
      allowed: 'good',
      total: 90,
    });
    expect(assessmentProblem(fields({ level: 'excellent', scores: { 'politics-ethics': 30, results: 60 }, exceededShare: 30 }), DEFAULT_REVIEW_RULES)).toBeNull();
    // Rating oneself lower than the score allows is one's own choice.
    expect(assessmentProblem(fields({ level: 'completed' }), DEFAULT_REVIEW_RULES)).toBeNull();
    expect(allowedLevel({ scores: { 'politics-ethics': 20, results: 29 } }, DEFAULT_REVIEW_RULES)).toBe('not-completed');
  });
});

describe('review.submitSelf', () => {
  it('a voter hands in their own: the event says only that they did', () => {
    const m = submitted();
    expect(m.state.selfAssessed).toEqual({ m1: m.now });
    expect(m.state.disclosed).toEqual({});
    expect(JSON.stringify(m.log)).not.toContain('Ưu điểm');
    // Before the meeting too, and as often as they like until disclosed.
    const early = new CoreDriver();
    early.ok('m2', GOOD);
    early.advance(60).ok('m2', { ...GOOD, level: 'completed' });
    expect(early.state.selfAssessed).toEqual({ m2: T0 + 60_000 });
  });

  it('the text is kept as plain paragraphs', () => {
    expect(assessmentOf(GOOD as SelfAssessmentFields, 5).text).toBe('Ưu điểm…\n\nKhuyết điểm…');
    expect(assessmentOf({ ...(GOOD as SelfAssessmentFields), exceededShare: undefined }, 5).exceededShare).toBeNull();
  });

  it('refuses a level above what the score allows, with the allowed level', () => {
    const m = new CoreDriver();
    const decision = m.decide('m1', { ...GOOD, level: 'excellent' });
    expect(decision).toMatchObject({ ok: false, error: { code: 'invalid-state', reason: 'self-level-above-score', detail: { allowed: 1, total: 80 } } });
    m.refuse('m1', { ...GOOD, scores: { 'politics-ethics': 40, results: 55 } }, 'invalid-payload');
    m.refuse('m1', { ...GOOD, level: 'superb' }, 'invalid-payload');
  });

  it('only a voting member, for themself: not a secretary outside the body, guests, observers, the screen', () => {
    const m = new CoreDriver();
    for (const who of ['sec', 'guest', 'obs', 'screen']) m.refuse(who, GOOD, 'forbidden');
    m.ok('chair', GOOD);
    // The command names nobody: m1 cannot hand one in for m2.
    expect(m.ok('m1', GOOD)).toEqual([{ type: 'review.selfSubmitted', participantId: 'm1', at: T0 }]);
  });

  it('refused once disclosed, or once the meeting has ended', () => {
    const m = submitted();
    m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' });
    expect(m.decide('m1', GOOD)).toMatchObject({ ok: false, error: { reason: 'self-assessment-disclosed' } });
    m.ok('chair', { type: 'meeting.finish' });
    expect(m.decide('m2', GOOD)).toMatchObject({ ok: false, error: { reason: 'self-assessment-closed' } });
  });

  it('handed in while their own item is open, it is disclosed at once', () => {
    const m = new CoreDriver();
    m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' });
    const events = m.advance(5).ok('m1', GOOD);
    expect(events.map((e) => e.type)).toEqual(['review.selfSubmitted', 'review.disclosed']);
    expect(m.state.disclosed.m1).toEqual(assessmentOf(GOOD as SelfAssessmentFields, m.now));
  });
});

describe('disclosure', () => {
  it("when the subject's individual review item starts, with the stored content", () => {
    const m = submitted();
    m.ok('chair', { type: 'agenda.open', itemId: 'collective' });
    expect(m.state.disclosed).toEqual({});
    const events = m.ok('chair', { type: 'agenda.next' });
    expect(events.map((e) => e.type)).toEqual(['item.ended', 'item.started', 'review.disclosed']);
    expect(m.state.disclosed).toEqual({ m1: m.selfAssessments.m1 });
    // Leaving and coming back discloses nothing again.
    m.ok('chair', { type: 'agenda.open', itemId: 'close' });
    expect(m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' }).some((e) => e.type === 'review.disclosed')).toBe(false);
  });

  it('not by another item, nor for a member who handed nothing in', () => {
    const m = submitted();
    expect(m.ok('chair', { type: 'agenda.open', itemId: 'review-m2' }).some((e) => e.type === 'review.disclosed')).toBe(false);
    expect(m.state.disclosed).toEqual({});
  });

  it('refuses to start the item when the server did not supply what it must disclose', () => {
    const m = submitted();
    m.selfAssessments = undefined as never;
    m.refuse('chair', { type: 'agenda.open', itemId: 'review-m1' }, 'internal');
  });

  it('when a rating naming the subjects opens, for each one not yet disclosed', () => {
    const m = submitted();
    m.ok('m2', GOOD);
    m.selfAssessments.m2 = assessmentOf(GOOD, m.now);
    for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) m.ok('chair', { type: 'attendance.mark', participantId: id, status: 'present' });
    m.ok('chair', { type: 'ballot.create', ballot: { id: 'r1', kind: 'rating', title: 'Xếp loại', subjects: ['collective', 'm1', 'm2', 'm3'] } });
    const events = m.ok('chair', { type: 'ballot.open', ballotId: 'r1' });
    expect(events.filter((e) => e.type === 'review.disclosed').map((e) => e.type === 'review.disclosed' && e.participantId)).toEqual(['m1', 'm2']);
    expect(Object.keys(m.state.disclosed)).toEqual(['m1', 'm2']);
  });

  it('a choice or a motion discloses nothing', () => {
    const m = submitted();
    for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) m.ok('chair', { type: 'attendance.mark', participantId: id, status: 'present' });
    m.ok('chair', { type: 'ballot.create', ballot: { id: 'q', kind: 'motion', title: 'Thông qua' } });
    expect(m.ok('chair', { type: 'ballot.open', ballotId: 'q' }).some((e) => e.type === 'review.disclosed')).toBe(false);
  });
});

describe('the public link', () => {
  const disclosedState = (ratings: 'none' | 'collective' | 'all') => {
    const m = submitted(new CoreDriver(initialState('m-test', testDefinition({ observers: { ratings } }))));
    const events = m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' });
    return { state: m.state, events };
  };

  it("shows a disclosed self-assessment only where it shows the member's rating rows", () => {
    for (const ratings of ['none', 'collective'] as const) {
      const { state, events } = disclosedState(ratings);
      expect(publicState(state).disclosed, ratings).toEqual({});
      expect(
        publicEvents(state, events).map((e) => e.type),
        ratings,
      ).toEqual(['item.started']);
      expect(JSON.stringify([publicState(state), publicEvents(state, events)])).not.toContain('Ưu điểm');
    }
    const { state, events } = disclosedState('all');
    expect(Object.keys(publicState(state).disclosed)).toEqual(['m1']);
    expect(publicEvents(state, events).map((e) => e.type)).toEqual(['item.started', 'review.disclosed']);
  });
});
