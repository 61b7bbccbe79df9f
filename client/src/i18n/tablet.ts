import { formatCount } from '../../../shared/format.js';

/** The tablet's and the observer's frame: the tabs, one's own turn, a paper waiting. Vietnamese first. */
export const tabletVi = {
  tabs: 'Các mục của màn hình',
  tab: { item: 'Nội dung', speakers: 'Phát biểu', notes: 'Góp ý', vote: 'Bỏ phiếu', documents: 'Tài liệu' },
  /** On the open item's card, a button to its documents ("3" formatted already). */
  itemDocuments: (n: string) => `Tài liệu của nội dung này (${n})`,
  /** The vote tab's badge, read out in full. */
  papersToFill: (n: number) => `còn ${formatCount(n, 'vi')} phiếu chưa điền`,
  myPlace: (n: number) => `Bạn đứng thứ ${formatCount(n, 'vi')}`,
  myPlaceHint: 'trong danh sách phát biểu',
  openPaper: (n: number) => `Còn ${formatCount(n, 'vi')} phiếu chưa điền · Mở phiếu`,
  nowSpeaking: 'Đang phát biểu:',
  noQueueYet: 'Danh sách phát biểu mở khi chủ trì mở một nội dung.',
  noVoteYet: 'Chưa có cuộc bỏ phiếu nào.',
};
