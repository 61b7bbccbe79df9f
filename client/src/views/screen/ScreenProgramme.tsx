import { itemsOfDay } from '../../../../shared/meeting/agenda.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

const SHOWN = 6;

/** Between items (and before the start) the hall sees the day's programme, the next item marked. */
export function ScreenProgramme() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const items = itemsOfDay(state, state.currentDay);
  const next = items.find((i) => i.status === 'pending');
  // Keep the next item in view on a long day: show a window that starts a little before it.
  const from = Math.max(0, Math.min(items.length - SHOWN, (next ? items.indexOf(next) : 0) - 2));
  if (items.length === 0) return null;
  return (
    <section className="screen-programme" data-testid="screen-programme">
      <p className="screen-label">{t.live.screen.programme}</p>
      <ol className="screen-programme-list">
        {items.slice(from, from + SHOWN).map((item) => (
          <li key={item.id} className={`status-${item.status} ${item === next ? 'is-next' : ''}`} data-testid={`screen-programme-${item.id}`}>
            <span className="screen-programme-index">{items.indexOf(item) + 1}</span>
            <span className="screen-programme-title">{item.title}</span>
            {item === next && <span className="chip">{t.live.screen.next}</span>}
            {item.status === 'done' && (
              <span className="screen-programme-done" aria-label={t.itemStatus.done}>
                ✓
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
