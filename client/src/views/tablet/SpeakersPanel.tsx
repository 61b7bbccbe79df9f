import { activeItem } from '../../../../shared/meeting/state.js';
import { QueueList } from '../../components/QueueList.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';

/** The speakers' tab: who has the floor, then who waits, in order; one's own entry highlighted. */
export function SpeakersPanel() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const item = activeItem(state);
  const current = item?.queue.current ?? null;
  return (
    <section className="panel speakers-panel" aria-label={t.queue.title}>
      <h2 className="panel-label">
        {t.queue.title}
        {item && !item.queue.open && <span className="chip chip-warn">{t.queue.listClosed}</span>}
      </h2>
      {current && (
        <p className="speakers-now" data-testid="speakers-now" data-participant-id={current.participantId}>
          <span className="muted">{t.tablet.nowSpeaking}</span> <strong>{nameOf(state, current.participantId)}</strong>
        </p>
      )}
      {item ? <QueueList queue={item.queue} /> : <p className="muted">{t.tablet.noQueueYet}</p>}
    </section>
  );
}
