import type { ItemQueue } from '../../../../shared/meeting/state.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';

const SHOWN = 4;

export function NextSpeakers({ queue }: { queue: ItemQueue }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const more = queue.requests.length - SHOWN;
  return (
    <section className="screen-next">
      <p className="screen-label">{t.queue.nextSpeakers}</p>
      {queue.requests.length === 0 ? (
        <p className="screen-next-empty">{queue.open ? t.queue.empty : t.queue.closed}</p>
      ) : (
        <ol className="screen-next-list" data-testid="queue-list">
          {queue.requests.slice(0, SHOWN).map((r) => (
            <li key={r.id} className={`kind-${r.kind}`} data-testid={`queue-entry-${r.participantId}`}>
              <span className="screen-next-name">{nameOf(state, r.participantId)}</span>
              {r.kind !== 'speech' && <span className={`chip kind-${r.kind}`}>{t.requestKinds[r.kind]}</span>}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && (
        <p className="screen-next-more" data-testid="next-more">
          {t.live.screen.more(more)}
        </p>
      )}
    </section>
  );
}
