import type { Ballot, BallotResults } from '../../shared/ballots/types.js';
import { formatPercent } from '../../shared/format.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { CapCheck } from '../../shared/review/levels.js';
import { ballotProposals, type SubjectProposal } from '../../shared/review/proposal.js';
import type { LevelRule } from '../../shared/review/rules.js';

/**
 * What the records say of a published rating beyond its counts (issue 17): each subject's self-rating
 * as disclosed, the level the votes propose under the ballot's rule, and the caps checked on those
 * proposals: `ballotProposals` (shared/review/proposal.ts), the computation the results views use.
 */
export type RowReview = Omit<SubjectProposal, 'subject'>;

export interface BallotReview {
  rule: LevelRule;
  rows: Map<string, RowReview>;
  caps: CapCheck[];
}

/** Null for a motion or a choice, and for a rating without a valid result (no row is published). */
export function reviewOf(state: MeetingState, ballot: Ballot, results: BallotResults): BallotReview | null {
  const proposals = results.valid ? ballotProposals(state, ballot, results) : null;
  if (!proposals) return null;
  return { rule: proposals.rule, rows: new Map(proposals.rows.map(({ subject, ...row }) => [subject, row])), caps: proposals.caps };
}

/** The screens' words for a row no level reaches, and for a proposal unlike the self-rating (client/src/i18n/proposals.ts). */
export const NO_PROPOSAL = 'Chưa đủ phiếu để đề xuất';
export const DIFFERS = 'khác với tự xếp loại';

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
  const limit = formatPercent((n / d) * 100, 'vi');
  const head = `Giới hạn: «${label(check.cap.level)}» tối đa ${limit} số được đề xuất ${of}: đề xuất ${check.count}/${check.base}, được phép ${check.allowed}`;
  return `${head} — ${check.breached ? 'VƯỢT GIỚI HẠN (không tự điều chỉnh; cấp có thẩm quyền xem xét)' : 'trong giới hạn'}.`;
}
