import type { RefusalReason } from '../../../shared/errors.js';

/**
 * Why the rules refused a step, and what to do next, from the error's `reason` and `detail`
 * (shared/errors.ts). `d(key)` reads one of the detail's numbers ("?" if the server left it out).
 */
type Explain = (d: (key: string) => number | string) => string;

export const refusalsVi: Record<RefusalReason, Explain> = {
  'meeting-quorum-not-met': (d) => `Chưa đủ túc số hội nghị: có mặt ${d('present')}/${d('members')} ủy viên, cần ít nhất ${d('required')}. Hãy điểm danh đủ rồi mới mở bỏ phiếu.`,
  'too-few-eligible': (d) =>
    `Chỉ có ${d('eligible')} người có quyền bỏ phiếu; cần ít nhất ${d('minCast')} người để không phiếu nào bị nhận ra. Hãy điểm danh thêm ủy viên hoặc chọn "Tất cả ủy viên".`,
  'ballot-quorum-not-met': (d) =>
    `Mới có ${d('turnout')}/${d('eligible')} phiếu; cần ít nhất ${d('required')} phiếu (túc số) mới được kết thúc sớm. Hãy chờ thêm hoặc hủy cuộc bỏ phiếu.`,
  'quorum-below-floor': (d) => `Điều kiện hợp lệ thấp hơn quy định của hội nghị: cần ít nhất ${d('n')}/${d('d')} số người có quyền bỏ phiếu. Hãy chọn điều kiện cao hơn.`,
  'weak-pin': () => 'Mã PIN quá dễ đoán. Hãy chọn mã khác.',
  'attendance-marked': () => 'Chủ trì hoặc thư ký đã điểm danh đồng chí; chỉ chủ trì hoặc thư ký mới thay đổi được. Nếu có sai sót, xin báo thư ký.',
  'check-in-closed': () => 'Hội nghị đã kết thúc, không điểm danh được nữa.',
};

export const refusalsEn: typeof refusalsVi = {
  'meeting-quorum-not-met': (d) => `No quorum: ${d('present')} of ${d('members')} members present, at least ${d('required')} needed. Take attendance before opening the ballot.`,
  'too-few-eligible': (d) =>
    `Only ${d('eligible')} eligible voters; a ballot needs at least ${d('minCast')} so that no paper can be singled out. Check in more members or choose "All members".`,
  'ballot-quorum-not-met': (d) =>
    `Only ${d('turnout')} of ${d('eligible')} papers so far; closing early needs at least ${d('required')} (the ballot's quorum). Wait for more, or cancel the ballot.`,
  'quorum-below-floor': (d) => `The validity rule is below the meeting's: at least ${d('n')}/${d('d')} of the eligible voters. Choose a higher one.`,
  'weak-pin': () => 'This PIN is too easy to guess. Choose another.',
  'attendance-marked': () => 'The chair or the secretary has already marked your attendance; only they can change it. If it is wrong, tell the secretary.',
  'check-in-closed': () => 'The meeting has ended; attendance is closed.',
};
