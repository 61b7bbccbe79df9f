import type { ReactNode } from 'react';
import type { Speech } from '../../../shared/meeting/state.js';
import { formatClock } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from '../live/people.js';
import { useMeeting } from '../live/useMeeting.js';
import { SpeakerTimer } from './SpeakerTimer.js';

/** Who has the floor and their countdown; `children` are the chair's controls. */
export function SpeakerCard({ speech, children }: { speech: Speech | null; children?: ReactNode }) {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  return (
    <section className={`panel speaker-card ${speech ? 'is-speaking' : ''}`} aria-label={t.queue.speaking}>
      <h2 className="panel-label">{t.queue.speaking}</h2>
      {speech ? (
        <div className="speaker-row">
          <div className="speaker-who">
            <p className="speaker-name" data-testid="current-speaker" data-participant-id={speech.participantId}>
              {nameOf(state, speech.participantId)}
              {speech.participantId === you.participantId && <span className="you-tag"> ({t.common.you})</span>}
            </p>
            <p className="speaker-meta">
              <span className={`chip kind-${speech.kind}`}>{t.requestKinds[speech.kind]}</span>
              <span>{t.queue.limit(formatClock(speech.limitSec))}</span>
            </p>
          </div>
          <SpeakerTimer speech={speech} />
        </div>
      ) : (
        <p className="speaker-name is-idle" data-testid="current-speaker" data-participant-id="">
          {t.queue.nobodySpeaking}
        </p>
      )}
      {children}
    </section>
  );
}
