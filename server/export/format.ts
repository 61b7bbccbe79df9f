import { DIFFERS } from './review.js';
import { ITEM_STATUS_WORDS } from '../../shared/meeting/itemStatus.js';
import type { BallotKind, BallotStatus } from '../../shared/ballots/types.js';
import { formatClock, formatDateTime, formatDay, formatMinutes } from '../../shared/format.js';
import type { AttendanceStatus, ItemStatus, RequestKind } from '../../shared/meeting/state.js';

/** Labels and formats shared by the Markdown and DOCX record: Vietnamese, the record's language. */

/** dd/MM/yyyy HH:mm in the meeting's time zone. */
export function dateTime(ms: number, timeZone: string): string {
  return formatDateTime(ms, timeZone, 'vi');
}

/** HH:mm dd/MM/yyyy: a log line's time comes first, as a Vietnamese record reads it ("10:32 26/12/2024"). */
export function timeThenDate(ms: number, timeZone: string): string {
  const [date, time] = dateTime(ms, timeZone).split(' ');
  return `${time} ${date}`;
}

/** An ISO day (yyyy-mm-dd) as dd/MM/yyyy. */
export function day(iso: string): string {
  return formatDay(iso, 'vi');
}

export function duration(seconds: number): string {
  return formatClock(seconds);
}

/** The screen's own words (shared/meeting/itemStatus.ts): the record says what the room saw. */
export const STATUS_LABEL: Record<ItemStatus, string> = ITEM_STATUS_WORDS.vi;

export const SPEECH_LABEL: Record<RequestKind, string> = {
  speech: 'Phát biểu',
  'point-of-order': 'Ý kiến về thủ tục',
  reply: 'Giải trình',
};

export const BALLOT_KIND_LABEL: Record<BallotKind, string> = {
  rating: 'Đánh giá, xếp loại',
  motion: 'Biểu quyết',
  choice: 'Lựa chọn',
};

export const BALLOT_STATUS_LABEL: Record<Exclude<BallotStatus, 'draft'>, string> = {
  open: 'Đang bỏ phiếu',
  closed: 'Đã kết thúc, chưa công bố kết quả',
  published: 'Đã công bố kết quả',
  cancelled: 'Đã hủy',
};

export const ATTENDANCE_LABEL: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  absent: 'Vắng',
  excused: 'Vắng có lý do',
};

export const LABEL = {
  organisation: 'Cơ quan',
  location: 'Địa điểm',
  days: 'Thời gian',
  started: 'Bắt đầu',
  ended: 'Kết thúc',
  agenda: 'Chương trình',
  item: 'Nội dung',
  day: 'Ngày',
  planned: 'Dự kiến',
  actual: 'Thực tế',
  status: 'Trạng thái',
  presenter: 'Trình bày',
  speeches: 'Phát biểu',
  speaker: 'Người phát biểu',
  kind: 'Hình thức',
  at: 'Lúc',
  length: 'Thời lượng',
  notes: 'Ghi chép, góp ý',
  noNotes: '(chưa có ghi chép)',
  notesAuthors: 'Người viết',
  noSpeeches: '(chưa có phát biểu)',
  removed: 'Nội dung đã rút khỏi chương trình',
  removedIntro: 'Những nội dung được rút khỏi chương trình trước khi thực hiện; ghi chép của chúng được giữ nguyên.',
  removedAt: 'Rút lúc',
  minutes: 'Biên bản',
  noMinutes: '(chưa có biên bản)',
  ballots: 'Kết quả biểu quyết, đánh giá',
  noBallots: '(chưa có cuộc bỏ phiếu nào)',
  ballotKind: 'Loại',
  ballotStatus: 'Trạng thái',
  opened: 'Mở lúc',
  closed: 'Kết thúc lúc',
  cancelled: 'Hủy lúc',
  cancelReason: 'Lý do hủy',
  outcome: 'Kết quả',
  valid: 'Hợp lệ',
  passed: 'Được thông qua',
  notPassed: 'Không được thông qua',
  notValid: 'Không hợp lệ — chưa đủ túc số; chỉ công bố số phiếu',
  stillOpen: 'Đang bỏ phiếu: kết quả được giữ kín, chỉ ghi số phiếu.',
  sealed: 'Chủ trì chưa công bố kết quả: chỉ ghi số phiếu.',
  countsDeleted: 'Số phiếu đã kiểm đã bị xóa, không bao giờ công bố.',
  tooFewAnswers: (minCast: number) => `Quá ít phiếu trả lời để công bố (dưới ${minCast})`,
  notices: 'Thông báo công khai',
  noticesIntro: 'Những việc có thể ảnh hưởng tới bỏ phiếu kín, theo thời gian:',
  noNotices: '(không có thông báo nào)',
  subject: 'Họ và tên',
  subjectWithCollective: 'Tập thể, cá nhân',
  abstain: 'Không chọn',
  turnout: 'Số phiếu',
  generated: 'Xuất lúc',
  attendance: 'Thành phần tham dự',
  committee: 'Tổ kiểm phiếu',
  noCommittee: '(không có tổ kiểm phiếu: kết quả do chủ trì công bố)',
  selfRating: 'Tự xếp loại',
  proposed: 'Mức đề xuất',
  differsFromSelf: DIFFERS,
  ongoing: 'đang phát biểu',
} as const;

/** Free text (a cancel's reason) on one line: both formats lay it out inside a line or a cell. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "10 phút", "1 giờ 30 phút", or "—" when unknown. */
export function minutes(n: number | null): string {
  return n === null ? '—' : formatMinutes(n, 'vi');
}
