import { documentsRoomEn, documentsRoomVi, type DocumentsRoomMessages } from '../../i18n/documentsRoom.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * The room's document words (the list, the offline copy, the console's tab) in the app's language.
 * They come with the chunks that show them, not in the main dictionaries every first view loads.
 */
export function useDocumentsRoomText(): DocumentsRoomMessages {
  return useI18n().lang === 'en' ? documentsRoomEn : documentsRoomVi;
}
