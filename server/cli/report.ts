import { dateTime } from '../export/format.js';
import type { CreatedMeeting } from '../meetings/create.js';
import { ROLE_LABEL } from '../meetings/roleLabels.js';
import type { DefinitionIssue } from '../meetings/validate.js';
import type { MeetingSummary } from '../store/store.js';

/** Terminal width of a string: Vietnamese in NFC is one code point per letter. */
const width = (s: string) => [...s.normalize('NFC')].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** Left-aligned columns, two spaces apart; the last column is never padded. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : pad(cell, widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

export function createdReport(created: CreatedMeeting, cardsFile: string | null): string {
  const rows = created.links.map((l) => [`${ROLE_LABEL[l.role].vi} / ${ROLE_LABEL[l.role].en}`, l.name, l.url]);
  return [
    `Đã tạo cuộc họp / meeting created: ${created.title}`,
    `Mã cuộc họp / meeting id: ${created.meetingId}`,
    '',
    textTable(['Vai trò / Role', 'Họ tên / Name', 'Liên kết cá nhân / Personal link'], rows),
    '',
    cardsFile ? `Thẻ tham dự để in / printable join cards: ${cardsFile}` : 'Không ghi thẻ tham dự / no join cards written',
    'Máy chủ chỉ lưu mã băm của liên kết: hãy giữ kết quả này, không ai xem lại được. / The server keeps only hashes of these links: keep this output, nobody can show them again.',
    '',
  ].join('\n');
}

export function issuesReport(file: string, issues: readonly DefinitionIssue[]): string {
  return [`Định nghĩa cuộc họp không hợp lệ / invalid meeting definition: ${file}`, ...issues.map((i) => `  ${i.path}: ${i.message}`), ''].join('\n');
}

export function meetingsReport(meetings: readonly MeetingSummary[], timeZone = 'Asia/Ho_Chi_Minh'): string {
  if (meetings.length === 0) return 'Chưa có cuộc họp nào / no meetings yet\n';
  const rows = meetings.map((m) => [m.id, dateTime(m.createdAt, timeZone), m.title]);
  return `${textTable(['Mã / id', 'Tạo lúc / created', 'Tên / title'], rows)}\n`;
}

export function pinResetReport(done: { meetingId: string; participantId: string; version: number; via: 'server' | 'store' }, port: number): string {
  return [
    `Đã đặt lại mã PIN bỏ phiếu của ${done.participantId} / voting PIN reset for ${done.participantId} (${done.meetingId}, version ${done.version})`,
    done.via === 'server'
      ? `Máy chủ đang chạy (cổng ${port}) đã thông báo cho phòng họp / the running server (port ${port}) announced it to the room.`
      : `Không có máy chủ ở cổng ${port}: đã ghi thẳng vào kho dữ liệu / no server on port ${port}: written to the store; the room sees it when the server (re)loads the meeting.`,
    'Người đó đặt mã PIN mới trên thiết bị của mình / they set a new PIN on their own device.',
    '',
  ].join('\n');
}
