import type { Speech } from '../../../../shared/meeting/state.js';
import { SpeakerTimer } from '../../components/SpeakerTimer.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';

/**
 * The speech along the bottom while the screen shows something else (a ballot, results, the notes,
 * an announcement): whoever has the floor keeps their name and countdown in front of the hall.
 */
export function ScreenFloor({ speech }: { speech: Speech }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const position = state.participants.find((p) => p.id === speech.participantId)?.position;
  return (
    <section className={`screen-floor kind-${speech.kind}`} data-testid="screen-floor" data-fit="floor">
      <div className="screen-floor-who">
        <p className="screen-label">
          {t.queue.speaking}
          {speech.kind !== 'speech' && <span className={`chip kind-${speech.kind}`}>{t.requestKinds[speech.kind]}</span>}
        </p>
        <p className="screen-floor-name">
          <span data-testid="current-speaker" data-participant-id={speech.participantId}>
            {nameOf(state, speech.participantId)}
          </span>
          {position && <span className="screen-floor-position"> · {position}</span>}
        </p>
      </div>
      <SpeakerTimer speech={speech} className="screen-floor-timer" />
    </section>
  );
}
