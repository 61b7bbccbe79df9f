import { describe, expect, it } from 'vitest';
import { pinWeakness } from '../../shared/ballots/pin.js';
import { error, REFUSAL_REASONS } from '../../shared/errors.js';
import type { BallotResults } from '../../shared/ballots/types.js';
import { en } from '../../client/src/i18n/en.js';
import { explainError, explainRefusal, weakPinText } from '../../client/src/i18n/explainError.js';
import { vi } from '../../client/src/i18n/vi.js';
import { resultRows } from '../../client/src/ballots/resultRows.js';

describe("a refusal in the reader's language", () => {
  it('an early close below the ballot quorum: the papers so far, the quorum, and what to do instead', () => {
    const refused = error('invalid-state', 'only 3 of 16 have voted', 'ballot-quorum-not-met', { turnout: 3, required: 11, eligible: 16 });
    expect(explainError(vi, refused)).toBe('Mới có 3/16 phiếu; cần ít nhất 11 phiếu (túc số) mới được kết thúc sớm. Hãy chờ thêm hoặc hủy cuộc bỏ phiếu.');
    expect(explainError(en, refused)).toContain('Only 3 of 16 papers so far');
  });

  it('every reason has a text in both languages that uses its numbers and never prints "undefined"', () => {
    for (const reason of REFUSAL_REASONS) {
      for (const t of [vi, en]) {
        const text = explainError(
          t,
          error('invalid-state', 'x', reason, {
            present: 8,
            required: 11,
            members: 16,
            eligible: 2,
            minCast: 3,
            turnout: 3,
            n: 1,
            d: 2,
            day: 1,
            days: 2,
            position: 5,
            max: 200,
            open: 1,
            // Self-assessment (issue 17): the level the score allows, by its place on the scale, and the total.
            allowed: 1,
            total: 86,
            // The counting committee's (shared/review/publication.ts, appoint.ts).
            confirmed: 1,
            needed: 2,
            min: 2,
            ballots: 1,
          }),
        );
        expect(text, reason).not.toMatch(/undefined|\?/);
        expect(explainError(t, error('invalid-state', 'x', reason)), reason).not.toContain('undefined');
      }
    }
  });

  it('every reason has, in vi and in en, a reason and a next step of its own, apart', () => {
    const detail = {
      present: 8,
      required: 11,
      members: 16,
      eligible: 2,
      minCast: 3,
      turnout: 3,
      n: 1,
      d: 2,
      day: 1,
      days: 2,
      position: 5,
      max: 200,
      open: 0,
      allowed: 1,
      total: 86,
      confirmed: 1,
      needed: 2,
      min: 2,
      ballots: 1,
    };
    for (const reason of REFUSAL_REASONS) {
      for (const t of [vi, en]) {
        const text = t.refusalParts[reason];
        const d = (key: string) => detail[key as keyof typeof detail];
        // A weak PIN's reason comes from the rule's own words (below); its next step is the same.
        const parts = reason === 'weak-pin' ? { reason: text.reason(d), next: text.next(d) } : explainRefusal(t, error('invalid-state', 'x', reason, detail));
        expect(parts).toEqual({ reason: text.reason(d), next: text.next(d) });
        expect(parts.reason.length, `${t.lang.code} ${reason}`).toBeGreaterThan(8);
        expect(parts.next.length, `${t.lang.code} ${reason}`).toBeGreaterThan(8);
        expect(parts.reason, reason).not.toBe(t.errors['invalid-state']);
        expect(explainError(t, error('invalid-state', 'x', reason, detail))).toBe(reason === 'weak-pin' ? t.pin.weak.other : `${parts.reason} ${parts.next}`);
      }
    }
  });

  it("a self-rating above the score names the level the score allows, in the reader's language", () => {
    const refused = error('invalid-state', 'x', 'self-level-above-score', { allowed: 1, total: 86 });
    expect(explainRefusal(vi, refused).reason).toBe('Tổng điểm 86 chỉ cho phép tự xếp loại cao nhất là "Hoàn thành tốt nhiệm vụ".');
    expect(explainRefusal(en, refused).reason).toBe('A total of 86 allows a self-rating of at best "Well completed duties".');
  });

  it('"no item left today" points to the next day, or to the end on the last one', () => {
    const next = (day: number, open: number) => explainRefusal(vi, error('invalid-state', 'x', 'no-next-item', { day, days: 2, open }));
    expect(next(1, 1)).toEqual({
      reason: 'Đã hết mục chưa diễn ra trong ngày 1.',
      next: 'Hãy bấm "Hoàn thành" cho mục đang mở, rồi chuyển hội nghị sang ngày 2.',
    });
    expect(next(1, 0).next).toBe('Hãy chuyển hội nghị sang ngày 2, hoặc mở lại một mục đã qua.');
    expect(next(2, 0).next).toBe('Hãy kết thúc hội nghị, hoặc mở lại một mục đã qua.');
  });

  it('a refusal without a reason still says what to do next where the code allows one', () => {
    for (const t of [vi, en]) {
      for (const code of ['invalid-state', 'not-found', 'forbidden', 'invalid-payload', 'offline', 'internal'] as const) {
        expect(explainRefusal(t, error(code as 'invalid-state', 'x')).next, code).not.toBe('');
      }
    }
  });

  it('a wrong PIN says how many tries are left; the other PIN codes have their own text', () => {
    expect(explainError(vi, error('wrong-pin', 'wrong PIN: 2 tries left', undefined, { attemptsLeft: 2 }))).toBe('Sai mã PIN, còn 2 lần thử');
    expect(explainError(en, error('wrong-pin', 'x', undefined, { attemptsLeft: 1 }))).toBe('Wrong PIN, 1 try left');
    expect(explainError(vi, error('voting-locked', 'x'))).toBe('Quyền bỏ phiếu đã bị khóa do nhập sai PIN quá số lần cho phép. Liên hệ ban tổ chức để đặt lại.');
  });

  it("each of the shared rule's reasons for a weak PIN gets its own sentence, from the server's message too", () => {
    const cases: [string, string][] = [
      ['123', vi.pin.weak.length],
      ['1111', vi.pin.weak.repeated],
      ['3456', vi.pin.weak.sequence],
      ['8765', vi.pin.weak.sequence],
    ];
    for (const [pin, text] of cases) {
      expect(weakPinText(vi, pinWeakness(pin)!), pin).toBe(text);
      expect(explainError(vi, error('invalid-payload', `pin: ${pinWeakness(pin)}`, 'weak-pin')), pin).toBe(text);
    }
  });
});

describe('the rows a published ballot lists', () => {
  const ballot = { subjects: ['collective', 'm1', 'm2'] };
  const row = (subject: string) => ({ subject, counts: { good: 3 }, abstentions: 0, cast: 3, eligible: 4 });

  it('in the paper order, a row with too few answers in its place, without counts', () => {
    const results: BallotResults = {
      turnout: 4,
      eligible: 5,
      valid: true,
      passed: null,
      minCast: 3,
      subjects: [row('collective'), row('m2')],
      withheld: [{ subject: 'm1', eligible: 4, reason: 'too-few-answers' }],
    };
    expect(resultRows(ballot, results).map((r) => [r.subject, r.counts ? 'counts' : r.withheld.reason])).toEqual([
      ['collective', 'counts'],
      ['m1', 'too-few-answers'],
      ['m2', 'counts'],
    ]);
  });

  it('none for a ballot that is not valid: its summary says "turnout only" once', () => {
    const results: BallotResults = {
      turnout: 1,
      eligible: 5,
      valid: false,
      passed: null,
      minCast: 3,
      subjects: [],
      withheld: ballot.subjects.map((subject) => ({ subject, eligible: 4, reason: 'not-valid' as const })),
    };
    expect(resultRows(ballot, results)).toEqual([]);
  });
});
