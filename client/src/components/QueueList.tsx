import type { ReactNode } from 'react';
import type { FloorRequest, ItemQueue } from '../../../shared/meeting/state.js';
import { formatTime } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from '../live/people.js';
import { useMeeting } from '../live/useMeeting.js';

interface Props {
  queue: ItemQueue;
  /** The chair's buttons for one request. */
  actions?: (request: FloorRequest, index: number) => ReactNode;
  limit?: number;
}

/** Who waits for the floor, in order, points of order marked; the viewer's own entry highlighted. */
export function QueueList({ queue, actions, limit }: Props) {
  const { t, lang } = useI18n();
  const { state, you } = useMeeting();
  const shown = limit === undefined ? queue.requests : queue.requests.slice(0, limit);
  if (queue.requests.length === 0) {
    return (
      <ol className="queue-list is-empty" data-testid="queue-list">
        <li className="muted">{t.queue.empty}</li>
      </ol>
    );
  }
  return (
    <ol className="queue-list" data-testid="queue-list">
      {shown.map((r, i) => {
        const mine = r.participantId === you.participantId;
        return (
          <li key={r.id} className={`queue-entry ${mine ? 'is-mine' : ''} kind-${r.kind}`} data-testid={`queue-entry-${r.participantId}`} data-request-id={r.id} data-kind={r.kind}>
            <span className="queue-pos">{i + 1}</span>
            <span className="queue-who">
              <span className="queue-name">
                {nameOf(state, r.participantId)}
                {mine && <span className="you-tag"> ({t.common.you})</span>}
              </span>
              <span className="queue-meta">
                <span className={`chip kind-${r.kind}`}>{t.requestKinds[r.kind]}</span>
                <span className="muted">{formatTime(r.requestedAt, state.timeZone, lang)}</span>
                {r.addedBy && <span className="muted">{t.queue.addedBy}</span>}
              </span>
            </span>
            {actions && <span className="queue-actions">{actions(r, i)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
