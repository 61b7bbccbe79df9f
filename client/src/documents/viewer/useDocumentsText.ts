import { documentsEn, documentsVi, type DocumentsMessages } from '../../i18n/documents.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * The viewer's words in the app's language. They come with the viewer's lazy chunk rather than in
 * the main dictionaries (vi.ts, en.ts), which every view loads first: the tablet's first view stays
 * as it was (docs/DOCUMENTS.md, "Reading"). Both languages share one type, as the main ones do.
 */
export function useDocumentsText(): DocumentsMessages {
  return useI18n().lang === 'en' ? documentsEn : documentsVi;
}
