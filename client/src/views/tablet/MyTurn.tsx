import { positionOf } from '../../../../shared/meeting/queue.js';
import { activeItem } from '../../../../shared/meeting/state.js';
import { SpeakerTimer } from '../../components/SpeakerTimer.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

/**
 * One's own turn, on every tab: the place in the queue, or the floor and its countdown. It holds the
 * `my-position` line while one is queued or speaking; `AskFloor` holds it otherwise.
 */
export function MyTurn() {
  const { t } = useI18n();
  const { state, you, allowed } = useMeeting();
  const item = activeItem(state);
  if (state.status !== 'running' || !item || !allowed({ type: 'queue.request', kind: 'speech' })) return null;
  const { queue } = item;
  const me = you.participantId;
  const speech = queue.current?.participantId === me ? queue.current : null;
  const position = positionOf(queue, me);
  if (!speech && position === null) return null;
  return (
    <div className={`my-turn ${speech ? 'is-speaking' : ''}`} data-testid="my-turn">
      <p className="my-position is-queued" data-testid="my-position" data-position={position ?? ''} aria-live="polite">
        {speech ? t.queue.youAreSpeaking : t.tablet.myPlace(position!)}
        {!speech && <span className="my-turn-hint"> {t.tablet.myPlaceHint}</span>}
      </p>
      {speech && <SpeakerTimer speech={speech} testId="my-countdown" className="my-countdown" />}
    </div>
  );
}
