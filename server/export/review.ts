import { COLLECTIVE } from '../../shared/ballots/scale.js';
import type { Ballot, BallotResults } from '../../shared/ballots/types.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { checkCaps, proposedLevel, type CapCheck } from '../../shared/review/levels.js';
import type { LevelRule } from '../../shared/review/rules.js';

/**
 * What the records say of a published rating beyond its counts (issue 17): each subject's self-rating
 * as disclosed, the level the votes propose under the ballot's rule, and the caps checked on those
 * proposals. Computed with the shared rules (shared/review/levels.ts), as the screens compute them.
 */
export interface RowReview {
  /** The disclosed self-rating's level id; null for the collective or when none was disclosed. */
  self: string | null;
  /** The proposed level id; null when no level reaches the rule. */
  proposed: string | null;
  /** Both known and not the same. */
  differs: boolean;
}

export interface BallotReview {
  rule: LevelRule;
  rows: Map<string, RowReview>;
  caps: CapCheck[];
}

export function reviewOf(state: MeetingState, ballot: Pick<Ballot, 'kind' | 'options' | 'levelRule'>, results: BallotResults): BallotReview | null {
  if (ballot.kind !== 'rating' || !results.valid) return null;
  const rule = ballot.levelRule ?? state.reviewRules.levelRule;
  const rows = new Map<string, RowReview>();
  const proposals: Record<string, string | null> = {};
  for (const row of results.subjects) {
    const proposed = proposedLevel(row, ballot.options, rule);
    const self = row.subject === COLLECTIVE ? null : (state.disclosed[row.subject]?.level ?? null);
    rows.set(row.subject, { self, proposed, differs: self !== null && proposed !== null && self !== proposed });
    // The caps count members rated, not the body itself.
    if (row.subject !== COLLECTIVE) proposals[row.subject] = proposed;
  }
  return { rule, rows, caps: checkCaps(proposals, state.reviewRules.caps) };
}

/** "more than 1/2 of the papers cast", in Vietnamese, for the record's note under the table. */
export function ruleText(rule: LevelRule): string {
  const [n, d] = rule.fraction;
  const how = rule.threshold === 'at-least' ? 'đạt từ' : 'trên';
  const base = rule.base === 'cast' ? 'số phiếu có tên người đó (kể cả không chọn)' : 'số phiếu chọn một mức';
  return `Mức đề xuất: tính từ mức cao nhất trở xuống, mức đầu tiên có số phiếu cộng dồn ${how} ${n}/${d} ${base}; không mức nào đạt thì không đề xuất.`;
}

/** One cap and whether it holds, stated; a breach is said, never corrected. */
export function capText(check: CapCheck, label: (level: string) => string): string {
  const [n, d] = check.cap.atMost;
  const of = check.cap.of.map((l) => `«${label(l)}»`).join(', ');
  const limit = d === 100 ? `${n}%` : `${n}/${d}`;
  const head = `Giới hạn: «${label(check.cap.level)}» tối đa ${limit} số được đề xuất ${of}: đề xuất ${check.count}/${check.base}, được phép ${check.allowed}`;
  return `${head} — ${check.breached ? 'VƯỢT GIỚI HẠN (không tự điều chỉnh; cấp có thẩm quyền xem xét)' : 'trong giới hạn'}.`;
}
