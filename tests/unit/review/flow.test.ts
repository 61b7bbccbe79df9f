import { describe, expect, it } from 'vitest';
import { initialState } from '../../../shared/meeting/state.js';
import { reviewFlow } from '../../../shared/review/flow.js';
import { CoreDriver } from '../../helpers/coreDriver.js';
import { testDefinition } from '../../helpers/definitions.js';

/** The test meeting with the review's order kept (the default), everyone of the body present. */
function meeting(): CoreDriver {
  const m = new CoreDriver(initialState('m-flow', testDefinition({ review: { countingCommittee: { required: false }, collectiveFirst: true } })));
  m.ok('chair', { type: 'meeting.start' });
  for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) m.ok('chair', { type: 'attendance.mark', participantId: id, status: 'present' });
  return m;
}

const statuses = (m: CoreDriver) => reviewFlow(m.state).stages.map((s) => [s.subject, s.steps.map((x) => `${x.kind}:${x.status}`)]);

describe('the order of the review (shared/review/flow.ts)', () => {
  it('reads the collective, then each member under review, from the agenda and the ratings', () => {
    const m = meeting();
    expect(statuses(m)).toEqual([
      ['collective', ['report:pending', 'rating:missing']],
      ['m1', ['self-review:pending', 'comments:pending', 'rating:missing']],
      ['m2', ['self-review:pending', 'comments:pending', 'rating:missing']],
    ]);
    expect(reviewFlow(m.state).here).toEqual({ stage: 0, step: 0 });
    expect(reviewFlow(m.state).outOfOrder).toBe(false);
  });

  it('follows the member’s own speech: self-review first, then the comments', () => {
    const m = meeting();
    m.ok('chair', { type: 'agenda.open', itemId: 'collective' });
    m.ok('chair', { type: 'agenda.complete', itemId: 'collective' });
    m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' });
    expect(statuses(m)[1][1]).toEqual(['self-review:active', 'comments:pending', 'rating:missing']);
    m.ok('chair', { type: 'queue.give', participantId: 'm1' });
    m.advance(60).ok('chair', { type: 'queue.end' });
    expect(statuses(m)[1][1]).toEqual(['self-review:done', 'comments:active', 'rating:missing']);
    expect(reviewFlow(m.state).here).toEqual({ stage: 1, step: 1 });
    m.ok('chair', { type: 'agenda.complete', itemId: 'review-m1' });
    expect(statuses(m)[1][1]).toEqual(['self-review:done', 'comments:done', 'rating:missing']);
  });

  it('says when an individual was taken before the collective', () => {
    const m = meeting();
    m.ok('chair', { type: 'agenda.open', itemId: 'review-m1' });
    expect(reviewFlow(m.state).outOfOrder).toBe(true);
  });

  it('counts the self-assessments handed in among those who vote', () => {
    const m = meeting();
    expect(reviewFlow(m.state).selfAssessed).toEqual({ handedIn: 0, of: 5 });
  });
});

describe('collective first (reviewRules.collectiveFirst)', () => {
  const individuals = { kind: 'rating' as const, title: 'Xếp loại cá nhân', subjects: ['m1', 'm2'], quorum: [1, 2] as [number, number] };
  const collective = { kind: 'rating' as const, title: 'Xếp loại tập thể', subjects: ['collective'], quorum: [1, 2] as [number, number] };

  it('keeps a rating of individuals closed until the collective’s report is held and its rating published', () => {
    const m = meeting();
    m.ok('chair', { type: 'ballot.create', ballot: { ...individuals, id: 'people' } });
    m.ok('chair', { type: 'ballot.create', ballot: { ...collective, id: 'body' } });
    expect(m.refuse('chair', { type: 'ballot.open', ballotId: 'people' }, 'invalid-state')).toMatch(/collective is reviewed first/);
    expect(m.decide('chair', { type: 'ballot.open', ballotId: 'people' })).toMatchObject({ ok: false, error: { reason: 'collective-first' } });
    m.ok('chair', { type: 'agenda.open', itemId: 'collective' });
    m.ok('chair', { type: 'agenda.complete', itemId: 'collective' });
    expect(m.refuse('chair', { type: 'ballot.open', ballotId: 'people' }, 'invalid-state')).toMatch(/collective is rated first/);
    // The collective's own rating opens; once it is published (cancelled, here), the individuals' does.
    m.ok('chair', { type: 'ballot.open', ballotId: 'body' });
    m.ok('chair', { type: 'ballot.cancel', ballotId: 'body', reason: 'thử' });
    m.ok('chair', { type: 'ballot.open', ballotId: 'people' });
  });

  it('is the organiser’s choice: off, the chair takes them in any order', () => {
    const m = new CoreDriver(initialState('m-any', testDefinition()));
    m.ok('chair', { type: 'meeting.start' });
    for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) m.ok('chair', { type: 'attendance.mark', participantId: id, status: 'present' });
    m.ok('chair', { type: 'ballot.create', ballot: { ...individuals, id: 'people' } });
    m.ok('chair', { type: 'ballot.open', ballotId: 'people' });
  });
});
