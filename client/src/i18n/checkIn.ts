/**
 * Strings of attendance as the chair keeps it: the member's own check-in on the tablet, the chair's
 * "mark everyone connected present", and who marked whom and when. Vietnamese first; English must
 * have the same shape (checked by the type).
 */
import { formatCount } from '../../../shared/format.js';

export const checkInVi = {
  title: 'Điểm danh',
  tap: 'Điểm danh: Tôi có mặt',
  hint: 'Chạm khi đồng chí đã có mặt tại hội trường.',
  done: (time: string) => `Đồng chí đã điểm danh có mặt lúc ${time}.`,
  markedBy: (status: string, who: string) => `${who} đã điểm danh đồng chí: ${status}. Nếu có sai sót, xin báo thư ký.`,
  markedPresent: (who: string) => `${who} đã điểm danh đồng chí có mặt.`,
  closed: 'Hội nghị đã kết thúc.',
  markConnected: 'Điểm danh tất cả người đang trực tuyến',
  markConnectedHint: 'Ghi có mặt cho mọi người đang trực tuyến mà chưa được điểm danh; không thay đổi người đã điểm danh.',
  markedCount: (n: number) => (n === 0 ? 'Không có ai đang trực tuyến mà chưa điểm danh.' : `Đã điểm danh có mặt ${formatCount(n, 'vi')} người.`),
  selfCheckedIn: (name: string, time: string) => `${name} tự điểm danh có mặt lúc ${time}`,
  notMarked: 'Chưa điểm danh',
  notMarkedCount: (n: number) => `${formatCount(n, 'vi')} chưa điểm danh`,
  connectedNotMarked: 'Đang trực tuyến nhưng chưa điểm danh',
  source: {
    self: (time: string) => `Tự điểm danh lúc ${time}`,
    console: (time: string) => `Mở bảng điều hành lúc ${time}`,
    presidium: (who: string, time: string) => `${who} ghi nhận lúc ${time}`,
  },
};

export const checkInEn: typeof checkInVi = {
  title: 'Attendance',
  tap: 'Check in: I am present',
  hint: 'Tap once you are in the hall.',
  done: (time: string) => `You checked in as present at ${time}.`,
  markedBy: (status: string, who: string) => `${who} marked you: ${status}. If this is wrong, tell the secretary.`,
  markedPresent: (who: string) => `${who} marked you present.`,
  closed: 'The meeting has ended.',
  markConnected: 'Mark everyone online present',
  markConnectedHint: 'Marks present everyone online who has not been marked yet; existing marks stay as they are.',
  markedCount: (n: number) => (n === 0 ? 'Nobody online is waiting to be marked.' : `Marked ${formatCount(n, 'en')} ${n === 1 ? 'person' : 'people'} present.`),
  selfCheckedIn: (name: string, time: string) => `${name} checked in as present at ${time}`,
  notMarked: 'Not marked',
  notMarkedCount: (n: number) => `${formatCount(n, 'en')} not marked`,
  connectedNotMarked: 'Online but not marked yet',
  source: {
    self: (time: string) => `Checked in at ${time}`,
    console: (time: string) => `Opened the console at ${time}`,
    presidium: (who: string, time: string) => `Marked by ${who} at ${time}`,
  },
};
