import { useState } from 'react';
import { formatTime } from '../../../shared/format.js';
import { markedByPresidium, markOf } from '../../../shared/meeting/attendance.js';
import { findParticipant } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { useExplainedSend } from '../live/useSend.js';
import { RefusalNote } from './RefusalNote.js';

/**
 * A member's own check-in: an explicit tap, since opening the tablet (from home would do) says
 * nothing about being in the hall. Open before the start, as signing in at the door; once the chair
 * or the secretary marked the member, their mark is shown instead and the tap is gone.
 */
export function CheckIn() {
  const { t, lang } = useI18n();
  const { state, you, allowed, connection } = useMeeting();
  const { send, refusal, dismiss } = useExplainedSend();
  const [busy, setBusy] = useState(false);
  if (!allowed({ type: 'attendance.checkIn' })) return null;
  const mark = markOf(state, you.participantId);
  const time = (at: number | null) => (at === null ? '' : formatTime(at, state.timeZone, lang));

  let body;
  if (markedByPresidium(mark) && mark) {
    const who = (mark.by && findParticipant(state, mark.by)?.name) || t.roles.chair;
    body = (
      <p className={`check-in-status status-${mark.status}`} data-testid="check-in-status" data-status={mark.status} data-source={mark.source}>
        {mark.status === 'present' ? t.checkIn.markedPresent(who) : t.checkIn.markedBy(t.attendance[mark.status], who)}
      </p>
    );
  } else if (mark?.status === 'present') {
    body = (
      <p className="check-in-status status-present" data-testid="check-in-status" data-status="present" data-source={mark.source}>
        {t.checkIn.done(time(mark.at))}
      </p>
    );
  } else if (state.status === 'finished') {
    body = <p className="muted">{t.checkIn.closed}</p>;
  } else {
    body = (
      <>
        <button
          type="button"
          className="btn btn-primary btn-large"
          data-testid="check-in"
          disabled={busy || connection !== 'connected'}
          aria-busy={busy}
          onClick={() => {
            setBusy(true);
            void send({ type: 'attendance.checkIn' }).finally(() => setBusy(false));
          }}
        >
          {t.checkIn.tap}
        </button>
        <p className="muted">{t.checkIn.hint}</p>
      </>
    );
  }
  return (
    <section className="panel check-in" aria-label={t.checkIn.title} data-testid="check-in-panel">
      {body}
      {refusal && <RefusalNote error={refusal} onDismiss={dismiss} />}
    </section>
  );
}
