import { Suspense, useState } from 'react';
import { formatTime } from '../../../shared/format.js';
import { isVoter } from '../../../shared/meeting/roles.js';
import { findParticipant } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { lazyChunk } from '../offline/lazyChunk.js';

/** The form, with its schema, loads when it is first opened: the tablet's first view stays light. */
const SelfAssessmentForm = lazyChunk(() => import('./SelfAssessmentForm.js').then((m) => ({ default: m.SelfAssessmentForm })));

/**
 * A voting member's own self-assessment, from the tablet before and during the meeting: whether it is
 * handed in, and when; whether the body has seen it; the form one tap away.
 */
export function SelfAssessmentPanel() {
  const { t, lang } = useI18n();
  const { state, you } = useMeeting();
  const [open, setOpen] = useState(false);
  const me = findParticipant(state, you.participantId);
  if (!me || !isVoter(me)) return null;
  const submittedAt = state.selfAssessed[me.id];
  const disclosed = Object.hasOwn(state.disclosed, me.id);
  const status = submittedAt === undefined ? t.review.notYet : t.review.submittedAt(formatTime(submittedAt, state.timeZone, lang));
  return (
    <section className="panel self-panel" aria-label={t.review.title} data-testid="self-assessment-panel">
      <h2 className="panel-label">{t.review.title}</h2>
      <p className="self-status" data-testid="self-status" data-state={disclosed ? 'disclosed' : submittedAt === undefined ? 'none' : 'submitted'}>
        {status}
      </p>
      {submittedAt !== undefined && <p className="muted self-visibility">{disclosed ? t.review.disclosed : t.review.private}</p>}
      {(state.status !== 'finished' || submittedAt !== undefined) && (
        <button type="button" className="btn" data-testid="self-open" onClick={() => setOpen(true)}>
          {disclosed || state.status === 'finished' ? t.review.view : submittedAt === undefined ? t.review.open : t.review.edit}
        </button>
      )}
      {open && (
        <Suspense fallback={<p className="muted">{t.review.loading}</p>}>
          <SelfAssessmentForm onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}
