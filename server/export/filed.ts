import { attendanceOf, quorum } from '../../shared/meeting/attendance.js';
import { attends } from '../../shared/meeting/roles.js';
import type { AttendanceStatus, MeetingState } from '../../shared/meeting/state.js';
import type { CountingCommittee } from '../../shared/review/types.js';
import { placeAndDate, type Signer } from './formal.js';
import { dateTime } from './format.js';

/**
 * What a filed biên bản hội nghị has besides the meeting's own course (issue 17, point 5): the Party
 * document header, the title, the chair and the secretary, attendance by name, the quorum statement,
 * the counting committee and the signature blocks. Plain text, laid out by the DOCX, PDF and Markdown
 * writers alike.
 */
export interface FiledParts {
  parentBody: string;
  body: string;
  placeDate: string;
  title: string;
  presidium: [label: string, value: string][];
  attendance: { label: string; names: string[] }[];
  quorum: string;
  /** The committee's appointment and its members, or null when there is none. */
  committee: { basis: string; members: string[] } | null;
  signers: Signer[];
}

export const MINUTES_TITLE = 'BIÊN BẢN HỘI NGHỊ';

const nameOf = (state: MeetingState, id: string) => state.participants.find((p) => p.id === id)?.name ?? id;

/** Whose attendance a record states: the members of the body and its guests (not observers nor screens). */
const ATTENDANCE_HEADINGS: [AttendanceStatus, string][] = [
  ['present', 'Có mặt'],
  ['excused', 'Vắng có lý do'],
  ['absent', 'Vắng không có lý do'],
];

export function committeeBasisText(state: MeetingState, committee: CountingCommittee): string {
  const at = committee.at === null ? '' : ` lúc ${dateTime(committee.at, state.timeZone)}`;
  switch (committee.basis.kind) {
    case 'definition':
      return 'Do ban tổ chức chỉ định trước hội nghị (trong định nghĩa cuộc họp).';
    case 'named':
      return `Do đ/c ${nameOf(state, committee.basis.by)} (chủ trì) chỉ định${at}.`;
    case 'ballot': {
      const basis = committee.basis;
      const ballot = state.ballots.find((b) => b.id === basis.ballotId);
      return `Được hội nghị thông qua bằng bỏ phiếu «${ballot?.title ?? basis.ballotId}»${at}.`;
    }
  }
}

export function filedParts(state: MeetingState, generatedAt: number): FiledParts {
  const names = (role: string) =>
    state.participants
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join(', ') || '—';
  const attending = state.participants.filter((p) => attends(p.role));
  const q = quorum(state);
  const [n, d] = state.quorum;
  const committee = state.committee;
  return {
    parentBody: state.record.parentBody,
    body: state.organisation,
    // Dated the day the meeting ended (or, before it ends, the day the record is made).
    placeDate: placeAndDate(state.location, state.endedAt ?? generatedAt, state.timeZone),
    title: MINUTES_TITLE,
    presidium: [
      ['Chủ trì', names('chair')],
      ['Thư ký', names('secretary')],
    ],
    attendance: ATTENDANCE_HEADINGS.map(([status, label]) => {
      const who = attending.filter((p) => attendanceOf(state, p.id) === status).map((p) => p.name);
      return { label: `${label} (${who.length})`, names: who };
    }),
    quorum: `Số thành viên có mặt: ${q.present}/${q.members}; cần ít nhất ${q.required} (${n}/${d} tổng số thành viên): ${
      q.met ? 'đủ số lượng để tiến hành hội nghị' : 'KHÔNG đủ số lượng để tiến hành hội nghị'
    }.`,
    committee: committee && committee.members.length > 0 ? { basis: committeeBasisText(state, committee), members: committee.members.map((id) => nameOf(state, id)) } : null,
    signers: [
      { title: 'Thư ký', names: state.participants.filter((p) => p.role === 'secretary').map((p) => p.name) },
      { title: 'Chủ trì hội nghị', names: state.participants.filter((p) => p.role === 'chair').map((p) => p.name) },
    ],
  };
}
