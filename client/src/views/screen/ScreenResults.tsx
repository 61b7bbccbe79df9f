import type { CSSProperties } from 'react';
import { DEFAULT_BALLOT_RULES } from '../../../../shared/ballots/rules.js';
import { sharesOf, type Share } from '../../../../shared/ballots/shares.js';
import type { Ballot, BallotResults, SubjectResult } from '../../../../shared/ballots/types.js';
import { formatCount, formatPercent } from '../../../../shared/format.js';
import { answerTone, useBallotLabels, type BallotLabels } from '../../ballots/labels.js';
import { resultRows, type ResultRow } from '../../ballots/resultRows.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { pagesOf, usePage } from './usePage.js';
import { ballotProposals, proposalFor, type BallotProposals } from '../../../../shared/review/proposal.js';
import { useRowsThatFit } from './useRowsThatFit.js';

/** Rows on the first frame, before the room left for them is measured (useRowsThatFit). */
const FIRST_ROWS = 4;

/**
 * Published results on the room screen: the outcome and validity, then each answer's votes with
 * its share of the votes cast ("% phiếu bầu") and of everyone who could vote on that row ("% cử
 * tri", shared/ballots/shares.ts). Long results take turns page by page, numbered, as many rows a
 * page as the screen has room for.
 */
export function ScreenResults({ ballot, results }: { ballot: Ballot; results: BallotResults }) {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const labels = useBallotLabels(state, ballot);
  const rows = resultRows(ballot, results);
  const minCast = results.minCast ?? DEFAULT_BALLOT_RULES.minCast;
  // A motion or choice has one row: its answers are what runs long.
  const single = ballot.kind === 'rating' ? undefined : rows[0];
  const answers = single?.counts ? sharesOf(ballot, single.counts) : [];
  const { box, rows: fit } = useRowsThatFit(FIRST_ROWS);
  const pages = ballot.kind === 'rating' ? pagesOf(rows, fit).length : pagesOf(answers, fit).length;
  const page = usePage(pages);
  const [n, d] = ballot.quorum;
  const proposals = ballotProposals(state, ballot, results);
  const breaches = proposals?.caps.filter((c) => c.breached) ?? [];

  return (
    <div className="screen-tally" data-testid={`results-${ballot.id}`}>
      <div className="screen-tally-summary">
        {results.passed !== null && (
          <p className={`screen-outcome ${results.passed ? 'is-passed' : 'is-failed'}`} data-testid="motion-outcome" data-passed={String(results.passed)}>
            {results.passed ? t.ballots.passed : t.ballots.failedMotion}
          </p>
        )}
        <p className={`screen-validity ${results.valid ? 'is-valid' : 'is-invalid'}`} data-testid="results-validity" data-valid={String(results.valid)}>
          <strong>{results.valid ? t.ballots.valid : t.ballots.invalidTurnoutOnly}</strong> {t.ballots.validity(results.turnout, results.eligible, n, d)}
        </p>
        {breaches.map((c) => (
          <p key={c.cap.level} className="screen-cap-breached" data-testid={`cap-${c.cap.level}`} data-breached="true">
            {t.proposals.capBreachedShort(
              t.ballots.levelShort[c.cap.level] ?? labels.answer(c.cap.level),
              c.count,
              c.allowed,
              formatPercent((c.cap.atMost[0] / c.cap.atMost[1]) * 100, lang),
            )}
          </p>
        ))}
        {pages > 1 && (
          <p className="screen-tally-page" data-testid="screen-results-page">
            {t.screen.page(formatCount(page + 1, lang), formatCount(pages, lang))}
          </p>
        )}
      </div>
      <div className="screen-tally-rows" ref={box} data-fit-inner="results">
        {ballot.kind === 'rating' ? (
          rows.length > 0 && <RatingPage ballot={ballot} rows={pagesOf(rows, fit)[page]} labels={labels} minCast={minCast} proposals={proposals} />
        ) : single?.counts ? (
          <AnswerPage ballot={ballot} row={single.counts} shares={pagesOf(answers, fit)[page]} labels={labels} />
        ) : (
          single && (
            <p className="screen-withheld" data-testid={`result-${single.subject}`} data-withheld={single.withheld?.reason}>
              {t.ballots.withheld(minCast)}
            </p>
          )
        )}
      </div>
    </div>
  );
}

/** A motion's or choice's answers, one line each with its bar. */
function AnswerPage({ ballot, row, shares, labels }: { ballot: Ballot; row: SubjectResult; shares: Share[]; labels: BallotLabels }) {
  const { t, lang } = useI18n();
  return (
    <table className="screen-answers" data-testid={`result-${row.subject}`} data-cast={row.cast} data-eligible={row.eligible}>
      <colgroup>
        <col className="screen-answers-label" />
        <col className="screen-answers-bar" />
        <col span={3} className="screen-answers-num" />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2}>{t.screen.option}</th>
          <th className="num">{t.screen.votes}</th>
          <th className="num">{t.screen.ofCast}</th>
          <th className="num">{t.screen.ofVoters}</th>
        </tr>
      </thead>
      <tbody>
        {shares.map((s) => (
          <tr key={s.answer} className={answerTone(ballot, s.answer)} data-testid={`result-${row.subject}-${s.answer}`} data-count={s.count}>
            <th scope="row" className="screen-answer-label">
              {labels.answer(s.answer)}
            </th>
            <td className="screen-answer-bar" aria-hidden="true">
              <span style={{ width: `${s.ofCast}%` }} />
            </td>
            <td className="num screen-answer-count">{formatCount(s.count, lang)}</td>
            <td className="num">{formatPercent(s.ofCast, lang)}</td>
            <td className="num is-muted">{formatPercent(s.ofEligible, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const NO_ANSWERS: SubjectResult = { subject: '', counts: {}, abstentions: 0, cast: 0, eligible: 0 };

/** One page of a rating: a row per subject, a column per level, each with its votes and both shares. */
function RatingPage({ ballot, rows, labels, minCast, proposals }: { ballot: Ballot; rows: ResultRow[]; labels: BallotLabels; minCast: number; proposals: BallotProposals | null }) {
  const { t, lang } = useI18n();
  // The columns are the paper's answers, whether or not any row on this page was published.
  const answers = sharesOf(ballot, NO_ANSWERS).map((s) => s.answer);
  return (
    <table className="screen-matrix" style={{ '--levels': answers.length } as CSSProperties}>
      <thead>
        <tr>
          <th className="screen-matrix-name">{t.screen.subject}</th>
          {answers.map((a) => (
            <th key={a} className={`screen-matrix-level ${answerTone(ballot, a)}`}>
              <span className="screen-matrix-level-name">{labels.answer(a)}</span>
              <span className="screen-cell">
                <span>{t.screen.votes}</span>
                <span>{t.screen.ofCast}</span>
                <span>{t.screen.ofVoters}</span>
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ subject, counts: row, withheld }) => {
          const who = labels.subject(subject);
          if (!row) {
            return (
              <tr key={subject} className="is-withheld" data-testid={`result-${subject}`} data-withheld={withheld.reason}>
                <th scope="row" className="screen-matrix-name">
                  <span className="screen-matrix-who">{who.name}</span>
                </th>
                <td colSpan={answers.length} className="screen-withheld">
                  {t.ballots.withheld(minCast)}
                </td>
              </tr>
            );
          }
          return (
            <tr key={subject} data-testid={`result-${subject}`} data-cast={row.cast} data-eligible={row.eligible}>
              <th scope="row" className="screen-matrix-name">
                <span className="screen-matrix-who">{who.name}</span>
                <span className="screen-matrix-cast">
                  {t.ballots.cast(row.cast, row.eligible)}
                  {proposals && <ProposedLine proposals={proposals} subject={subject} labels={labels} />}
                </span>
              </th>
              {sharesOf(ballot, row).map((s) => (
                <td key={s.answer} className={answerTone(ballot, s.answer)} data-testid={`result-${subject}-${s.answer}`} data-count={s.count}>
                  <span className="screen-cell">
                    <strong>{formatCount(s.count, lang)}</strong>
                    <span>{formatPercent(s.ofCast, lang)}</span>
                    <span className="is-muted">{formatPercent(s.ofEligible, lang)}</span>
                  </span>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Beside the row's papers, under the name (no row grows for it): the level the votes propose, and
 * the member's own level on a line of its own once disclosed, marked where they differ.
 */
function ProposedLine({ proposals, subject, labels }: { proposals: BallotProposals; subject: string; labels: BallotLabels }) {
  const { t } = useI18n();
  const p = proposalFor(proposals, subject);
  if (!p) return null;
  const short = (level: string) => t.ballots.levelShort[level] ?? labels.answer(level);
  return (
    <span className={`screen-matrix-proposed${p.differs ? ' is-different' : ''}`} data-testid={`proposal-${subject}`} data-proposed={p.proposed ?? ''} data-self={p.self ?? ''}>
      {' · '}
      {t.proposals.proposed}: <strong className={p.proposed ? `tone-${p.proposed}` : ''}>{p.proposed ? short(p.proposed) : '—'}</strong>
      {p.self && (
        <span className="screen-matrix-self">
          {p.differs && <span aria-label={t.proposals.differs}>≠ </span>}
          {t.proposals.self}: {short(p.self)}
        </span>
      )}
    </span>
  );
}
