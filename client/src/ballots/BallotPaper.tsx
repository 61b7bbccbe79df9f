import { useRef, useState, type CSSProperties } from 'react';
import { votes } from '../../../shared/ballots/pin.js';
import { rowsFor } from '../../../shared/ballots/rows.js';
import { rulesOf } from '../../../shared/ballots/rules.js';
import { ABSTAIN } from '../../../shared/ballots/scale.js';
import type { Ballot } from '../../../shared/ballots/types.js';
import type { ballotsVi } from '../i18n/ballots.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { ClientErrorCode } from '../live/connection.js';
import { useConnection, useMeeting } from '../live/useMeeting.js';
import { explainError } from '../i18n/explainError.js';
import { answerTone, useBallotLabels, type BallotLabels } from './labels.js';
import { PinDialog, PinPad } from './PinPad.js';
import { SetPinDialog } from './SetPinDialog.js';
import { PaperGrid } from './PaperGrid.js';
import { VotedNotice } from './VotedNotice.js';

type Step = 'fill' | 'review' | 'sending' | 'recorded' | 'refused';
/** The PIN step before a paper leaves: enter it, or set one first (none yet, or reset by the organiser). */
type Asking = 'enter' | 'set' | null;
type Problem = keyof typeof ballotsVi.failed;

/** What the voter sees after a refusal; whether the paper is kept for another try. */
function problemOf(code: ClientErrorCode): { problem: Problem; keep: boolean } {
  switch (code) {
    case 'not-eligible':
      return { problem: 'not-eligible', keep: false };
    case 'invalid-state':
      return { problem: 'invalid-state', keep: false };
    // Kept: once the organiser has reset the PIN the same paper can still go.
    case 'voting-locked':
      return { problem: 'voting-locked', keep: true };
    case 'invalid-payload':
    case 'invalid-paper':
      return { problem: 'invalid-paper', keep: true };
    // Refused on the device before anything left it: the voter must know it was not sent.
    case 'offline':
      return { problem: 'not-sent', keep: true };
    // Sent, but no answer came: it may or may not have been counted; sending again is safe, the server counts once.
    case 'timeout':
      return { problem: 'uncertain', keep: true };
    default:
      return { problem: 'other', keep: true };
  }
}

/**
 * One voter's paper: a rating's grid of people × levels (a motion's or choice's one row of large
 * answers), a review step, then one `ballot.vote`.
 * The choices live only in this component's state: never in storage, the URL or a form field the
 * browser could restore (plain buttons, no inputs), and they are dropped as soon as the server has
 * the paper, so a reload can only ever show "you have voted". Where the meeting requires it, the
 * paper goes with the voter's PIN, typed on the pad for this one send and kept nowhere.
 */
export function BallotPaper({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const { state, you, connection: link } = useMeeting();
  const connection = useConnection();
  const online = link === 'connected';
  const labels = useBallotLabels(state, ballot);
  const rows = rowsFor(ballot, you.participantId);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [step, setStep] = useState<Step>('fill');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [pinProblem, setPinProblem] = useState<string | null>(null);
  const me = you.participantId;
  const pinNeeded = rulesOf(state).votingPin === 'required' && votes(state, me);
  const locked = pinNeeded && state.pins?.[me] === 'locked';
  const top = useRef<HTMLElement>(null);
  const missing = rows.filter((r) => choices[r] === undefined);
  const answers = [...ballot.options.map((o) => o.id), ...(ballot.allowAbstain ? [ABSTAIN] : [])];
  // Every rating paper shows each subject's self-rating once disclosed (disclosed as the rating opens).
  const selfLevels = Object.fromEntries(Object.entries(state.disclosed).map(([id, a]) => [id, a.level]));

  const choose = (row: string, answer: string) => setChoices((c) => ({ ...c, [row]: answer }));
  const goTo = (next: Step) => {
    setStep(next);
    top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const review = () => {
    if (missing.length > 0) {
      setShowMissing(true);
      document.getElementById(`paper-row-${ballot.id}-${missing[0]}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    setProblem(null);
    goTo('review');
  };
  const confirm = () => {
    if (!pinNeeded) return void submit();
    setPinProblem(null);
    setAsking(state.pins?.[me] === 'set' ? 'enter' : 'set');
  };
  const submit = async (pin?: string) => {
    setStep('sending');
    const outcome = await connection.send({ type: 'ballot.vote', ballotId: ballot.id, paper: choices, ...(pin !== undefined ? { pin } : {}) });
    if (outcome.ok || outcome.error.code === 'already-voted') {
      setAsking(null);
      setChoices({});
      setStep('recorded');
      return;
    }
    const { code } = outcome.error;
    if (code === 'wrong-pin' || code === 'pin-required' || code === 'pin-not-set') {
      // The pad stays (or comes back) with why; the paper waits in its review step.
      setPinProblem(code === 'pin-not-set' ? t.pin.neededToVote : explainError(t, outcome.error));
      setAsking(code === 'pin-not-set' ? 'set' : 'enter');
      setStep('review');
      return;
    }
    setAsking(null);
    const { problem: p, keep } = problemOf(code);
    setProblem(p);
    if (!keep) setChoices({});
    setStep(!keep ? 'refused' : p === 'invalid-paper' ? 'fill' : 'review');
  };

  if (step === 'recorded') return <VotedNotice ballot={ballot} justNow />;
  if (step === 'refused') {
    return (
      <p className="notice paper-problem" role="alert" data-testid="paper-problem" data-problem={problem}>
        {problem && t.ballots.failed[problem]}
      </p>
    );
  }

  return (
    <section ref={top} className={`paper step-${step}`} data-testid={`ballot-paper-${ballot.id}`} aria-label={t.ballots.paper}>
      <p className="paper-secret">{t.ballots.secret}</p>
      {problem && (
        <p className="notice paper-problem" role="alert" data-testid="paper-problem" data-problem={problem}>
          {t.ballots.failed[problem]}
        </p>
      )}
      {step === 'fill' ? (
        <>
          {ballot.kind === 'rating' ? (
            <PaperGrid ballot={ballot} rows={rows} answers={answers} choices={choices} showMissing={showMissing} labels={labels} onChoose={choose} selfLevels={selfLevels} />
          ) : (
            <SingleRow ballot={ballot} row={rows[0]} answers={answers} chosen={choices[rows[0]]} missing={showMissing} labels={labels} onChoose={choose} />
          )}
          <div className="paper-actions">
            <span className={`paper-progress ${showMissing && missing.length > 0 ? 'is-missing' : ''}`} data-testid="paper-progress">
              {missing.length > 0 && showMissing ? t.ballots.missing(missing.length) : t.ballots.chosen(rows.length - missing.length, rows.length)}
            </span>
            <button type="button" className="btn btn-primary btn-large" data-testid="paper-review" onClick={review}>
              {t.ballots.review}
            </button>
          </div>
        </>
      ) : (
        <>
          <h3 className="paper-review-title">{t.ballots.reviewTitle}</h3>
          <ol className="paper-review-list" data-testid="paper-review-list">
            {rows.map((row) => (
              <li key={row} data-testid={`review-${row}`}>
                {ballot.kind === 'rating' && <span className="paper-review-who">{labels.subject(row).name}</span>}
                <strong className={`paper-review-answer ${answerTone(ballot, choices[row])}`}>{labels.answer(choices[row])}</strong>
              </li>
            ))}
          </ol>
          <p className="muted">{t.ballots.reviewHint}</p>
          <div className="paper-actions">
            <button
              type="button"
              className="btn btn-large"
              data-testid="paper-back"
              disabled={step === 'sending'}
              onClick={() => {
                setProblem(null);
                goTo('fill');
              }}
            >
              {t.ballots.back}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-large"
              data-testid="paper-confirm"
              disabled={step === 'sending' || locked || (problem === 'not-sent' && !online)}
              aria-busy={step === 'sending'}
              onClick={confirm}
            >
              {step === 'sending' ? t.ballots.sending : problem === 'not-sent' && !online ? t.ballots.waitingForConnection : problem ? t.ballots.retry : t.ballots.confirm}
            </button>
          </div>
          {locked && problem !== 'voting-locked' && (
            <p className="notice paper-problem" role="alert" data-testid="paper-locked">
              {t.pin.locked}
            </p>
          )}
        </>
      )}
      {asking === 'enter' && (
        <PinDialog title={t.pin.enterToVote} hint={t.pin.forgot} onCancel={() => setAsking(null)} testId="vote-pin">
          <PinPad
            submitLabel={t.pin.send}
            cancelLabel={t.common.cancel}
            problem={pinProblem}
            busy={step === 'sending'}
            onSubmit={(pin) => void submit(pin)}
            onCancel={() => setAsking(null)}
          />
        </PinDialog>
      )}
      {asking === 'set' && <SetPinDialog hint={pinProblem ?? t.pin.neededToVote} onSet={(pin) => void submit(pin)} onClose={() => setAsking(null)} />}
    </section>
  );
}

/** A motion's or choice's paper: its one question, the answers side by side (two by two on a phone). */
function SingleRow(props: {
  ballot: Ballot;
  row: string;
  answers: string[];
  chosen: string | undefined;
  missing: boolean;
  labels: BallotLabels;
  onChoose: (row: string, answer: string) => void;
}) {
  const { ballot, row, answers, chosen, missing, labels, onChoose } = props;
  const blank = (answer: string) => answer === ABSTAIN && ballot.allowAbstain;
  const side = answers.filter((a) => !blank(a)).length;
  return (
    <div id={`paper-row-${ballot.id}-${row}`} className={`paper-row paper-single ${missing && chosen === undefined ? 'is-missing' : ''}`} data-testid={`paper-row-${row}`}>
      <div className={`paper-answers ${side >= 4 ? 'has-many' : ''}`} style={{ '--answers': side } as CSSProperties} role="radiogroup" aria-label={ballot.title}>
        {answers.map((answer) => (
          <button
            key={answer}
            type="button"
            role="radio"
            aria-checked={chosen === answer}
            className={`btn paper-answer ${answerTone(ballot, answer)} ${blank(answer) ? 'is-blank' : ''} ${chosen === answer ? 'is-chosen' : ''}`}
            data-testid={`paper-${row}-${answer}`}
            onClick={() => onChoose(row, answer)}
          >
            {labels.answer(answer)}
          </button>
        ))}
      </div>
    </div>
  );
}
