import { formatCount } from '../../../../shared/format.js';
import { activeItem } from '../../../../shared/meeting/state.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

/** On the open item's card: its papers one tap away, when it has any. */
export function ItemDocumentsLink({ onOpen }: { onOpen: () => void }) {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const item = activeItem(state);
  const n = item ? state.documents.filter((d) => d.itemId === item.id && d.removedAt === null).length : 0;
  if (n === 0) return null;
  return (
    <button type="button" className="btn item-documents-link" onClick={onOpen} data-testid="item-documents-link">
      {t.tablet.itemDocuments(formatCount(n, lang))}
    </button>
  );
}
