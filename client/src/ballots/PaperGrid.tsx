import type { CSSProperties } from 'react';
import { ABSTAIN, OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';
import type { Ballot } from '../../../shared/ballots/types.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { answerTone, type BallotLabels } from './labels.js';

interface Props {
  ballot: Ballot;
  rows: string[];
  answers: string[];
  choices: Record<string, string>;
  showMissing: boolean;
  labels: BallotLabels;
  onChoose: (row: string, answer: string) => void;
  /** Each subject's disclosed self-rating (a level id), shown beside their name (issue 17). */
  selfLevels?: Readonly<Record<string, string>>;
}

/**
 * A rating paper as the printed one is laid out: a line per person, a box per level, the levels in
 * the same columns all the way down, so fifteen people fit in a screen or two and a row's four boxes
 * are never split over two lines. Each box also names its level in short, for the rows read after
 * the headings have scrolled away; its full name is what a screen reader says.
 */
export function PaperGrid({ ballot, rows, answers, choices, showMissing, labels, onChoose, selfLevels = {} }: Props) {
  const { t, lang } = useI18n();
  const short = (answer: string) => t.ballots.levelShort[answer] ?? labels.answer(answer);
  return (
    <div className="paper-grid" style={{ '--answers': answers.length } as CSSProperties} data-testid={`paper-grid-${ballot.id}`}>
      <div className="paper-grid-head" aria-hidden="true">
        <span className="paper-grid-corner">{t.ballots.subject}</span>
        {answers.map((answer) => (
          <span key={answer} className={`paper-grid-level ${answerTone(ballot, answer)}`}>
            {labels.answer(answer)}
          </span>
        ))}
      </div>
      <ol className="paper-rows">
        {rows.map((row) => {
          const who = labels.subject(row);
          const rowId = `paper-row-${ballot.id}-${row}`;
          const chosen = choices[row];
          return (
            <li
              key={row}
              id={rowId}
              className={`paper-row ${showMissing && chosen === undefined ? 'is-missing' : ''} ${chosen !== undefined ? 'is-done' : ''}`}
              data-testid={`paper-row-${row}`}
            >
              <p className="paper-subject" id={`${rowId}-name`}>
                <strong>{who.name}</strong>
                {who.detail && <span className="muted paper-subject-detail">{who.detail}</span>}
                {selfLevels[row] !== undefined && (
                  <span className="paper-self-level" data-testid={`paper-self-${row}`} data-level={selfLevels[row]}>
                    {t.review.selfRated}:{' '}
                    <span className={`paper-self-level-name tone-${selfLevels[row]}`}>{OFFICIAL_SCALE.find((o) => o.id === selfLevels[row])?.[lang] ?? selfLevels[row]}</span>
                  </span>
                )}
              </p>
              <div className="paper-grid-answers" role="radiogroup" aria-labelledby={`${rowId}-name`}>
                {answers.map((answer) => (
                  <button
                    key={answer}
                    type="button"
                    role="radio"
                    aria-checked={chosen === answer}
                    aria-label={labels.answer(answer)}
                    className={`paper-box ${answerTone(ballot, answer)} ${answer === ABSTAIN ? 'is-blank' : ''} ${chosen === answer ? 'is-chosen' : ''}`}
                    data-testid={`paper-${row}-${answer}`}
                    onClick={() => onChoose(row, answer)}
                  >
                    <span className="paper-box-mark" aria-hidden="true" />
                    <span className="paper-box-label" aria-hidden="true">
                      {short(answer)}
                    </span>
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
