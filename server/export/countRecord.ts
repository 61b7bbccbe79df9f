import { subjectShares } from '../../shared/ballots/results.js';
import { COLLECTIVE } from '../../shared/ballots/scale.js';
import type { Ballot, BallotResults } from '../../shared/ballots/types.js';
import { formatCount, formatPercent } from '../../shared/format.js';
import { attendanceOf } from '../../shared/meeting/attendance.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { Difference, RecountOutcome } from '../recount/recount.js';
import { committeeBasisText } from './filed.js';
import { placeAndDate, type FormalBlock, type FormalDocument, type Signer } from './formal.js';
import { BALLOT_KIND_LABEL, dateTime, LABEL } from './format.js';
import { capText, DIFFERS, NO_PROPOSAL, reviewOf, ruleText } from './review.js';

/**
 * The counting record (biên bản kiểm phiếu) of one published ballot, in the layout these bodies
 * file (docs/BALLOTS.md, "The record of the count"): who counted, the papers, the result per row with
 * the self-rating and the proposed level, the committee's confirmations, the independent recount, and
 * the signatures. Only what publication showed: a withheld row says why, as the screen does.
 */
export type PublishedBallot = Ballot & { status: 'published'; results: BallotResults };

const nameOf = (state: MeetingState, id: string) => state.participants.find((p) => p.id === id)?.name ?? id;
const rowLabel = (state: MeetingState, subject: string) => (subject === COLLECTIVE ? 'Tập thể' : nameOf(state, subject));

const FIELD: Record<string, string> = {
  turnout: 'số phiếu thu vào',
  eligible: 'số người được phát phiếu',
  valid: 'hợp lệ',
  passed: 'được thông qua',
  abstentions: 'không chọn',
  cast: 'số phiếu có dòng này',
  row: 'công bố',
};

/** A difference in the record's words: the row, the figure, what was published and what the recount found. */
export function differenceText(state: MeetingState, ballot: Pick<Ballot, 'options'>, d: Difference): string {
  const field = ballot.options.find((o) => o.id === d.field)?.vi ?? FIELD[d.field] ?? d.field;
  const row = d.row === null ? 'Cả cuộc bỏ phiếu' : rowLabel(state, d.row);
  return `${row} — ${field}: đã công bố ${d.published}, kiểm tra lại ${d.recounted}`;
}

/** "Kiểm tra lại độc lập: khớp (26/12/2024 10:45)", or that it does not agree, with every difference. */
export function recountBlocks(state: MeetingState, ballot: Pick<Ballot, 'options'>, outcome: RecountOutcome): FormalBlock[] {
  if (!outcome.ok) return [{ kind: 'text', text: `Kiểm tra lại độc lập: không thực hiện được (${outcome.message}).`, bold: true }];
  const at = dateTime(outcome.at, state.timeZone);
  if (outcome.agrees) return [{ kind: 'text', text: `Kiểm tra lại độc lập: khớp (${at})`, bold: true }];
  return [
    { kind: 'text', text: `Kiểm tra lại độc lập: KHÔNG KHỚP (${at}) — ${outcome.differences.length} chỗ khác nhau:`, bold: true },
    ...outcome.differences.map((d): FormalBlock => ({ kind: 'bullet', text: differenceText(state, ballot, d) })),
  ];
}

function resultTable(state: MeetingState, ballot: PublishedBallot): FormalBlock[] {
  const { results } = ballot;
  const review = reviewOf(state, ballot, results);
  const blank = ballot.allowAbstain && !ballot.options.some((o) => o.id === 'abstain');
  const level = (id: string | null) => (id === null ? '—' : (ballot.options.find((o) => o.id === id)?.vi ?? id));
  const cell = (count: number, ofCast: number) => `${formatCount(count, 'vi')} (${formatPercent(ofCast, 'vi')})`;
  const header = [
    ballot.kind === 'rating' ? (ballot.subjects.includes(COLLECTIVE) ? LABEL.subjectWithCollective : LABEL.subject) : 'Nội dung',
    ...(review ? ['Tự xếp loại'] : []),
    ...ballot.options.map((o) => o.vi),
    ...(blank ? [LABEL.abstain] : []),
    LABEL.turnout,
    ...(review ? ['Mức đề xuất'] : []),
  ];
  const rows = results.subjects.map((row) => {
    const shares = subjectShares(ballot.options, row);
    const r = review?.rows.get(row.subject);
    return [
      ballot.kind === 'rating' ? rowLabel(state, row.subject) : ballot.title,
      ...(review ? [level(r?.self ?? null)] : []),
      ...shares.options.map((s) => cell(s.count, s.ofCast)),
      ...(blank ? [cell(shares.abstentions.count, shares.abstentions.ofCast)] : []),
      `${formatCount(row.cast, 'vi')}/${formatCount(row.eligible, 'vi')}`,
      ...(review ? [r?.proposed ? `${level(r.proposed)}${r.differs ? ` (${DIFFERS})` : ''}` : NO_PROPOSAL] : []),
    ];
  });
  const blocks: FormalBlock[] = [];
  if (rows.length > 0) blocks.push({ kind: 'table', header, rows });
  blocks.push({ kind: 'text', text: 'Tỷ lệ phần trăm tính trên số phiếu có dòng đó.', italic: true });
  for (const w of results.withheld ?? []) {
    const why =
      w.reason === 'too-few-answers' ? LABEL.tooFewAnswers(results.minCast ?? state.ballotRules.minCast) : w.reason === 'not-valid' ? LABEL.notValid : 'Chỉ công bố tại hội trường';
    blocks.push({ kind: 'text', text: `${rowLabel(state, w.subject)}: ${why}` });
  }
  if (ballot.kind === 'motion' && results.valid) blocks.push({ kind: 'fact', label: LABEL.outcome, value: results.passed ? LABEL.passed : LABEL.notPassed });
  if (review) {
    blocks.push({ kind: 'text', text: ruleText(review.rule), italic: true });
    for (const check of review.caps) blocks.push({ kind: 'text', text: capText(check, level), bold: check.breached });
  }
  return blocks;
}

function signers(state: MeetingState): Signer[] {
  const chairs = state.participants.filter((p) => p.role === 'chair').map((p) => p.name);
  const committee = state.committee?.members.map((id) => nameOf(state, id)) ?? [];
  const out: Signer[] = [];
  // The first member named leads the committee (tổ trưởng): the definition and the chair list the head first.
  if (committee.length > 0) out.push({ title: 'Tổ trưởng tổ kiểm phiếu', names: committee.slice(0, 1) });
  if (committee.length > 1) out.push({ title: 'Các thành viên tổ kiểm phiếu', names: committee.slice(1) });
  out.push({ title: 'Chủ trì hội nghị', names: chairs });
  return out;
}

export function countRecordDocument(state: MeetingState, ballot: PublishedBallot, recount: RecountOutcome, now: number): FormalDocument {
  const tz = state.timeZone;
  const { results } = ballot;
  const members = results.members ?? state.participants.filter((p) => p.member).length;
  // With "present members" eligibility the paper went to exactly those present when it opened.
  const present = ballot.eligibility === 'present-members' ? ballot.eligible.length : state.participants.filter((p) => p.member && attendanceOf(state, p.id) === 'present').length;
  const committee = state.committee;
  const blocks: FormalBlock[] = [
    { kind: 'party-header', parentBody: state.record.parentBody, body: state.organisation, placeDate: placeAndDate(state.location, ballot.closedAt ?? now, tz) },
    { kind: 'title', text: 'BIÊN BẢN KIỂM PHIẾU', subtitle: ballot.title },
    { kind: 'fact', label: 'Hội nghị', value: state.title },
    { kind: 'fact', label: LABEL.ballotKind, value: BALLOT_KIND_LABEL[ballot.kind] },
    ...(ballot.openedAt !== null
      ? [{ kind: 'fact' as const, label: 'Bỏ phiếu', value: `${dateTime(ballot.openedAt, tz)} – ${ballot.closedAt === null ? '—' : dateTime(ballot.closedAt, tz)}` }]
      : []),
    { kind: 'heading', level: 1, text: '1. Tổ kiểm phiếu' },
  ];
  if (committee && committee.members.length > 0) {
    blocks.push({ kind: 'text', text: `Tổ kiểm phiếu: ${committeeBasisText(state, committee)}` });
    blocks.push({
      kind: 'table',
      header: ['STT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ'],
      rows: committee.members.map((id, i) => [String(i + 1), nameOf(state, id), state.participants.find((p) => p.id === id)?.position ?? '', i === 0 ? 'Tổ trưởng' : 'Thành viên']),
    });
  } else {
    blocks.push({ kind: 'text', text: 'Không có tổ kiểm phiếu: kết quả do chủ trì công bố.' });
  }
  blocks.push(
    { kind: 'heading', level: 1, text: '2. Số người, số phiếu' },
    { kind: 'fact', label: 'Tổng số thành viên', value: formatCount(members, 'vi') },
    { kind: 'fact', label: 'Số có mặt', value: formatCount(present, 'vi') },
    { kind: 'fact', label: 'Số phiếu phát ra', value: formatCount(ballot.eligible.length, 'vi') },
    { kind: 'fact', label: 'Số phiếu thu vào', value: formatCount(results.turnout, 'vi') },
    { kind: 'fact', label: 'Số phiếu hợp lệ', value: formatCount(results.turnout, 'vi') },
    { kind: 'fact', label: 'Số phiếu không hợp lệ', value: '0' },
    {
      kind: 'text',
      text: 'Phiếu được bỏ trên thiết bị của từng người; ứng dụng không nhận phiếu ghi sai, nên mọi phiếu thu vào đều hợp lệ.',
      italic: true,
    },
    {
      kind: 'text',
      text: results.valid
        ? `Đủ túc số (ít nhất ${ballot.quorum[0]}/${ballot.quorum[1]} số người được phát phiếu): kết quả hợp lệ.`
        : `${LABEL.notValid} (cần ít nhất ${ballot.quorum[0]}/${ballot.quorum[1]} số người được phát phiếu).`,
    },
    { kind: 'heading', level: 1, text: '3. Kết quả kiểm phiếu' },
    ...resultTable(state, ballot),
    { kind: 'heading', level: 1, text: '4. Xác nhận của tổ kiểm phiếu' },
  );
  if (ballot.confirmations.length === 0) blocks.push({ kind: 'text', text: 'Không có xác nhận của tổ kiểm phiếu: kết quả do chủ trì công bố.' });
  for (const c of ballot.confirmations) blocks.push({ kind: 'bullet', text: `Đ/c ${nameOf(state, c.participantId)} xác nhận kết quả kiểm phiếu lúc ${dateTime(c.at, tz)}` });
  blocks.push({ kind: 'heading', level: 1, text: '5. Kiểm tra lại' }, ...recountBlocks(state, ballot, recount));
  blocks.push({ kind: 'text', text: `Biên bản lập lúc ${dateTime(now, tz)}, từ kết quả đã công bố.`, italic: true });
  blocks.push({ kind: 'signatures', signers: signers(state) });
  return { title: `Biên bản kiểm phiếu — ${ballot.title}`, blocks };
}
