import type { OpeningEffect } from '../../../shared/meeting/agendaOrder.js';
import type { ClientErrorCode } from '../live/connection.js';

/**
 * The chair console's own words: its tabs, the confirmations that name what a step does to the
 * record, why a control is unavailable, and what to do after a refusal the rules give no reason for.
 */

/** Item numbers as the agenda shows them, runs folded: [1, 2, 3, 4, 6] → "1–4, 6". */
export function itemNumbers(positions: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const n of positions) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : b === a + 1 ? `${a}, ${b}` : `${a}–${b}`)).join(', ');
}

const leftPendingVi = (positions: readonly number[], day?: number) =>
  positions.length === 0
    ? ''
    : ` ${positions.length === 1 ? 'Mục' : 'Các mục'} ${itemNumbers(positions)}${day === undefined ? '' : ` của ngày ${day}`} sẽ vẫn ở trạng thái Chưa diễn ra.`;
const leftPendingEn = (positions: readonly number[], day?: number) =>
  positions.length === 0 ? '' : ` ${positions.length === 1 ? 'Item' : 'Items'} ${itemNumbers(positions)}${day === undefined ? '' : ` of day ${day}`} will stay Pending.`;

export const consoleVi = {
  title: 'Bàn điều hành',
  sections: 'Các phần của bàn điều hành',
  tabs: {
    agenda: 'Chương trình',
    floor: 'Phát biểu',
    ballots: 'Bỏ phiếu',
    review: 'Kiểm điểm',
    attendance: 'Điểm danh',
    screen: 'Màn hình',
    announcement: 'Thông báo',
    stats: 'Thống kê',
    notes: 'Góp ý',
    minutes: 'Biên bản',
    notices: 'Nhật ký',
    documents: 'Tài liệu',
  },
  confirm: {
    start: 'Bắt đầu hội nghị? Giờ bắt đầu được ghi vào biên bản.',
    resume: 'Tiếp tục hội nghị đã kết thúc? Hội nghị họp lại từ lúc này.',
    startLabel: 'Bắt đầu',
    resumeLabel: 'Tiếp tục',
    opening: (e: OpeningEffect) => {
      const where = e.switchesDay ? `mục ${e.position} của ngày ${e.day}` : `mục ${e.position}`;
      const head = e.startsMeeting ? `Bắt đầu hội nghị tại ${where}?` : e.switchesDay ? `Chuyển hội nghị sang ngày ${e.day} và mở ${where}?` : `Mở ${where}?`;
      const closes = e.closes === null ? '' : ` Mục ${e.closes} đang mở sẽ được ghi là Hoàn thành.`;
      return head + leftPendingVi(e.passedOver) + closes;
    },
    openingLabel: (position: number) => `Mở mục ${position}`,
    finish: (closes: number | null, left: readonly number[], day: number) =>
      `Kết thúc hội nghị? Giờ kết thúc được ghi vào biên bản.${closes === null ? '' : ` Mục ${closes} đang mở sẽ được ghi là Hoàn thành.`}${leftPendingVi(left, day)}`,
    finishLabel: 'Kết thúc hội nghị',
    switchDay: (day: number, date: string, from: number, left: readonly number[]) => `Chuyển hội nghị sang ngày ${day} (${date})?${leftPendingVi(left, from)}`,
    switchDayLabel: (day: number) => `Chuyển sang ngày ${day}`,
  },
  why: {
    switchDayItemOpen: (position: number) => `Mục ${position} đang mở: hãy bấm "Hoàn thành" hoặc "Bỏ qua" rồi mới chuyển ngày.`,
    nobodyWaiting: 'Chưa có ai chờ phát biểu: chọn người ở phần dưới để mời phát biểu ngay.',
    choosePerson: 'Chọn người ở trên trước.',
  },
  refusal: { next: 'Cách làm tiếp' },
  errorNext: {
    'invalid-payload': 'Hãy kiểm tra lại nội dung rồi gửi lại.',
    'payload-too-large': 'Hãy rút gọn rồi gửi lại.',
    'unknown-command': 'Hãy tải lại trang để cập nhật ứng dụng.',
    unauthorized: 'Hãy xin ban tổ chức đường dẫn mới.',
    'wrong-meeting': 'Hãy tải lại trang.',
    forbidden: 'Việc này do chủ trì thực hiện.',
    'not-found': 'Hãy xem lại danh sách mới nhất rồi thử lại.',
    'invalid-state': 'Hãy xem lại tình trạng hiện tại trên màn hình rồi thử lại.',
    conflict: '',
    'already-voted': '',
    'not-eligible': '',
    'invalid-paper': 'Hãy chọn đủ các ô rồi gửi lại.',
    'pin-required': '',
    'pin-not-set': '',
    'wrong-pin': '',
    'voting-locked': '',
    'rate-limited': '',
    'too-many-connections': '',
    'upgrade-required': '',
    'store-unavailable': 'Hãy thử lại sau giây lát.',
    internal: 'Hãy thử lại; nếu vẫn lỗi, báo ban tổ chức.',
    timeout: '',
    offline: 'Hãy bấm lại khi đã kết nối.',
  } satisfies Record<ClientErrorCode, string>,
};

export const consoleEn: typeof consoleVi = {
  title: 'Chair console',
  sections: 'Parts of the console',
  tabs: {
    agenda: 'Agenda',
    floor: 'Floor',
    ballots: 'Ballots',
    review: 'Review',
    attendance: 'Attendance',
    screen: 'Screen',
    announcement: 'Announcement',
    stats: 'Statistics',
    notes: 'Notes',
    minutes: 'Minutes',
    notices: 'Log',
    documents: 'Documents',
  },
  confirm: {
    start: 'Start the meeting? The start time goes on the record.',
    resume: 'Resume the meeting that has ended? It sits again from now.',
    startLabel: 'Start',
    resumeLabel: 'Resume',
    opening: (e) => {
      const where = e.switchesDay ? `item ${e.position} of day ${e.day}` : `item ${e.position}`;
      const head = e.startsMeeting ? `Start the meeting at ${where}?` : e.switchesDay ? `Move the meeting to day ${e.day} and open ${where}?` : `Open ${where}?`;
      const closes = e.closes === null ? '' : ` The open item ${e.closes} will be marked Done.`;
      return head + leftPendingEn(e.passedOver) + closes;
    },
    openingLabel: (position) => `Open item ${position}`,
    finish: (closes, left, day) =>
      `Finish the meeting? The end time goes on the record.${closes === null ? '' : ` The open item ${closes} will be marked Done.`}${leftPendingEn(left, day)}`,
    finishLabel: 'Finish the meeting',
    switchDay: (day, date, from, left) => `Move the meeting to day ${day} (${date})?${leftPendingEn(left, from)}`,
    switchDayLabel: (day) => `Move to day ${day}`,
  },
  why: {
    switchDayItemOpen: (position) => `Item ${position} is open: mark it "Done" or "Skip" it before moving to another day.`,
    nobodyWaiting: 'Nobody is waiting: choose someone below to give them the floor directly.',
    choosePerson: 'Choose someone above first.',
  },
  refusal: { next: 'What to do' },
  errorNext: {
    'invalid-payload': 'Check what you entered and send it again.',
    'payload-too-large': 'Shorten it and send it again.',
    'unknown-command': 'Reload the page to update the app.',
    unauthorized: 'Ask the organisers for a new link.',
    'wrong-meeting': 'Reload the page.',
    forbidden: 'The chair does this.',
    'not-found': 'Look at the latest list and try again.',
    'invalid-state': 'Look at where the meeting is now and try again.',
    conflict: '',
    'already-voted': '',
    'not-eligible': '',
    'invalid-paper': 'Fill in every row and send it again.',
    'pin-required': '',
    'pin-not-set': '',
    'wrong-pin': '',
    'voting-locked': '',
    'rate-limited': '',
    'too-many-connections': '',
    'upgrade-required': '',
    'store-unavailable': 'Try again in a moment.',
    internal: 'Try again; if it fails again, tell the organisers.',
    timeout: '',
    offline: 'Press again once connected.',
  },
};
