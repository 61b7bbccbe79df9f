import type { AgendaItem } from '../../../../shared/meeting/state.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';

/** Who the item is about or who presents it, where the agenda says. */
export function ScreenItemPeople({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  if (!item.subject && !item.presenter) return null;
  return (
    <p className="screen-item-people">
      {item.subject && (
        <span data-testid="item-subject">
          {t.screen.underReview}: <strong>{nameOf(state, item.subject)}</strong>
        </span>
      )}
      {item.presenter && (
        <span data-testid="item-presenter">
          {t.screen.presenter}: <strong>{nameOf(state, item.presenter)}</strong>
        </span>
      )}
    </p>
  );
}
