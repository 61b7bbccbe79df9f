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

export const proposalsEn: typeof proposalsVi = {
  self: 'Self-rating',
  proposed: 'Proposed',
  proposedLong: 'Proposed level',
  none: 'Too few votes to propose a level',
  notSelfRated: 'No self-rating yet',
  differs: 'Differs from the self-rating',
  rule: (n, d, atLeast, answers) =>
    `Proposed: the highest level whose votes, counted down from the top, reach ${atLeast ? 'at least' : 'more than'} ${n}/${d} of the ${answers ? 'answers' : 'votes cast'}.`,
  capOk: (level, count, allowed, base, pct) => `${level}: ${count} (at most ${allowed}, ${pct} of ${base})`,
  capBreached: (level, count, allowed, base, pct) =>
    `Cap exceeded: ${count} proposed ${level}, at most ${allowed} (${pct} of ${base}). For the competent body to decide; nothing was adjusted.`,
  capBreachedShort: (level, count, allowed, pct) => `Cap exceeded: ${count} proposed ${level}, at most ${allowed} (${pct}); not adjusted`,
  flow: {
    title: 'Order of the review',
    collective: 'The collective',
    individuals: 'Individuals',
    report: 'Review report',
    selfReview: 'Self-review',
    comments: 'Comments',
    rating: 'Rating',
    committee: 'Counting committee',
    selfAssessed: (n, of) => `Self-assessments handed in: ${n}/${of}`,
    steps: { done: 'Done', active: 'Under way', pending: 'Not yet', skipped: 'Skipped', missing: 'Not on the agenda' },
    here: 'The meeting is here',
    outOfOrder: 'Out of order: the collective has not been rated yet',
    noReview: 'The agenda holds no review.',
  },
};
