import { positionOf } from '../../../../shared/meeting/queue.js';
import { activeItem, type RequestKind } from '../../../../shared/meeting/state.js';
import { CommandButton } from '../../components/CommandButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

const ASK_TEST_IDS: Record<RequestKind, string> = { speech: 'ask-floor', 'point-of-order': 'ask-point-of-order', reply: 'ask-reply' };
const KINDS: readonly RequestKind[] = ['speech', 'point-of-order', 'reply'];

/** Asking for the floor and withdrawing; one's place in the queue is `MyTurn`'s. */
export function AskFloor() {
  const { t } = useI18n();
  const { state, you, allowed } = useMeeting();
  const item = activeItem(state);
  const me = you.participantId;
  if (!allowed({ type: 'queue.request', kind: 'speech' })) return null;

  // Before the start and between items the item card says why; saying it here too doubled it.
  if (state.status !== 'running' || !item) return null;

  const { queue } = item;
  const mine = queue.requests.filter((r) => r.participantId === me);
  const position = positionOf(queue, me);
  const speaking = queue.current?.participantId === me;
  // The shared rule decides who may reply (the member under review); the tablet only hides the button.
  const kinds = KINDS.filter((kind) => allowed({ type: 'queue.request', kind, itemId: item.id }));
  const label: Record<RequestKind, string> = { speech: t.queue.askFloor, 'point-of-order': t.queue.askPointOfOrder, reply: t.queue.askReply };

  return (
    <section className="panel ask-floor" aria-label={t.queue.askFloor}>
      {/* Once queued or speaking, `MyTurn` shows it, on every tab. */}
      {position === null && !speaking && (
        <p className="my-position" data-testid="my-position" data-position="">
          {t.queue.notQueued}
        </p>
      )}
      {mine.length > 0 && (
        <ul className="my-requests">
          {mine.map((r) => (
            <li key={r.id}>
              <span className={`chip kind-${r.kind}`}>{t.requestKinds[r.kind]}</span>
              <span className="muted">#{queue.requests.indexOf(r) + 1}</span>
              <CommandButton command={{ type: 'queue.withdraw', requestId: r.id, itemId: item.id }} testId={`withdraw-${r.kind}`} className="btn-secondary">
                {t.queue.withdraw}
              </CommandButton>
            </li>
          ))}
        </ul>
      )}
      {!queue.open && (
        <p className="notice" data-testid="queue-closed">
          {t.queue.closed}
        </p>
      )}
      <div className="ask-buttons">
        {kinds
          .filter((k) => !mine.some((r) => r.kind === k))
          .map((kind) => (
            <CommandButton
              key={kind}
              command={{ type: 'queue.request', kind, itemId: item.id }}
              testId={ASK_TEST_IDS[kind]}
              className={kind === 'speech' ? 'btn-primary btn-large' : 'btn-secondary btn-large'}
              disabled={!queue.open}
            >
              {label[kind]}
            </CommandButton>
          ))}
      </div>
    </section>
  );
}
