import type { FloorRequest, ItemQueue } from '../../../../shared/meeting/state.js';
import { activeItem } from '../../../../shared/meeting/state.js';
import { CommandButton } from '../../components/CommandButton.js';
import { QueueList } from '../../components/QueueList.js';
import { SpeakerCard } from '../../components/SpeakerCard.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { QueueTools } from './QueueTools.js';

function swapped(queue: ItemQueue, index: number, step: -1 | 1): string[] | null {
  const other = index + step;
  if (other < 0 || other >= queue.requests.length) return null;
  const ids = queue.requests.map((r) => r.id);
  [ids[index], ids[other]] = [ids[other], ids[index]];
  return ids;
}

/** Queue control for the open item: the floor, the timer, the waiting list and its settings. */
export function QueuePanel() {
  const { t } = useI18n();
  const { state, allowed } = useMeeting();
  const item = activeItem(state);

  if (state.status !== 'running' || !item) {
    const why = state.status === 'scheduled' ? t.meeting.notStarted : state.status === 'finished' ? t.meeting.finished : t.meeting.noActiveItem;
    return (
      <section id="queue" className="panel queue-panel" aria-label={t.queue.title}>
        <header className="panel-head">
          <h2>{t.queue.title}</h2>
        </header>
        <p className="muted">{why}</p>
      </section>
    );
  }

  const { queue } = item;
  const itemId = item.id;
  const manages = allowed({ type: 'queue.give', itemId });
  const actions = (r: FloorRequest, i: number) => {
    const up = swapped(queue, i, -1);
    const down = swapped(queue, i, 1);
    return (
      <>
        <CommandButton command={{ type: 'queue.give', requestId: r.id, itemId }} testId={`give-${r.id}`} className="btn-secondary">
          {t.queue.give}
        </CommandButton>
        <CommandButton
          command={{ type: 'queue.reorder', requestIds: up ?? [], itemId }}
          testId={`queue-up-${r.id}`}
          className="btn-ghost btn-icon"
          disabled={!up}
          ariaLabel={t.queue.moveUp}
          title={t.queue.moveUp}
        >
          ↑
        </CommandButton>
        <CommandButton
          command={{ type: 'queue.reorder', requestIds: down ?? [], itemId }}
          testId={`queue-down-${r.id}`}
          className="btn-ghost btn-icon"
          disabled={!down}
          ariaLabel={t.queue.moveDown}
          title={t.queue.moveDown}
        >
          ↓
        </CommandButton>
        <CommandButton
          command={{ type: 'queue.withdraw', requestId: r.id, itemId }}
          testId={`queue-remove-${r.id}`}
          className="btn-ghost btn-icon"
          ariaLabel={t.queue.remove}
          title={t.queue.remove}
        >
          ✕
        </CommandButton>
      </>
    );
  };

  return (
    <section id="queue" className="panel queue-panel" aria-label={t.queue.title}>
      <header className="panel-head">
        <h2>{t.queue.title}</h2>
        <span className={`chip ${queue.open ? 'chip-ok' : 'chip-warn'}`} data-testid="queue-state" data-open={String(queue.open)}>
          {queue.open ? t.queue.listOpen : t.queue.listClosed}
        </span>
      </header>

      <SpeakerCard speech={queue.current}>
        {manages && queue.current && (
          // Naming the speaker: a press on a stale screen must not end or extend whoever spoke next.
          <div className="speaker-controls">
            <CommandButton command={{ type: 'queue.end', itemId, participantId: queue.current.participantId }} testId="end-speech" className="btn-danger">
              {t.queue.endSpeech}
            </CommandButton>
            <CommandButton command={{ type: 'queue.extend', seconds: 60, itemId, participantId: queue.current.participantId }} testId="extend-60" className="btn-secondary">
              {t.queue.extend(1)}
            </CommandButton>
            <CommandButton command={{ type: 'queue.extend', seconds: 120, itemId, participantId: queue.current.participantId }} testId="extend-120" className="btn-secondary">
              {t.queue.extend(2)}
            </CommandButton>
          </div>
        )}
      </SpeakerCard>

      {manages && (
        <CommandButton command={{ type: 'queue.give', itemId }} testId="give-next" className="btn-primary btn-large give-next" disabled={queue.requests.length === 0}>
          {t.queue.giveNext}
        </CommandButton>
      )}
      {manages && queue.requests.length === 0 && (
        <p className="why-disabled" data-testid="give-next-why">
          {t.console.why.nobodyWaiting}
        </p>
      )}

      <QueueList queue={queue} actions={manages ? actions : undefined} />
      {manages && <QueueTools item={item} />}
    </section>
  );
}
