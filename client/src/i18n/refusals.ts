import type { RefusalReason } from '../../../shared/errors.js';
import { joined, levelAt, nextDay, type RefusalText } from './refusalText.js';

/**
 * Why the rules refused a step, and what to do next, from the error's `reason` and `detail`
 * (shared/errors.ts), in Vietnamese; English is en/refusals.ts.
 */
export const refusalPartsVi: Record<RefusalReason, RefusalText> = {
  'meeting-quorum-not-met': {
    reason: (d) => `Chưa đủ túc số hội nghị: có mặt ${d('present')}/${d('members')} ủy viên, cần ít nhất ${d('required')}.`,
    next: () => 'Hãy điểm danh đủ rồi mới mở bỏ phiếu.',
  },
  'too-few-eligible': {
    reason: (d) => `Chỉ có ${d('eligible')} người có quyền bỏ phiếu; cần ít nhất ${d('minCast')} người để không phiếu nào bị nhận ra.`,
    next: () => 'Hãy điểm danh thêm ủy viên hoặc chọn "Tất cả ủy viên".',
  },
  'ballot-quorum-not-met': {
    reason: (d) => `Mới có ${d('turnout')}/${d('eligible')} phiếu; cần ít nhất ${d('required')} phiếu (túc số) mới được kết thúc sớm.`,
    next: () => 'Hãy chờ thêm hoặc hủy cuộc bỏ phiếu.',
  },
  'quorum-below-floor': {
    reason: (d) => `Điều kiện hợp lệ thấp hơn quy định của hội nghị: cần ít nhất ${d('n')}/${d('d')} số người có quyền bỏ phiếu.`,
    next: () => 'Hãy chọn điều kiện cao hơn.',
  },
  'no-such-file': { reason: () => 'Không tìm thấy tệp đã tải lên.', next: () => 'Hãy tải tệp lên lại.' },
  'not-a-document': { reason: () => 'Tệp không phải PDF hay ảnh (PNG, JPEG, WebP).', next: () => 'Hãy chọn tệp PDF hoặc ảnh.' },
  'file-too-large': { reason: (d) => `Tệp quá lớn: mỗi tài liệu tối đa ${Math.round(Number(d('max')) / 1048576)} MB.`, next: () => 'Hãy nén hoặc tách tệp rồi tải lên lại.' },
  'meeting-files-full': {
    reason: (d) => `Tài liệu của hội nghị đã gần đầy dung lượng (tối đa ${Math.round(Number(d('max')) / 1048576)} MB).`,
    next: () => 'Hãy gỡ bớt tài liệu không cần thiết.',
  },
  'too-many-documents': { reason: (d) => `Hội nghị đã có số tài liệu tối đa (${d('max')}).`, next: () => 'Hãy gỡ bớt tài liệu không cần thiết.' },
  'document-removed': { reason: () => 'Tài liệu này đã bị gỡ.', next: () => 'Hãy tải lên tài liệu mới nếu cần.' },
  'document-not-showable': { reason: () => 'Chỉ trình chiếu tài liệu mà cả hội trường được xem.', next: () => 'Hãy đổi phạm vi xem của tài liệu trước.' },
  'item-removed': { reason: () => 'Mục này đã bị bỏ khỏi chương trình.', next: () => 'Hãy chọn mục khác.' },
  'collective-first': {
    reason: () => 'Theo trình tự kiểm điểm, tập thể được kiểm điểm và đánh giá trước cá nhân.',
    next: () => 'Hãy hoàn thành mục kiểm điểm tập thể và công bố kết quả đánh giá tập thể trước.',
  },
  'weak-pin': { reason: () => 'Mã PIN quá dễ đoán.', next: () => 'Hãy chọn mã khác.' },
  'meeting-running': { reason: () => 'Hội nghị đã bắt đầu.', next: () => 'Hãy mở mục cần thảo luận trong chương trình.' },
  'meeting-not-started': { reason: () => 'Hội nghị chưa bắt đầu.', next: () => 'Hãy bấm "Bắt đầu hội nghị" trước.' },
  'meeting-finished': { reason: () => 'Hội nghị đã kết thúc.', next: () => 'Nếu cần họp tiếp, hãy bấm "Tiếp tục hội nghị".' },
  'no-next-item': {
    reason: (d) => `Đã hết mục chưa diễn ra trong ngày ${d('day')}.`,
    next: (d) => {
      const day = nextDay(d);
      if (day === null) return 'Hãy kết thúc hội nghị, hoặc mở lại một mục đã qua.';
      return d('open') === 1 ? `Hãy bấm "Hoàn thành" cho mục đang mở, rồi chuyển hội nghị sang ngày ${day}.` : `Hãy chuyển hội nghị sang ngày ${day}, hoặc mở lại một mục đã qua.`;
    },
  },
  'no-previous-item': { reason: (d) => `Không có mục nào trước đó trong ngày ${d('day')}.`, next: () => 'Hãy chọn mục cần mở trong chương trình.' },
  'item-already-open': { reason: () => 'Mục này đang được mở.', next: () => 'Không cần làm gì thêm; muốn chuyển mục thì chọn mục khác.' },
  'close-item-first': {
    reason: (d) => `Mục ${d('position')} của ngày ${d('day')} đang mở.`,
    next: () => 'Hãy bấm "Hoàn thành" hoặc "Bỏ qua" cho mục đó trước.',
  },
  'day-already-current': { reason: (d) => `Hội nghị đang ở ngày ${d('day')}.`, next: () => 'Không cần chuyển ngày.' },
  'no-such-day': { reason: (d) => `Hội nghị chỉ có ${d('days')} ngày.`, next: () => 'Hãy chọn một ngày trong số đó.' },
  'item-not-open': { reason: () => 'Chỉ mục đang mở mới ghi được là hoàn thành.', next: () => 'Hãy mở mục này trước.' },
  'item-not-pending': { reason: () => 'Mục này đã diễn ra hoặc đã được bỏ qua.', next: () => 'Nếu cần bàn tiếp, hãy bấm "Mở lại".' },
  'item-took-place': { reason: () => 'Mục đã diễn ra được giữ trong biên bản, không xóa được.', next: () => 'Hãy bấm "Bỏ qua" nếu không tiếp tục mục đó.' },
  'agenda-full': { reason: (d) => `Chương trình đã có tối đa ${d('max')} mục.`, next: () => 'Hãy xóa một mục chưa diễn ra rồi thêm lại.' },
  'agenda-changed': { reason: () => 'Chương trình vừa được thay đổi trên máy khác.', next: () => 'Hãy xem lại thứ tự mới rồi thử lại.' },
  'not-in-session': { reason: () => 'Hội nghị đang không họp (chưa bắt đầu hoặc đã kết thúc).', next: () => 'Hãy bắt đầu hoặc tiếp tục hội nghị trước.' },
  'no-open-item': { reason: () => 'Chưa có mục nào đang mở.', next: () => 'Hãy mở một mục trong chương trình trước.' },
  'item-no-longer-open': { reason: () => 'Mục này không còn là mục đang mở.', next: () => 'Hãy thao tác trên mục đang mở hiện nay.' },
  'cannot-take-floor': { reason: () => 'Người này không phát biểu được (chỉ theo dõi).', next: () => 'Hãy chọn một ủy viên hoặc đại biểu.' },
  'list-closed': { reason: () => 'Danh sách phát biểu đang đóng.', next: () => 'Chủ trì mở lại danh sách, hoặc đăng ký hộ.' },
  'already-queued': { reason: () => 'Người này đã có trong danh sách chờ.', next: () => 'Không cần đăng ký lại; hãy chờ đến lượt.' },
  'queue-empty': { reason: () => 'Chưa có ai chờ phát biểu.', next: () => 'Hãy chọn người rồi bấm "Mời phát biểu ngay", hoặc chờ đăng ký.' },
  'nobody-speaking': { reason: () => 'Hiện không có ai đang phát biểu.', next: () => 'Hãy mời người tiếp theo phát biểu.' },
  'speech-already-ended': { reason: () => 'Lượt phát biểu đó đã kết thúc.', next: () => 'Hãy xem người đang phát biểu hiện nay rồi thao tác lại.' },
  'queue-changed': { reason: () => 'Danh sách phát biểu vừa thay đổi.', next: () => 'Hãy xem lại thứ tự mới rồi thử lại.' },
  'list-unchanged': {
    reason: (d) => (d('open') === 1 ? 'Danh sách phát biểu đã mở sẵn.' : 'Danh sách phát biểu đã đóng sẵn.'),
    next: () => 'Không cần làm gì thêm.',
  },
  'no-announcement': { reason: () => 'Hiện không có thông báo nào.', next: () => 'Không cần làm gì thêm.' },
  'attendance-marked': { reason: () => 'Chủ trì hoặc thư ký đã điểm danh đồng chí; chỉ chủ trì hoặc thư ký mới thay đổi được.', next: () => 'Nếu có sai sót, xin báo thư ký.' },
  'check-in-closed': { reason: () => 'Hội nghị đã kết thúc, không điểm danh được nữa.', next: () => 'Không cần làm gì thêm.' },
  'no-such-document': { reason: () => 'Tài liệu này không thuộc hội nghị.', next: () => 'Tải lại trang rồi chọn lại tài liệu.' },
  'no-such-version': { reason: () => 'Không còn phiên bản này của tài liệu.', next: () => 'Mở lại lịch sử và chọn một phiên bản khác.' },
  // Self-assessment (issue 17).
  'self-level-above-score': {
    reason: (d) => `Tổng điểm ${d('total')} chỉ cho phép tự xếp loại cao nhất là "${levelAt(d, 'vi')}".`,
    next: () => 'Hãy chọn mức đó hoặc thấp hơn, hoặc xem lại điểm.',
  },
  'score-form-mismatch': { reason: () => 'Điểm tự chấm không khớp với phiếu chấm điểm của hội nghị.', next: () => 'Hãy chấm đủ từng nhóm tiêu chí, không vượt điểm tối đa.' },
  'self-assessment-disclosed': { reason: () => 'Bản tự đánh giá đã được công bố trước hội nghị.', next: () => 'Không sửa được nữa.' },
  'self-assessment-closed': { reason: () => 'Hội nghị đã kết thúc.', next: () => 'Không nộp hoặc sửa bản tự đánh giá được nữa.' },
  // The counting committee (docs/BALLOTS.md, "Counting committee").
  'committee-publishes': {
    reason: (d) => `Kết quả do tổ kiểm phiếu công bố: đã có ${d('confirmed')}/${d('needed')} thành viên xác nhận.`,
    next: () => 'Hãy chờ tổ kiểm phiếu xác nhận trên máy của mình.',
  },
  'committee-required': {
    reason: () => 'Hội nghị chưa có tổ kiểm phiếu; phiếu đánh giá, xếp loại chỉ mở khi đã có tổ.',
    next: () => 'Hãy lập tổ kiểm phiếu trước (mục "Tổ kiểm phiếu").',
  },
  'committee-invalid': {
    reason: (d) => `Tổ kiểm phiếu gồm ${d('min')} đến ${d('max')} đại biểu có quyền biểu quyết, không trùng nhau, không có đồng chí chủ trì.`,
    next: () => 'Hãy chọn lại danh sách.',
  },
  'committee-counting': {
    reason: () => 'Tổ kiểm phiếu đang kiểm một cuộc bỏ phiếu đã kết thúc; không thay tổ giữa chừng được.',
    next: () => 'Hãy chờ tổ công bố kết quả rồi mới thay.',
  },
  'committee-not-approved': { reason: () => 'Cuộc biểu quyết được chọn không thông qua đúng danh sách này.', next: () => 'Hãy chọn đúng những người được biểu quyết thông qua.' },
  'not-on-committee': { reason: () => 'Chỉ thành viên tổ kiểm phiếu mới xác nhận kết quả.', next: () => 'Không cần làm gì thêm.' },
  'not-awaiting-count': { reason: () => 'Cuộc bỏ phiếu này không chờ tổ kiểm phiếu xác nhận.', next: () => 'Không cần làm gì thêm.' },
  'already-confirmed': { reason: () => 'Đồng chí đã xác nhận kết quả này rồi.', next: () => 'Không cần làm gì thêm.' },
  'tally-changed': { reason: () => 'Kết quả đồng chí xác nhận không khớp với kết quả kiểm phiếu.', next: () => 'Hãy tải lại kết quả, đối chiếu rồi xác nhận lại.' },
};

export const refusalsVi = joined(refusalPartsVi);
