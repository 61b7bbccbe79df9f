import { useState } from 'react';
import type { AgendaItem, RequestKind } from '../../../../shared/meeting/state.js';
import { CommandButton } from '../../components/CommandButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { speakers } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';
import { useScopedSend } from '../../components/RefusalScope.js';

const SPEAKING_MINUTES = [1, 2, 3, 4, 5, 7, 10, 15];

/** The list's settings, and acting for someone: queueing them, or giving them the floor at once. */
export function QueueTools({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const send = useScopedSend();
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState<RequestKind>('speech');
  const { queue } = item;
  const itemId = item.id;
  const minutes = [...new Set([...SPEAKING_MINUTES, queue.speakingSec / 60])].sort((a, b) => a - b);
  // A reply is the right of the member under review, so it is offered only for them.
  const kinds: RequestKind[] = person !== '' && person === item.subject ? ['speech', 'point-of-order', 'reply'] : ['speech', 'point-of-order'];
  const chosenKind = kinds.includes(kind) ? kind : 'speech';

  return (
    <div className="queue-tools">
      <div className="tool-row">
        <CommandButton command={{ type: 'queue.setOpen', open: !queue.open, itemId }} testId="queue-toggle-open" className="btn-secondary">
          {queue.open ? t.queue.closeList : t.queue.openList}
        </CommandButton>
        <label className="field field-inline">
          <span>{t.queue.speakingTime}</span>
          <select
            value={String(queue.speakingSec / 60)}
            data-testid="speaking-time"
            onChange={(e) => void send({ type: 'queue.setSpeakingTime', seconds: Math.round(Number(e.target.value) * 60), itemId })}
          >
            {minutes.map((m) => (
              <option key={m} value={String(m)}>
                {t.common.minutes(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tool-row">
        <select value={person} onChange={(e) => setPerson(e.target.value)} data-testid="queue-person" aria-label={t.queue.choosePerson}>
          <option value="">{t.queue.choosePerson}</option>
          {speakers(state).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select value={chosenKind} onChange={(e) => setKind(e.target.value as RequestKind)} data-testid="queue-kind" aria-label={t.queue.addOnBehalf}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t.requestKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="tool-row">
        <CommandButton command={{ type: 'queue.request', kind: chosenKind, participantId: person, itemId }} testId="queue-add" className="btn-secondary" disabled={!person}>
          + {t.queue.addOnBehalf}
        </CommandButton>
        <CommandButton command={{ type: 'queue.give', participantId: person, itemId }} testId="give-direct" className="btn-secondary" disabled={!person}>
          {t.queue.giveDirect}
        </CommandButton>
        {!person && (
          <span className="why-disabled" data-testid="queue-person-why">
            {t.console.why.choosePerson}
          </span>
        )}
      </div>
    </div>
  );
}
