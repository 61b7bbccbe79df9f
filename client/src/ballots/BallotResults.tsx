import { useState } from 'react';
import { DEFAULT_BALLOT_RULES } from '../../../shared/ballots/rules.js';
import { sharesOf } from '../../../shared/ballots/shares.js';
import type { Ballot, BallotResults as Results, SubjectResult } from '../../../shared/ballots/types.js';
import type { MeetingState } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatPercent } from '../../../shared/format.js';
import { CompactResults } from './CompactResults.js';
import { answerTone, useBallotLabels, type BallotLabels } from './labels.js';
import { resultRows, type ResultRow } from './resultRows.js';
import { ballotProposals, proposalFor, type BallotProposals } from '../../../shared/review/proposal.js';
import { ProposalLine, ProposalNotes } from './Proposals.js';

export type ResultsVariant = 'full' | 'compact' | 'screen';

interface Props {
  state: MeetingState;
  ballot: Ballot;
  results: Results;
  variant: ResultsVariant;
  /** The rows to show, when the room screen pages through a long rating; all of them otherwise. */
  rows?: ResultRow[];
}

/**
 * A published ballot: validity, a motion's outcome, and for every row each answer's count with its
 * share of the votes cast and of the eligible voters, drawn as plain CSS bars. A row that too few
 * papers answered says so instead of counts; a ballot that is not valid shows its turnout only.
 * On a tablet or phone ('compact') only the summary shows until asked for more, so results never
 * push the floor and the notes out of reach, and nothing is wider than the phone.
 */
export function BallotResults({ state, ballot, results, variant, rows }: Props) {
  const { t } = useI18n();
  const labels = useBallotLabels(state, ballot);
  const [expanded, setExpanded] = useState(variant !== 'compact');
  const shown = rows ?? resultRows(ballot, results);
  const minCast = results.minCast ?? DEFAULT_BALLOT_RULES.minCast;
  const proposals = ballotProposals(state, ballot, results);
  const detail =
    variant === 'compact' ? (
      <CompactResults ballot={ballot} rows={shown} labels={labels} minCast={minCast} proposals={proposals} />
    ) : ballot.kind !== 'rating' ? (
      shown.map((row) =>
        row.counts ? (
          <AnswerBars key={row.subject} ballot={ballot} row={row.counts} labels={labels} variant={variant} />
        ) : (
          <WithheldSection key={row.subject} ballot={ballot} row={row} labels={labels} minCast={minCast} />
        ),
      )
    ) : variant === 'full' ? (
      <CompactResults ballot={ballot} rows={shown} labels={labels} minCast={minCast} proposals={proposals} withEligible />
    ) : (
      <ResultsMatrix ballot={ballot} rows={shown} labels={labels} minCast={minCast} proposals={proposals} />
    );
  const detailId = `results-detail-${ballot.id}`;
  return (
    <div className={`results results-${variant}`} data-testid={`results-${ballot.id}`} data-expanded={String(expanded)}>
      <ResultSummary ballot={ballot} results={results} />
      {variant === 'compact' && shown.length > 0 && (
        <button
          type="button"
          className="btn btn-secondary results-toggle"
          aria-expanded={expanded}
          aria-controls={detailId}
          data-testid={`results-toggle-${ballot.id}`}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? t.ballots.hideDetails : t.ballots.showDetails(ballot.kind === 'rating' ? shown.length : 1)}
        </button>
      )}
      {shown.length > 0 && expanded && (
        <div id={detailId} className="results-detail">
          {detail}
          {proposals && variant !== 'screen' && <ProposalNotes proposals={proposals} labels={labels} />}
        </div>
      )}
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
      {results.withheld?.some((w) => w.reason === 'not-public') && (
        <p className="muted" data-testid="results-not-public">
          {t.ballots.notPublic}
        </p>
      )}
      <p className={`results-validity ${results.valid ? 'is-valid' : 'is-invalid'}`} data-testid="results-validity" data-valid={String(results.valid)}>
        <strong>{results.valid ? t.ballots.valid : t.ballots.invalidTurnoutOnly}</strong>
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
          {who.name}
          {who.detail && <span className="muted"> · {who.detail}</span>}
        </h4>
      )}
      <table className="result-bars">
        <thead className={variant === 'screen' ? 'sr-only' : ''}>
          <tr>
            <th>{ballot.kind === 'rating' ? t.ballots.answer : t.ballots.option}</th>
            <th className="num">{t.ballots.votes}</th>
            <th className="num">{t.ballots.ofCast}</th>
            <th className="num">{t.ballots.ofEligible}</th>
          </tr>
        </thead>
        <tbody>
          {sharesOf(ballot, row).map((s) => (
            <tr key={s.answer} className={answerTone(ballot, s.answer)} data-testid={`result-${row.subject}-${s.answer}`} data-count={s.count}>
              <th scope="row">
                <span className="result-answer">{labels.answer(s.answer)}</span>
                <span className="result-bar" aria-hidden="true">
                  <span style={{ width: `${s.ofCast}%` }} />
                </span>
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

/** A row withheld for too few answers, in the layout of the rows around it: its name and why, no figure. */
function WithheldSection({ ballot, row, labels, minCast }: { ballot: Ballot; row: ResultRow; labels: BallotLabels; minCast: number }) {
  const { t } = useI18n();
  const who = labels.subject(row.subject);
  return (
    <section className="result-subject is-withheld" data-testid={`result-${row.subject}`} data-withheld={row.withheld?.reason}>
      {ballot.kind === 'rating' && (
        <h4 className="result-subject-name">
          {who.name}
          {who.detail && <span className="muted"> · {who.detail}</span>}
        </h4>
      )}
      <p className="result-withheld">{t.ballots.withheld(minCast)}</p>
    </section>
  );
}

const NO_ANSWERS: SubjectResult = { subject: '', counts: {}, abstentions: 0, cast: 0, eligible: 0 };

/** A rating at a glance: a row per subject with a stacked bar, a column per level. */
function ResultsMatrix({
  ballot,
  rows,
  labels,
  minCast,
  proposals,
}: {
  ballot: Ballot;
  rows: ResultRow[];
  labels: BallotLabels;
  minCast: number;
  proposals: BallotProposals | null;
}) {
  const { t, lang } = useI18n();
  // The columns are the paper's answers, whether or not any row on this page was published.
  const answers = sharesOf(ballot, NO_ANSWERS).map((s) => s.answer);
  return (
    <div className="result-matrix-wrap">
      <table className="result-matrix">
        <thead>
          <tr>
            <th>{t.ballots.subject}</th>
            {answers.map((a) => (
              <th key={a} className={`num ${answerTone(ballot, a)}`}>
                <span className="tone-dot" aria-hidden="true" />
                {labels.answer(a)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ subject, counts: row }) => {
            const who = labels.subject(subject);
            if (!row) {
              return (
                <tr key={subject} className="is-withheld" data-testid={`result-${subject}`} data-withheld="too-few-answers">
                  <th scope="row">
                    <span className="result-subject-name">{who.name}</span>
                  </th>
                  <td colSpan={answers.length + (proposals ? 1 : 0)} className="result-withheld">
                    {t.ballots.withheld(minCast)}
                  </td>
                </tr>
              );
            }
            const shares = sharesOf(ballot, row);
            return (
              <tr key={row.subject} data-testid={`result-${row.subject}`} data-cast={row.cast} data-eligible={row.eligible}>
                <th scope="row">
                  <span className="result-subject-line">
                    <span className="result-subject-name">{who.name}</span>
                    <span className="result-cast muted">{t.ballots.cast(row.cast, row.eligible)}</span>
                  </span>
                  <span className="result-stack" aria-hidden="true">
                    {shares.map((s) => (
                      <span key={s.answer} className={answerTone(ballot, s.answer)} style={{ width: `${s.ofCast}%` }} />
                    ))}
                  </span>
                </th>
                {shares.map((s) => (
                  <td key={s.answer} className="num" data-testid={`result-${row.subject}-${s.answer}`} data-count={s.count}>
                    <span className="result-count">{s.count}</span>
                    <span className="result-percent">
                      {formatPercent(s.ofCast, lang)} · <span className="muted">{formatPercent(s.ofEligible, lang)}</span>
                    </span>
                  </td>
                ))}
                {proposals && (
                  <td className="result-proposed">
                    <ProposalLine proposal={proposalFor(proposals, row.subject)} labels={labels} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="result-legend muted">
        {t.ballots.votes} · {t.ballots.ofCast} · {t.ballots.ofEligible}
      </p>
    </div>
  );
}
