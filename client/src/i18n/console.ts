import type { OpeningEffect } from '../../../shared/meeting/agendaOrder.js';
import type { ClientErrorCode } from '../live/connection.js';
import { itemNumbers } from './itemNumbers.js';

/**
 * The chair console's own words: its tabs, the confirmations that name what a step does to the
 * record, why a control is unavailable, and what to do after a refusal the rules give no reason for.
 */

const leftPendingVi = (positions: readonly number[], day?: number) =>
  positions.length === 0
    ? ''
    : ` ${positions.length === 1 ? 'Mục' : 'Các mục'} ${itemNumbers(positions)}${day === undefined ? '' : ` của ngày ${day}`} sẽ vẫn ở trạng thái Chưa diễn ra.`;

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
