/**
 * Strings of the proposed levels beside the self-ratings (shared/review/proposal.ts) and of the
 * review's order of the day (shared/review/flow.ts), hooked into `vi.ts` and `en.ts` as `proposals`.
 */
export const proposalsVi = {
  self: 'Tự xếp loại',
  proposed: 'Đề xuất',
  proposedLong: 'Mức đề xuất',
  none: 'Chưa đủ phiếu để đề xuất',
  notSelfRated: 'Chưa tự xếp loại',
  differs: 'Khác với tự xếp loại',
  rule: (n: number, d: number, atLeast: boolean, answers: boolean) =>
    `Đề xuất: mức cao nhất mà số phiếu từ mức đó trở lên ${atLeast ? 'đạt ít nhất' : 'trên'} ${n}/${d} số phiếu ${answers ? 'có đánh giá' : 'hợp lệ'}.`,
  capOk: (level: string, count: number, allowed: number, base: number, pct: string) => `${level}: ${count} người (tối đa ${allowed}, tức ${pct} của ${base} người)`,
  capBreached: (level: string, count: number, allowed: number, base: number, pct: string) =>
    `Vượt giới hạn: ${count} người được đề xuất ${level}, tối đa ${allowed} (${pct} của ${base} người). Cấp có thẩm quyền xem xét; kết quả không bị tự động điều chỉnh.`,
  /** One line on the room screen, where the rows need the room. */
  capBreachedShort: (level: string, count: number, allowed: number, pct: string) =>
    `Vượt giới hạn: ${count} đề xuất ${level}, tối đa ${allowed} (${pct}); không tự động điều chỉnh`,
  flow: {
    title: 'Trình tự kiểm điểm',
    collective: 'Tập thể',
    individuals: 'Cá nhân',
    report: 'Báo cáo kiểm điểm',
    selfReview: 'Tự kiểm điểm',
    comments: 'Góp ý',
    rating: 'Đánh giá, xếp loại',
    committee: 'Tổ kiểm phiếu',
    selfAssessed: (n: number, of: number) => `Đã nộp tự đánh giá: ${n}/${of}`,
    steps: { done: 'Xong', active: 'Đang diễn ra', pending: 'Chưa đến', skipped: 'Bỏ qua', missing: 'Chưa có trong chương trình' },
    here: 'Đang ở bước này',
    outOfOrder: 'Ngoài trình tự: tập thể chưa được đánh giá xong',
    noReview: 'Chương trình không có phần kiểm điểm.',
  },
};
