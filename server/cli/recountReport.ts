import { COLLECTIVE } from '../../shared/ballots/scale.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { dateTime } from '../export/format.js';
import type { Difference, RecountOutcome } from '../recount/recount.js';
import { textTable } from './report.js';

type Done = Extract<RecountOutcome, { ok: true }>;

const rowName = (state: MeetingState, subject: string | null) =>
  subject === null ? 'Cả cuộc bỏ phiếu / the ballot' : subject === COLLECTIVE ? 'Tập thể / collective' : (state.participants.find((p) => p.id === subject)?.name ?? subject);

export function differenceLine(state: MeetingState, d: Difference): string {
  return `${rowName(state, d.row)} — ${d.field}: công bố / published ${d.published}, kiểm lại / recounted ${d.recounted}`;
}

/** The recount as the organiser reads it in a terminal: the recounted rows, then agreement or every difference. */
export function recountReport(state: MeetingState, outcome: Done): string {
  const ballot = state.ballots.find((b) => b.id === outcome.ballotId)!;
  const header = ['Dòng / row', ...ballot.options.map((o) => o.id), 'abstain', 'cast/eligible', ''];
  const rows = outcome.recounted.rows.map((r) => [
    rowName(state, r.subject),
    ...ballot.options.map((o) => String(r.votes[o.id] ?? 0)),
    String(r.abstentions),
    `${r.cast}/${r.eligible}`,
    r.shown ? '' : `withheld (${r.reason})`,
  ]);
  const at = dateTime(outcome.at, state.timeZone);
  return [
    `Kiểm tra lại độc lập / independent recount: «${outcome.title}» (${outcome.ballotId}), ${at}`,
    `Số phiếu thu vào / papers received: ${outcome.recounted.turnout}/${outcome.recounted.eligible}`,
    '',
    textTable(header, rows),
    '',
    outcome.agrees
      ? 'Khớp với kết quả đã công bố / agrees with the published result.'
      : [`KHÔNG KHỚP / DOES NOT AGREE (${outcome.differences.length}):`, ...outcome.differences.map((d) => `  ${differenceLine(state, d)}`)].join('\n'),
    '',
  ].join('\n');
}
