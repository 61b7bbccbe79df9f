import { sharesOf } from '../../../shared/ballots/shares.js';
import type { Ballot, BallotResults as Results, SubjectResult } from '../../../shared/ballots/types.js';
import type { MeetingState } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { answerTone, formatPercent, useBallotLabels, type BallotLabels } from './labels.js';

export type ResultsVariant = 'full' | 'compact' | 'screen';

interface Props {
  state: MeetingState;
  ballot: Ballot;
  results: Results;
  variant: ResultsVariant;
  /** The rows to show, when the room screen pages through a long rating; all of them otherwise. */
  rows?: SubjectResult[];
}

/**
 * A published ballot: validity, a motion's outcome, and for every row each answer's count with its
 * share of the votes cast and of the eligible voters, drawn as plain CSS bars.
 */
export function BallotResults({ state, ballot, results, variant, rows = results.subjects }: Props) {
  const labels = useBallotLabels(state, ballot);
  const byAnswer = ballot.kind !== 'rating' || variant === 'full';
  return (
    <div className={`results results-${variant}`} data-testid={`results-${ballot.id}`}>
      <ResultSummary ballot={ballot} results={results} />
      {byAnswer
        ? rows.map((row) => <AnswerBars key={row.subject} ballot={ballot} row={row} labels={labels} variant={variant} />)
        : <ResultsMatrix ballot={ballot} rows={rows} labels={labels} />}
    </div>
  );
}

export function ResultSummary({ ballot, results }: { ballot: Ballot; results: Results }) {
  const { t } = useI18n();
  const [n, d] = ballot.quorum;
  return (
    <div className="results-summary">
      {results.passed !== null && (
        <p className={`motion-outcome ${results.passed ? 'is-passed' : 'is-failed'}`} data-testid="motion-outcome" data-passed={String(results.passed)}>
          {results.passed ? t.ballots.passed : t.ballots.failedMotion}
        </p>
      )}
      <p className={`results-validity ${results.valid ? 'is-valid' : 'is-invalid'}`} data-testid="results-validity" data-valid={String(results.valid)}>
        <strong>{results.valid ? t.ballots.valid : t.ballots.invalid}</strong>
        <span>{t.ballots.validity(results.turnout, results.eligible, n, d)}</span>
      </p>
    </div>
  );
}

/** One row's answers, one bar each: the layout for a motion or choice, and the console's detail. */
function AnswerBars({ ballot, row, labels, variant }: { ballot: Ballot; row: SubjectResult; labels: BallotLabels; variant: ResultsVariant }) {
  const { t, lang } = useI18n();
  const who = labels.subject(row.subject);
  return (
    <section className="result-subject" data-testid={`result-${row.subject}`} data-cast={row.cast} data-eligible={row.eligible}>
      {ballot.kind === 'rating' && (
        <h4 className="result-subject-name">
          {who.name}{who.detail && <span className="muted"> · {who.detail}</span>}
        </h4>
      )}
      <table className="result-bars">
        <thead className={variant === 'screen' ? 'sr-only' : ''}>
          <tr><th>{ballot.kind === 'rating' ? t.ballots.answer : t.ballots.option}</th><th className="num">{t.ballots.votes}</th><th className="num">{t.ballots.ofCast}</th><th className="num">{t.ballots.ofEligible}</th></tr>
        </thead>
        <tbody>
          {sharesOf(ballot, row).map((s) => (
            <tr key={s.answer} className={answerTone(ballot, s.answer)} data-testid={`result-${row.subject}-${s.answer}`} data-count={s.count}>
              <th scope="row">
                <span className="result-answer">{labels.answer(s.answer)}</span>
                <span className="result-bar" aria-hidden="true"><span style={{ width: `${s.ofCast}%` }} /></span>
              </th>
              <td className="num result-count">{s.count}</td>
              <td className="num">{formatPercent(s.ofCast, lang)}</td>
              <td className="num muted">{formatPercent(s.ofEligible, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="result-cast muted">{t.ballots.cast(row.cast, row.eligible)}</p>
    </section>
  );
}

/** A rating at a glance: a row per subject with a stacked bar, a column per level. */
function ResultsMatrix({ ballot, rows, labels }: { ballot: Ballot; rows: SubjectResult[]; labels: BallotLabels }) {
  const { t, lang } = useI18n();
  const answers = rows[0] ? sharesOf(ballot, rows[0]).map((s) => s.answer) : [];
  return (
    <div className="result-matrix-wrap">
      <table className="result-matrix">
        <thead>
          <tr>
            <th>{t.ballots.subject}</th>
            {answers.map((a) => <th key={a} className={`num ${answerTone(ballot, a)}`}><span className="tone-dot" aria-hidden="true" />{labels.answer(a)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shares = sharesOf(ballot, row);
            const who = labels.subject(row.subject);
            return (
              <tr key={row.subject} data-testid={`result-${row.subject}`} data-cast={row.cast} data-eligible={row.eligible}>
                <th scope="row">
                  <span className="result-subject-line">
                    <span className="result-subject-name">{who.name}</span>
                    <span className="result-cast muted">{t.ballots.cast(row.cast, row.eligible)}</span>
                  </span>
                  <span className="result-stack" aria-hidden="true">
                    {shares.map((s) => <span key={s.answer} className={answerTone(ballot, s.answer)} style={{ width: `${s.ofCast}%` }} />)}
                  </span>
                </th>
                {shares.map((s) => (
                  <td key={s.answer} className="num" data-testid={`result-${row.subject}-${s.answer}`} data-count={s.count}>
                    <span className="result-count">{s.count}</span>
                    <span className="result-percent">{formatPercent(s.ofCast, lang)} · <span className="muted">{formatPercent(s.ofEligible, lang)}</span></span>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="result-legend muted">{t.ballots.votes} · {t.ballots.ofCast} · {t.ballots.ofEligible}</p>
    </div>
  );
}
