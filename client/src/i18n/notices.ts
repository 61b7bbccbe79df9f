/**
 * Notices of steps that could be used against a ballot or a member's vote (shared/meeting/notices.ts):
 * on the member's own device ("yours"), on the room screen and in the console's log ("room").
 * `who` is a person as the room calls them ("đ/c Lê Văn Một"); `time` is "HH:mm" in the meeting's zone.
 */
export const noticesVi = {
  title: 'Nhật ký công khai',
  mineTitle: 'Liên quan đến đồng chí',
  none: 'Chưa có thông báo nào',
  comrade: (name: string) => `đ/c ${name}`,
  yours: {
    'link-reissued': (time: string) => `Đường dẫn của đồng chí đã được cấp lại lúc ${time}`,
    'pin-set': (time: string) => `Mã PIN bỏ phiếu được đặt lúc ${time}`,
    'pin-reset': (time: string) => `Mã PIN đã được ban tổ chức đặt lại lúc ${time}`,
    'voting-locked': (time: string) => `Quyền bỏ phiếu bị khóa lúc ${time}`,
    'attendance-changed': (status: string, time: string) => `Điểm danh của đồng chí được ghi là "${status}" lúc ${time}`,
  },
  /** Said once under the member's notices: what to do when one of them was not their doing. */
  yoursHint: 'Nếu đồng chí không yêu cầu việc này, hãy báo ngay cho ban tổ chức.',
  room: {
    'link-reissued': (who: string, time: string) => `Chủ trì đã cấp lại đường dẫn của ${who} lúc ${time}`,
    'pin-set': (who: string, time: string) => `${who} đã đặt mã PIN bỏ phiếu lúc ${time}`,
    'pin-reset': (who: string, time: string) => `Ban tổ chức đã đặt lại mã PIN bỏ phiếu của ${who} lúc ${time}`,
    'voting-locked': (who: string, time: string) => `Quyền bỏ phiếu của ${who} bị khóa do nhập sai PIN, lúc ${time}`,
    'attendance-changed': (who: string, status: string, time: string) => `Thay đổi điểm danh trong khi đang bỏ phiếu: ${who} — ${status} (${time})`,
    'ballot-closed-early': (title: string, voted: number, eligible: number, time: string) => `Cuộc bỏ phiếu "${title}" kết thúc sớm: ${voted}/${eligible} phiếu (${time})`,
    'ballot-cancelled': (title: string, reason: string, time: string) => `Cuộc bỏ phiếu "${title}" đã bị hủy: ${reason} (${time})`,
    'notes-restored': (doc: string, versionTime: string, label: string | null, who: string, time: string) =>
      `${doc} đã được khôi phục về bản lúc ${versionTime}${label ? ` («${label}»)` : ''} bởi ${who} (${time})`,
    'committee-appointed': (members: string, ballot: string | null, who: string, time: string) =>
      `Tổ kiểm phiếu: ${members} — ${ballot ? `theo kết quả biểu quyết "${ballot}"` : `do ${who} chỉ định`} (${time})`,
  },
  /** The documents a restore names: the minutes, or an item's notes by its title. */
  minutesDoc: 'Biên bản',
  notesDoc: (item: string) => `Góp ý «${item}»`,
};
