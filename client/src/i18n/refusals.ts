import type { RefusalReason } from '../../../shared/errors.js';
import { OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';

/**
 * Why the rules refused a step, and what to do next, from the error's `reason` and `detail`
 * (shared/errors.ts). `d(key)` reads one of the detail's numbers ("?" if the server left it out).
 */
type Detail = (key: string) => number | string;
type Explain = (d: Detail) => string;
/** The reason names what is missing or in the way; the next step says what the reader can do about it. */
export interface RefusalText {
  reason: Explain;
  next: Explain;
}

/** The day after `d('day')`, when the meeting has one. */
/** The level at `d('allowed')`'s place on the official scale (0 = best), in the reader's language. */
const levelAt = (d: Detail, lang: 'vi' | 'en'): string => {
  const at = d('allowed');
  const level = typeof at === 'number' ? OFFICIAL_SCALE[at] : undefined;
  return level ? level[lang] : '?';
};

const nextDay = (d: Detail): number | null => {
  const day = d('day');
  const days = d('days');
  return typeof day === 'number' && typeof days === 'number' && day < days ? day + 1 : null;
};

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

export const refusalPartsEn: typeof refusalPartsVi = {
  'meeting-quorum-not-met': {
    reason: (d) => `No quorum: ${d('present')} of ${d('members')} members present, at least ${d('required')} needed.`,
    next: () => 'Take attendance before opening the ballot.',
  },
  'too-few-eligible': {
    reason: (d) => `Only ${d('eligible')} eligible voters; a ballot needs at least ${d('minCast')} so that no paper can be singled out.`,
    next: () => 'Check in more members or choose "All members".',
  },
  'ballot-quorum-not-met': {
    reason: (d) => `Only ${d('turnout')} of ${d('eligible')} papers so far; closing early needs at least ${d('required')} (the ballot's quorum).`,
    next: () => 'Wait for more, or cancel the ballot.',
  },
  'quorum-below-floor': {
    reason: (d) => `The validity rule is below the meeting's: at least ${d('n')}/${d('d')} of the eligible voters.`,
    next: () => 'Choose a higher one.',
  },
  'no-such-file': { reason: () => 'The uploaded file was not found.', next: () => 'Upload the file again.' },
  'not-a-document': { reason: () => 'The file is neither a PDF nor an image (PNG, JPEG, WebP).', next: () => 'Choose a PDF or an image.' },
  'file-too-large': {
    reason: (d) => `The file is too large: a document is at most ${Math.round(Number(d('max')) / 1048576)} MB.`,
    next: () => 'Compress or split it, then upload again.',
  },
  'meeting-files-full': {
    reason: (d) => `The meeting's documents are close to their total (at most ${Math.round(Number(d('max')) / 1048576)} MB).`,
    next: () => 'Remove documents that are not needed.',
  },
  'too-many-documents': { reason: (d) => `The meeting has the most documents allowed (${d('max')}).`, next: () => 'Remove documents that are not needed.' },
  'document-removed': { reason: () => 'This document was removed.', next: () => 'Upload a new one if needed.' },
  'document-not-showable': { reason: () => 'Only a document the whole room may see goes on the screen.', next: () => "Change the document's visibility first." },
  'item-removed': { reason: () => 'This item was removed from the agenda.', next: () => 'Choose another item.' },
  'collective-first': {
    reason: () => 'The review takes the collective before individuals.',
    next: () => "Hold the collective's review item and publish the collective's rating first.",
  },
  'weak-pin': { reason: () => 'This PIN is too easy to guess.', next: () => 'Choose another.' },
  'meeting-running': { reason: () => 'The meeting has already started.', next: () => 'Open the item to discuss from the agenda.' },
  'meeting-not-started': { reason: () => 'The meeting has not started.', next: () => 'Press "Start the meeting" first.' },
  'meeting-finished': { reason: () => 'The meeting has ended.', next: () => 'To sit again, press "Resume the meeting".' },
  'no-next-item': {
    reason: (d) => `No item left to hold on day ${d('day')}.`,
    next: (d) => {
      const day = nextDay(d);
      if (day === null) return 'Finish the meeting, or reopen an earlier item.';
      return d('open') === 1 ? `Mark the open item "Done", then move the meeting to day ${day}.` : `Move the meeting to day ${day}, or reopen an earlier item.`;
    },
  },
  'no-previous-item': { reason: (d) => `No earlier item on day ${d('day')}.`, next: () => 'Choose the item to open from the agenda.' },
  'item-already-open': { reason: () => 'This item is already open.', next: () => 'Nothing to do; choose another item to move on.' },
  'close-item-first': { reason: (d) => `Item ${d('position')} of day ${d('day')} is open.`, next: () => 'Mark it "Done" or "Skip" it first.' },
  'day-already-current': { reason: (d) => `The meeting is on day ${d('day')} already.`, next: () => 'No need to move.' },
  'no-such-day': { reason: (d) => `The meeting has only ${d('days')} days.`, next: () => 'Choose one of them.' },
  'item-not-open': { reason: () => 'Only the open item can be marked done.', next: () => 'Open this item first.' },
  'item-not-pending': { reason: () => 'This item has taken place or was skipped.', next: () => 'To discuss it again, press "Reopen".' },
  'item-took-place': { reason: () => 'An item that has taken place stays on the record and cannot be removed.', next: () => 'Press "Skip" if it will not continue.' },
  'agenda-full': { reason: (d) => `The agenda already has the most items allowed (${d('max')}).`, next: () => 'Remove an item not yet held, then add again.' },
  'agenda-changed': { reason: () => 'The agenda was just changed on another device.', next: () => 'Look at the new order and try again.' },
  'not-in-session': { reason: () => 'The meeting is not sitting (not started yet, or ended).', next: () => 'Start or resume the meeting first.' },
  'no-open-item': { reason: () => 'No item is open.', next: () => 'Open an item from the agenda first.' },
  'item-no-longer-open': { reason: () => 'This item is no longer the open one.', next: () => 'Work on the item that is open now.' },
  'cannot-take-floor': { reason: () => 'This person cannot take the floor (they only follow).', next: () => 'Choose a member or a guest.' },
  'list-closed': { reason: () => 'The list of speakers is closed.', next: () => 'The chair can reopen the list, or add names on their behalf.' },
  'already-queued': { reason: () => 'This person is already waiting for the floor.', next: () => 'No need to ask again; wait for the turn.' },
  'queue-empty': { reason: () => 'Nobody is waiting for the floor.', next: () => 'Choose someone and press "Give the floor directly", or wait for requests.' },
  'nobody-speaking': { reason: () => 'Nobody has the floor.', next: () => 'Give the floor to the next speaker.' },
  'speech-already-ended': { reason: () => 'That speech has already ended.', next: () => 'Check who is speaking now and try again.' },
  'queue-changed': { reason: () => 'The list of speakers just changed.', next: () => 'Look at the new order and try again.' },
  'list-unchanged': {
    reason: (d) => (d('open') === 1 ? 'The list of speakers is open already.' : 'The list of speakers is closed already.'),
    next: () => 'Nothing to do.',
  },
  'no-announcement': { reason: () => 'There is no announcement.', next: () => 'Nothing to do.' },
  'attendance-marked': {
    reason: () => 'The chair or the secretary has already marked your attendance; only they can change it.',
    next: () => 'If it is wrong, tell the secretary.',
  },
  'check-in-closed': { reason: () => 'The meeting has ended; attendance is closed.', next: () => 'Nothing to do.' },
  'no-such-document': { reason: () => 'This document is not one of the meeting’s.', next: () => 'Reload the page and choose the document again.' },
  'no-such-version': { reason: () => 'This version of the document no longer exists.', next: () => 'Open the history again and choose another version.' },
  // Self-assessment (issue 17).
  'self-level-above-score': {
    reason: (d) => `A total of ${d('total')} allows a self-rating of at best "${levelAt(d, 'en')}".`,
    next: () => 'Choose that level or a lower one, or check the scores.',
  },
  'score-form-mismatch': { reason: () => 'The scores do not fit the meeting’s score form.', next: () => 'Score every group of criteria, none above its maximum.' },
  'self-assessment-disclosed': { reason: () => 'Your self-assessment has been shown to the meeting.', next: () => 'It can no longer be changed.' },
  'self-assessment-closed': { reason: () => 'The meeting has ended.', next: () => 'Self-assessments can no longer be handed in or changed.' },
  'committee-publishes': {
    reason: (d) => `The counting committee publishes this result: ${d('confirmed')} of ${d('needed')} confirmations so far.`,
    next: () => 'Wait for the committee to confirm on their own devices.',
  },
  'committee-required': {
    reason: () => 'The meeting has no counting committee yet; a rating opens only once it has one.',
    next: () => 'Appoint the counting committee first ("Counting committee").',
  },
  'committee-invalid': {
    reason: (d) => `A counting committee is ${d('min')} to ${d('max')} distinct voting members, without the chair.`,
    next: () => 'Choose the list again.',
  },
  'committee-counting': {
    reason: () => 'The counting committee is counting a closed ballot; it cannot be replaced mid-count.',
    next: () => 'Wait until it has published, then replace it.',
  },
  'committee-not-approved': { reason: () => 'The chosen ballot did not approve this list.', next: () => 'Choose exactly those the ballot approved.' },
  'not-on-committee': { reason: () => 'Only members of the counting committee confirm a tally.', next: () => 'Nothing to do.' },
  'not-awaiting-count': { reason: () => 'This ballot is not waiting for the committee’s confirmation.', next: () => 'Nothing to do.' },
  'already-confirmed': { reason: () => 'You have already confirmed this result.', next: () => 'Nothing to do.' },
  'tally-changed': { reason: () => 'The result you confirmed is not the tally.', next: () => 'Load the count again, compare, and confirm again.' },
};

/** Reason and next step as one sentence pair, where a single line is shown (toasts, the ballot controls). */
function joined(parts: Record<RefusalReason, RefusalText>): Record<RefusalReason, Explain> {
  return Object.fromEntries(Object.entries(parts).map(([reason, text]) => [reason, (d: Detail) => `${text.reason(d)} ${text.next(d)}`])) as Record<RefusalReason, Explain>;
}

export const refusalsVi = joined(refusalPartsVi);
export const refusalsEn: typeof refusalsVi = joined(refusalPartsEn);
