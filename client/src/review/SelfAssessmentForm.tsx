import { useEffect, useRef, useState } from 'react';
import { OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';
import { formatPercent, formatPoints, formatTime } from '../../../shared/format.js';
import { MAX_SELF_REVIEW } from '../../../shared/limits.js';
import { isBetter, totalScore } from '../../../shared/review/levels.js';
import { allowedLevel, assessmentProblem } from '../../../shared/review/selfAssessment.js';
import type { SelfAssessment } from '../../../shared/review/types.js';
import { RefusalNote } from '../components/RefusalNote.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { ClientError } from '../live/connection.js';
import { useConnection, useMeeting } from '../live/useMeeting.js';
import { fetchOwnAssessment } from './selfAssessmentApi.js';

type Loading = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; assessment: SelfAssessment | null; disclosed: boolean };

/** A score as typed: a comma or a point before the decimals; empty or not a number is no score yet. */
function parsePoints(typed: string): number | undefined {
  const n = Number(typed.trim().replace(',', '.'));
  return typed.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

/**
 * The self-assessment form (bản tự đánh giá, xếp loại): the four levels, the meeting's score form
 * with each group's maximum and a running total, the share of tasks exceeded when the excellent band
 * asks for it, the level the score allows (the rules' own function, live), and the self-review.
 * It reads back what was handed in; once disclosed it is shown as the body saw it, read-only.
 */
export function SelfAssessmentForm({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const { state, you } = useMeeting();
  const connection = useConnection();
  const rules = state.reviewRules;
  const form = rules.scoreForm;
  const excellentShare = rules.scoreBands.find((b) => b.exceededShare !== undefined)?.exceededShare;
  const dialog = useRef<HTMLDialogElement>(null);
  const [loading, setLoading] = useState<Loading>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [level, setLevel] = useState<string | null>(null);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [exceeded, setExceeded] = useState('');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [refusal, setRefusal] = useState<ClientError | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void fetchOwnAssessment(state.id, connection.token, controller.signal).then((answer) => {
      if (controller.signal.aborted) return;
      if (!answer.ok) return setLoading({ kind: 'failed' });
      const a = answer.value.assessment;
      if (a) {
        setLevel(a.level);
        setScores(Object.fromEntries(Object.entries(a.scores).map(([k, v]) => [k, String(v)])));
        setExceeded(a.exceededShare === null ? '' : String(a.exceededShare));
        setText(a.text);
      }
      setLoading({ kind: 'ready', assessment: a, disclosed: answer.value.disclosed });
    });
    return () => controller.abort();
  }, [attempt, state.id, connection.token]);

  const me = you.participantId;
  // The state says first when the body has seen it (another device of the member's, the chair opening their item).
  const disclosed = Object.hasOwn(state.disclosed, me) || (loading.kind === 'ready' && loading.disclosed);
  const shown = state.disclosed[me];
  const readOnly = disclosed || state.status === 'finished';
  const parsed: Record<string, number> = {};
  for (const g of form ?? []) {
    const n = parsePoints(scores[g.id] ?? '');
    if (n !== undefined) parsed[g.id] = n;
  }
  const exceededShare = parsePoints(exceeded);
  const total = totalScore(parsed);
  const complete = form === null || form.every((g) => parsed[g.id] !== undefined);
  const allowed = form !== null && complete ? allowedLevel({ scores: parsed, exceededShare }, rules) : null;
  const fields = { level: level ?? '', scores: form === null ? {} : parsed, text, ...(exceededShare === undefined ? {} : { exceededShare }) };
  const problem = level === null ? null : assessmentProblem(fields, rules);
  const levelName = (id: string) => OFFICIAL_SCALE.find((o) => o.id === id)?.[lang] ?? id;

  const submit = async () => {
    if (level === null || problem !== null) return;
    setSending(true);
    setRefusal(null);
    setSaved(false);
    const outcome = await connection.send({ type: 'review.submitSelf', ...fields, level });
    setSending(false);
    if (outcome.ok) setSaved(true);
    else setRefusal(outcome.error);
  };

  const submittedAt = state.selfAssessed[me];
  return (
    <dialog
      ref={dialog}
      className="dialog self-dialog"
      data-testid="self-form"
      aria-labelledby="self-form-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="self-form-head">
        <h2 id="self-form-title">{t.review.title}</h2>
        <button type="button" className="btn btn-ghost" data-testid="self-close" onClick={onClose}>
          {t.review.close}
        </button>
      </header>
      {loading.kind === 'loading' && <p className="muted">{t.review.loading}</p>}
      {loading.kind === 'failed' && (
        <p className="notice" role="alert">
          {t.review.loadFailed}{' '}
          <button
            type="button"
            className="btn"
            onClick={() => {
              setLoading({ kind: 'loading' });
              setAttempt((n) => n + 1);
            }}
          >
            {t.review.retry}
          </button>
        </p>
      )}
      {loading.kind === 'ready' && (
        <form
          className="self-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="self-status" data-testid="self-form-status" data-state={disclosed ? 'disclosed' : submittedAt === undefined ? 'none' : 'submitted'}>
            {submittedAt === undefined ? t.review.notYet : t.review.submittedAt(formatTime(shown?.submittedAt ?? submittedAt, state.timeZone, lang))}
            {submittedAt !== undefined && <> · {disclosed ? t.review.disclosed : t.review.private}</>}
          </p>
          <fieldset className="self-fieldset" disabled={readOnly || sending}>
            {form !== null && (
              <section className="self-scores" aria-label={t.review.scores}>
                <h3>{t.review.scores}</h3>
                <table className="self-score-table">
                  <tbody>
                    {form.map((g) => (
                      <tr key={g.id}>
                        <th scope="row">
                          <label htmlFor={`self-score-${g.id}`}>{g[lang]}</label>
                          <span className="muted self-max">{t.review.max(formatPoints(g.max, lang))}</span>
                        </th>
                        <td>
                          <input
                            id={`self-score-${g.id}`}
                            className="self-score-input"
                            data-testid={`self-score-${g.id}`}
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            value={scores[g.id] ?? ''}
                            aria-invalid={parsed[g.id] !== undefined && (parsed[g.id] < 0 || parsed[g.id] > g.max)}
                            onChange={(e) => setScores((s) => ({ ...s, [g.id]: e.target.value }))}
                          />
                          <span className="muted"> / {formatPoints(g.max, lang)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t.review.total}</th>
                      <td className="self-total" data-testid="self-total">
                        <strong>{formatPoints(total, lang)}</strong> / 100
                      </td>
                    </tr>
                  </tfoot>
                </table>
                {excellentShare !== undefined && (
                  <label className="self-exceeded">
                    <span>{t.review.exceeded}</span>
                    <input
                      className="self-score-input"
                      data-testid="self-exceeded"
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={exceeded}
                      onChange={(e) => setExceeded(e.target.value)}
                    />
                    <span className="muted self-hint">{t.review.exceededHint(formatPercent(excellentShare, lang))}</span>
                  </label>
                )}
                <p className="self-allowed" data-testid="self-allowed" data-level={allowed ?? ''} aria-live="polite">
                  {t.review.allows}: <strong>{allowed ? levelName(allowed) : '—'}</strong>
                </p>
              </section>
            )}
            <section className="self-levels" aria-label={t.review.level}>
              <h3>{t.review.level}</h3>
              <div className="self-level-options" role="radiogroup" aria-label={t.review.level}>
                {OFFICIAL_SCALE.map((o) => {
                  const above = allowed !== null && isBetter(o.id, allowed, OFFICIAL_SCALE);
                  return (
                    <button
                      key={o.id}
                      type="button"
                      role="radio"
                      aria-checked={level === o.id}
                      className={`btn self-level tone-${o.id} ${level === o.id ? 'is-chosen' : ''} ${above ? 'is-above' : ''}`}
                      data-testid={`self-level-${o.id}`}
                      onClick={() => setLevel(o.id)}
                    >
                      {o[lang]}
                    </button>
                  );
                })}
              </div>
              {problem?.kind === 'above-score' && (
                <p className="self-problem" role="alert" data-testid="self-above">
                  {t.review.aboveScore}
                </p>
              )}
            </section>
            <section className="self-text">
              <label htmlFor="self-text">
                <h3>{t.review.text}</h3>
              </label>
              <textarea
                id="self-text"
                data-testid="self-text"
                rows={8}
                maxLength={MAX_SELF_REVIEW}
                value={readOnly && shown ? shown.text : text}
                onChange={(e) => setText(e.target.value)}
              />
              <p className="muted self-hint">
                {t.review.textHint} {t.review.chars(formatPoints(text.length, lang), formatPoints(MAX_SELF_REVIEW, lang))}
              </p>
            </section>
          </fieldset>
          {refusal && <RefusalNote error={refusal} onDismiss={() => setRefusal(null)} />}
          {saved && !refusal && (
            <p className="notice self-saved" role="status" data-testid="self-saved">
              {t.review.saved}
            </p>
          )}
          {!readOnly && (
            <div className="form-actions">
              {level === null && <span className="muted">{t.review.chooseLevel}</span>}
              {problem?.kind === 'scores' && <span className="muted">{t.review.fillScores}</span>}
              <button type="submit" className="btn btn-primary btn-large" data-testid="self-submit" disabled={sending || level === null || problem !== null} aria-busy={sending}>
                {sending ? t.review.sending : submittedAt === undefined ? t.review.submit : t.review.update}
              </button>
            </div>
          )}
        </form>
      )}
    </dialog>
  );
}
