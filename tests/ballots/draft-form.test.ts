import { describe, expect, it } from 'vitest';
import { newBallot } from '../../shared/ballots/newBallot.js';
import { OFFICIAL_SCALE } from '../../shared/ballots/scale.js';
import { initialState } from '../../shared/meeting/state.js';
import { checkForm, formOf, newForm, nextOptionId } from '../../client/src/ballots/draftForm.js';
import { testDefinition } from '../helpers/definitions.js';

const state = initialState('m', testDefinition());

describe("the chair's ballot form", () => {
  it('gives back the same draft for a ballot it edits', () => {
    const check = checkForm(newForm(state, 'rating', 'Xếp loại'));
    expect(check.ok).toBe(false);
    const drafts = [
      {
        kind: 'rating',
        title: 'Xếp loại',
        subjects: ['collective', 'm1'],
        allowAbstain: true,
        selfRating: true,
        eligibility: 'all-members',
        closeWhenAllVoted: false,
        deadlineMinutes: 15,
        quorum: [1, 2],
        majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' },
        itemId: 'collective',
      },
      {
        kind: 'motion',
        title: 'Thông qua',
        allowAbstain: false,
        selfRating: false,
        eligibility: 'present-members',
        closeWhenAllVoted: true,
        quorum: [2, 3],
        majority: { base: 'members', fraction: [2, 3], threshold: 'at-least' },
      },
      {
        kind: 'choice',
        title: 'Đề xuất',
        options: OFFICIAL_SCALE,
        allowAbstain: false,
        selfRating: false,
        eligibility: 'present-members',
        closeWhenAllVoted: true,
        quorum: [3, 4],
        majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' },
      },
    ] as const;
    for (const draft of drafts) {
      const again = checkForm(formOf(newBallot('b', structuredClone(draft) as never)));
      expect(again).toEqual({ ok: true, draft });
    }
  });

  it('starts a rating on the member under review, and names what is missing', () => {
    const reviewing = { ...state, activeItemId: 'review-m1' };
    expect(newForm(reviewing, 'rating', 'Xếp loại')).toMatchObject({ subjects: ['m1'], itemId: 'review-m1' });
    expect(newForm({ ...state, activeItemId: 'collective' }, 'rating', 'x').subjects).toEqual(['collective']);
    const empty = { ...newForm(state, 'rating', ''), title: ' ' };
    expect(checkForm(empty)).toEqual({ ok: false, problems: ['title', 'subjects'] });
    const blankOption = {
      ...newForm(state, 'choice', 'Chọn'),
      options: [
        { id: 'a', vi: 'A', en: 'A' },
        { id: 'option-2', vi: '', en: '' },
      ],
    };
    expect(checkForm(blankOption)).toEqual({ ok: false, problems: ['options'] });
  });

  it('gives each added option an id of its own', () => {
    expect(
      nextOptionId([
        { id: 'option-3', vi: 'a', en: 'a' },
        { id: 'b', vi: 'b', en: 'b' },
      ]),
    ).toBe('option-4');
    expect(nextOptionId([{ id: 'option-2', vi: 'a', en: 'a' }])).toBe('option-3');
  });
});
