import type { CSSProperties } from 'react';
import { sharesOf } from '../../../shared/ballots/shares.js';
import type { Ballot, SubjectResult } from '../../../shared/ballots/types.js';
import { formatCount, formatPercent } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { answerTone, type BallotLabels } from './labels.js';
import type { ResultRow } from './resultRows.js';
import { proposalFor, type BallotProposals } from '../../../shared/review/proposal.js';
import { ProposalLine } from './Proposals.js';

const NO_ANSWERS: SubjectResult = { subject: '', counts: {}, abstentions: 0, cast: 0, eligible: 0 };

interface Props {
  ballot: Ballot;
  rows: ResultRow[];
  labels: BallotLabels;
  minCast: number;
  /** A rating's boxes also give the share of the eligible voters (the console has the room for it). */
  withEligible?: boolean;
  /** A rating's proposed levels beside the self-ratings (shared/review/proposal.ts). */
  proposals?: BallotProposals | null;
}

/**
 * Results for a phone, a tablet's column or the console's panel: no table, nothing wider than its
 * box. A rating is a card per person (a stacked bar and a small box per level, the level names said
 * once above); a motion or choice is a line per answer with its bar.
 */
export function CompactResults(props: Props) {
  return props.ballot.kind === 'rating' ? <RatingCards {...props} /> : <AnswerLines {...props} />;
}

function RatingCards({ ballot, rows, labels, minCast, withEligible = false, proposals = null }: Props) {
  const { t, lang } = useI18n();
  const answers = sharesOf(ballot, NO_ANSWERS).map((s) => s.answer);
  return (
    <div className="result-cards-wrap" style={{ '--answers': answers.length } as CSSProperties}>
      <ul className="result-legend-list" aria-label={t.ballots.levels}>
        {answers.map((a) => (
          <li key={a} className={answerTone(ballot, a)}>
            <span className="tone-dot" aria-hidden="true" />
            {labels.answer(a)}
          </li>
        ))}
      </ul>
      <p className="result-legend muted">
        {t.ballots.votes} · {t.ballots.ofCast}
        {withEligible && ` · ${t.ballots.ofEligible}`}
      </p>
      <ol className="result-cards">
        {rows.map(({ subject, counts: row }) => {
          const who = labels.subject(subject);
          if (!row) {
            return (
              <li key={subject} className="result-card is-withheld" data-testid={`result-${subject}`} data-withheld="too-few-answers">
                <span className="result-subject-name">{who.name}</span>
                <span className="result-withheld">{t.ballots.withheld(minCast)}</span>
              </li>
            );
          }
          const shares = sharesOf(ballot, row);
          return (
            <li key={subject} className="result-card" data-testid={`result-${subject}`} data-cast={row.cast} data-eligible={row.eligible}>
              <span className="result-subject-line">
                <span className="result-subject-name">{who.name}</span>
                <span className="result-cast muted">{t.ballots.cast(row.cast, row.eligible)}</span>
              </span>
              <ProposalLine proposal={proposalFor(proposals, subject)} labels={labels} />
              <span className="result-stack" aria-hidden="true">
                {shares.map((s) => (
                  <span key={s.answer} className={answerTone(ballot, s.answer)} style={{ width: `${s.ofCast}%` }} />
                ))}
              </span>
              <span className="result-cells">
                {shares.map((s) => (
                  <span
                    key={s.answer}
                    className={`result-cell ${answerTone(ballot, s.answer)}`}
                    data-testid={`result-${subject}-${s.answer}`}
                    data-count={s.count}
                    title={labels.answer(s.answer)}
                  >
                    <span className="tone-dot" aria-hidden="true" />
                    <span className="sr-only">{labels.answer(s.answer)}: </span>
                    <strong className="result-count">{formatCount(s.count, lang)}</strong>
                    <span className="result-percent muted">
                      {formatPercent(s.ofCast, lang)}
                      {withEligible && ` · ${formatPercent(s.ofEligible, lang)}`}
                    </span>
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function AnswerLines({ ballot, rows, labels, minCast }: Props) {
  const { t, lang } = useI18n();
  return (
    <>
      {rows.map(({ subject, counts: row }) =>
        row ? (
          <ul key={subject} className="result-lines" data-testid={`result-${subject}`} data-cast={row.cast} data-eligible={row.eligible}>
            {sharesOf(ballot, row).map((s) => (
              <li key={s.answer} className={`result-line ${answerTone(ballot, s.answer)}`} data-testid={`result-${subject}-${s.answer}`} data-count={s.count}>
                <span className="result-line-head">
                  <span className="result-answer">{labels.answer(s.answer)}</span>
                  <strong className="result-count">{formatCount(s.count, lang)}</strong>
                </span>
                <span className="result-bar" aria-hidden="true">
                  <span style={{ width: `${s.ofCast}%` }} />
                </span>
                <span className="result-percent muted">{t.ballots.shareLine(formatPercent(s.ofCast, lang), formatPercent(s.ofEligible, lang))}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p key={subject} className="result-withheld" data-testid={`result-${subject}`} data-withheld="too-few-answers">
            {t.ballots.withheld(minCast)}
          </p>
        ),
      )}
    </>
  );
}
