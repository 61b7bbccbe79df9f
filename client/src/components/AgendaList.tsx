import { itemsOfDay } from '../../../shared/meeting/agenda.js';
import { formatDay } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from '../live/people.js';
import { useMeeting } from '../live/useMeeting.js';

/** The current day's agenda, read only, for tablets and observers. */
export function AgendaList() {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const items = itemsOfDay(state, state.currentDay);
  const day = state.days[state.currentDay - 1];
  return (
    <section className="panel agenda-list" aria-label={t.meeting.agendaOfDay}>
      <h2 className="panel-label">
        {t.meeting.agendaOfDay} · {t.common.day(state.currentDay)}
        {day ? ` · ${formatDay(day, lang)}` : ''}
      </h2>
      {items.length === 0 && <p className="muted">{t.agenda.emptyDay}</p>}
      <ol className="agenda-rows" data-testid="agenda-list">
        {items.map((item, i) => (
          <li key={item.id} className={`agenda-row status-${item.status}`} data-testid={`agenda-item-${item.id}`} data-status={item.status}>
            <span className="agenda-index">{i + 1}</span>
            <span className="agenda-main">
              <span className="agenda-title">{item.title}</span>
              <span className="agenda-meta">
                <span>{t.kinds[item.kind]}</span>
                {item.subject && <span>· {nameOf(state, item.subject)}</span>}
                <span>· {t.common.minutes(item.plannedMinutes)}</span>
              </span>
            </span>
            <span className={`chip status-chip status-${item.status}`}>{t.itemStatus[item.status]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
