/**
 * Strings of the room screen, hooked into `vi.ts` and `en.ts` as `screen`. Numbers come in already
 * formatted (shared/format.ts), so the words alone differ between the languages.
 */
export const screenVi = {
  scanToFollow: 'Quét mã để theo dõi trực tuyến',
  waiting: 'Xin mời đại biểu ổn định chỗ ngồi',
  connectionLost: 'Mất kết nối — đang kết nối lại',
  present: (present: string, members: string) => `Có mặt ${present}/${members} ủy viên`,
  quorumMissing: (required: string) => `chưa đủ số lượng (cần ${required})`,
  presenter: 'Trình bày',
  underReview: 'Đồng chí được kiểm điểm',
  page: (n: string, of: string) => `Trang ${n}/${of}`,
  votes: 'Số phiếu',
  ofCast: '% phiếu bầu',
  ofVoters: '% cử tri',
  option: 'Phương án',
  subject: 'Họ và tên',
};

export type ScreenMessages = typeof screenVi;
