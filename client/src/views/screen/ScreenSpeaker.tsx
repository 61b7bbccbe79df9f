import type { Speech } from '../../../../shared/meeting/state.js';
import { SpeakerTimer } from '../../components/SpeakerTimer.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';

/** The agenda's large speaker box; with nobody speaking, one quiet line instead of an empty box. */
export function ScreenSpeaker({ speech }: { speech: Speech | null }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  if (!speech) {
    return (
      <p className="screen-speaker-idle" data-testid="current-speaker" data-participant-id="">
        {t.queue.nobodySpeaking}
      </p>
    );
  }
  const position = state.participants.find((p) => p.id === speech.participantId)?.position;
  return (
    <section className={`screen-speaker kind-${speech.kind}`}>
      <p className="screen-label">
        {t.queue.speaking}
        {speech.kind !== 'speech' && <span className={`chip kind-${speech.kind}`}>{t.requestKinds[speech.kind]}</span>}
      </p>
      <p className="screen-speaker-name" data-testid="current-speaker" data-participant-id={speech.participantId}>
        {nameOf(state, speech.participantId)}
      </p>
      {position && <p className="screen-speaker-position">{position}</p>}
      <SpeakerTimer speech={speech} className="screen-countdown" />
    </section>
  );
}
