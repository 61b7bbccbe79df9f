import type { Notice } from '../../shared/meeting/notices.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { parseDocName } from '../../shared/notes/access.js';
import { ATTENDANCE_LABEL, oneLine, timeThenDate } from './format.js';

/**
 * The record's account of every notice (shared/meeting/notices.ts): each step of the chair or the
 * organiser that could be used against a secret ballot or a member's vote, with its time, so that
 * whoever reads the record later sees what the room saw.
 */
export function noticeText(state: MeetingState, notice: Notice): string {
  const who = `đ/c ${state.participants.find((p) => p.id === notice.participantId)?.name ?? notice.participantId ?? '—'}`;
  const ballot = `«${state.ballots.find((b) => b.id === notice.ballotId)?.title ?? notice.ballotId ?? '—'}»`;
  switch (notice.kind) {
    case 'link-reissued':
      return `Chủ trì cấp lại đường dẫn của ${who}`;
    case 'pin-set':
      return `${who} đặt mã PIN bỏ phiếu`;
    case 'pin-reset':
      return `Mã PIN bỏ phiếu của ${who} được ban tổ chức đặt lại`;
    case 'voting-locked':
      return `Quyền bỏ phiếu của ${who} bị khóa (nhập sai PIN)`;
    case 'attendance-changed':
      return `Điểm danh thay đổi trong khi bỏ phiếu: ${who} → ${notice.status ? ATTENDANCE_LABEL[notice.status] : '—'}`;
    case 'ballot-closed-early': {
      const [n, of] = notice.turnout ?? [0, 0];
      return `Cuộc bỏ phiếu ${ballot} kết thúc sớm (${n}/${of} phiếu)`;
    }
    case 'ballot-cancelled':
      return `Cuộc bỏ phiếu ${ballot} bị hủy: lý do ${oneLine(notice.reason ?? '—')}`;
    case 'notes-restored': {
      const ref = parseDocName(notice.docName ?? '');
      const doc = ref?.kind === 'notes' ? `Góp ý «${oneLine(state.agenda.find((i) => i.id === ref.itemId)?.title ?? ref.itemId)}»` : 'Biên bản';
      const label = notice.label ? ` («${oneLine(notice.label)}»)` : '';
      return `${doc} được khôi phục về bản lúc ${timeThenDate(notice.versionAt ?? notice.at, state.timeZone)}${label} bởi ${who}`;
    }
    case 'committee-appointed':
      return `Tổ kiểm phiếu: ${(notice.members ?? []).map((id) => `đ/c ${state.participants.find((p) => p.id === id)?.name ?? id}`).join(', ')}${notice.ballotId ? `, theo kết quả biểu quyết ${ballot}` : `, do ${who} chỉ định`}`;
  }
}

/** "10:32 26/12/2024 — Chủ trì cấp lại đường dẫn của đ/c Lê Văn Một", oldest first. */
export function noticeLines(state: MeetingState): string[] {
  return (state.notices ?? []).map((n) => `${timeThenDate(n.at, state.timeZone)} — ${noticeText(state, n)}`);
}
