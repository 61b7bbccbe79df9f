import { formatClock } from '../../shared/meeting/timing.js';
import type { ItemStatus, RequestKind } from '../../shared/meeting/state.js';

/** Labels and formats shared by the Markdown and DOCX record: Vietnamese, the record's language. */

/** dd/MM/yyyy HH:mm in the meeting's time zone. */
export function dateTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** An ISO day (yyyy-mm-dd) as dd/MM/yyyy. */
export function day(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function duration(seconds: number): string {
  return formatClock(seconds);
}

export const STATUS_LABEL: Record<ItemStatus, string> = {
  pending: 'Chưa thực hiện', active: 'Đang thực hiện', done: 'Đã xong', skipped: 'Bỏ qua',
};

export const SPEECH_LABEL: Record<RequestKind, string> = {
  speech: 'Phát biểu', 'point-of-order': 'Ý kiến về thủ tục', reply: 'Giải trình',
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
  noSpeeches: '(chưa có phát biểu)',
  minutes: 'Biên bản',
  noMinutes: '(chưa có biên bản)',
  ballots: 'Kết quả biểu quyết, đánh giá',
  subject: 'Đối tượng',
  abstain: 'Không chọn',
  turnout: 'Số phiếu',
  generated: 'Xuất lúc',
  minutesUnit: 'phút',
  ongoing: 'đang phát biểu',
} as const;

/** "10 phút", or "—" when unknown. */
export function minutes(n: number | null): string {
  return n === null ? '—' : `${n} ${LABEL.minutesUnit}`;
}
