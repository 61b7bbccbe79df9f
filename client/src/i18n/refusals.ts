import type { RefusalReason } from '../../../shared/errors.js';

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
};

/** Reason and next step as one sentence pair, where a single line is shown (toasts, the ballot controls). */
function joined(parts: Record<RefusalReason, RefusalText>): Record<RefusalReason, Explain> {
  return Object.fromEntries(Object.entries(parts).map(([reason, text]) => [reason, (d: Detail) => `${text.reason(d)} ${text.next(d)}`])) as Record<RefusalReason, Explain>;
}

export const refusalsVi = joined(refusalPartsVi);
export const refusalsEn: typeof refusalsVi = joined(refusalPartsEn);
