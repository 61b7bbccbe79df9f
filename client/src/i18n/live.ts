/**
 * Strings of the live meeting's views added with the room-screen control, item timing and presence.
 * Vietnamese first; English must have the same shape (checked by the type).
 */
import { formatMinutes } from '../../../shared/format.js';
export const liveVi = {
  screenControl: {
    title: 'Màn hình hội trường',
    agenda: 'Chương trình',
    notes: 'Ghi chép góp ý',
    showing: 'Đang chiếu',
    showingBallot: (title: string) => `Đang chiếu phiếu: ${title}`,
    preview: 'Xem trước',
    previewTitle: 'Mở màn hình hội trường trong thẻ mới',
  },
  timing: {
    running: (clock: string) => `thực tế ${clock}`,
    since: (time: string) => `từ ${time}`,
    span: (from: string, to: string) => `${from}–${to}`,
    over: 'Quá thời lượng dự kiến',
    dayTotal: (planned: number, used: number) => `Cả ngày: dự kiến ${formatMinutes(planned, 'vi')} · đã dùng ${formatMinutes(used, 'vi')}`,
  },
  presence: {
    connected: 'Đang kết nối',
    disconnected: 'Không kết nối',
    summary: 'Tình trạng',
    connectedCount: (n: number) => `${n} đang kết nối`,
    checkedInCount: (n: number) => `${n} có mặt`,
    absentCount: (n: number) => `${n} vắng`,
    excusedCount: (n: number) => `${n} vắng có lý do`,
    connectedNotPresent: 'Đang kết nối nhưng chưa điểm danh',
  },
  stats: {
    speakingNow: 'đang nói',
    meetingTotal: (n: number, clock: string) => `${n} lượt · tổng ${clock}`,
  },
  screen: {
    programme: 'Chương trình trong ngày',
    next: 'Tiếp theo',
    more: (n: number) => `và ${n} người nữa`,
  },
};

export type LiveMessages = typeof liveVi;
