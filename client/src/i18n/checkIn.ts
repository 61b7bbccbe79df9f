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
