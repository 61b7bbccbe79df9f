import type { Lang } from '../format.js';
import type { ItemStatus } from './state.js';

/**
 * The words for an agenda item's status, in both languages: the screens (client/src/i18n) and the
 * filed record (server/export) read them from here, so the record says what the room saw.
 */
export const ITEM_STATUS_WORDS: Record<Lang, Record<ItemStatus, string>> = {
  vi: { pending: 'Chưa diễn ra', active: 'Đang diễn ra', done: 'Hoàn thành', skipped: 'Bỏ qua' },
  en: { pending: 'Pending', active: 'In progress', done: 'Done', skipped: 'Skipped' },
};
