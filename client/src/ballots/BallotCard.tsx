import { useEffect, useState } from 'react';
import type { Ballot } from '../../../shared/ballots/types.js';
import { mayIssue } from '../../../shared/meeting/permissions.js';
import { CommandButton } from '../components/CommandButton.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { RefusalNote } from '../components/RefusalNote.js';
import { formatCount } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { useExplainedSend } from '../live/useSend.js';
import { BallotForm } from './BallotForm.js';
import { BallotPaper } from './BallotPaper.js';
import { BallotResults } from './BallotResults.js';
import { BallotTitle } from './BallotTitle.js';
import { CancelBallot } from './CancelBallot.js';
import { CountRecordButtons } from './CountRecordButtons.js';
import { OpenBallot } from './OpenBallot.js';
import { Turnout } from './Turnout.js';
import { VoterList } from './VoterList.js';
import { VotedNotice } from './VotedNotice.js';
import { committeePublishes } from '../../../shared/review/publication.js';
import { AwaitingCommittee } from './committee/AwaitingCommittee.js';
import { Confirmations } from './committee/Confirmations.js';

/**
 * One ballot in the chair's console, with what can be done at its stage. Counts appear only once
 * published. A step the rules refuse (open without quorum, an early close below the ballot's quorum)
 * stays explained on the card, with what to do instead.
 */
export function BallotCard({ ballot }: { ballot: Ballot }) {
  const { t, lang } = useI18n();
  const { state, you, allowed } = useMeeting();
  const { send, refusal, dismiss } = useExplainedSend();
  const [editing, setEditing] = useState(false);
  const id = ballot.id;
  // A refusal explains the stage it was made at; once the ballot moves on it no longer applies.
  useEffect(dismiss, [ballot.status, dismiss]);
  const onScreen = state.screen.show === 'ballot' && state.screen.ballotId === id;
  const showOnScreen = ballot.status !== 'draft' && allowed({ type: 'screen.show', show: 'ballot', ballotId: id }) && (
    <CommandButton
      command={{ type: 'screen.show', show: 'ballot', ballotId: id }}
      testId={`ballot-screen-${id}`}
      className={onScreen ? 'is-selected' : 'btn-ghost'}
      pressed={onScreen}
      disabled={onScreen}
    >
      {onScreen ? t.ballots.onScreen : t.ballots.showOnScreen}
    </CommandButton>
  );
  const cancel = ['draft', 'open', 'closed'].includes(ballot.status) && allowed({ type: 'ballot.cancel', ballotId: id, reason: '-' }) && <CancelBallot ballot={ballot} />;

  if (editing)
    return (
      <li className="ballot-card">
        <BallotForm ballot={ballot} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li className={`ballot-card status-${ballot.status}`} data-testid={`ballot-card-${id}`} data-status={ballot.status}>
      <BallotTitle ballot={ballot} />
      <BallotSettings ballot={ballot} />
      {ballot.status === 'draft' && (
        <div className="ballot-actions">
          {mayIssue(you.role, 'ballot.update') && (
            <button type="button" className="btn btn-ghost" data-testid={`ballot-edit-${id}`} onClick={() => setEditing(true)}>
              {t.ballots.edit}
            </button>
          )}
          {allowed({ type: 'ballot.open', ballotId: id }) && <OpenBallot ballot={ballot} send={send} />}
          {cancel}
        </div>
      )}
      {(ballot.status === 'open' || ballot.status === 'closed') && (
        <>
          {ballot.status === 'closed' && (
            <p className="ballot-awaiting" data-testid="ballot-awaiting">
              {t.ballots.awaiting}
            </p>
          )}
          <Turnout ballot={ballot} />
          <VoterList ballot={ballot} />
          {ballot.status === 'open' && <MyPaper ballot={ballot} />}
          <div className="ballot-actions">
            {ballot.status === 'open' && allowed({ type: 'ballot.close', ballotId: id }) && (
              <ConfirmButton
                testId={`ballot-close-${id}`}
                className="btn-secondary"
                confirmLabel={t.ballots.closeConfirm}
                confirm={t.ballots.closeEffect(ballot.title, formatCount(ballot.voted.length, lang), formatCount(ballot.eligible.length, lang))}
                onConfirm={() => void send({ type: 'ballot.close', ballotId: id })}
              >
                {t.ballots.close}
              </ConfirmButton>
            )}
            {/* With a counting committee, its majority publishes a rating or motion: the chair waits. */}
            {ballot.status === 'closed' && committeePublishes(state, ballot) && <AwaitingCommittee ballot={ballot} />}
            {ballot.status === 'closed' && !committeePublishes(state, ballot) && allowed({ type: 'ballot.publish', ballotId: id }) && (
              <ConfirmButton
                testId={`ballot-publish-${id}`}
                className="btn-primary"
                confirmLabel={t.ballots.publishConfirm}
                confirm={t.ballots.publishEffect(ballot.title)}
                onConfirm={() => void send({ type: 'ballot.publish', ballotId: id })}
              >
                {t.ballots.publish}
              </ConfirmButton>
            )}
            {showOnScreen}
            {cancel}
          </div>
        </>
      )}
      {ballot.status === 'published' && ballot.results && (
        <>
          <BallotResults state={state} ballot={ballot} results={ballot.results} variant="full" />
          {ballot.confirmations.length > 0 && <Confirmations ballot={ballot} />}
          <div className="ballot-actions">
            {showOnScreen}
            <CountRecordButtons ballot={ballot} />
          </div>
        </>
      )}
      {refusal && <RefusalNote error={refusal} onDismiss={dismiss} />}
      {ballot.status === 'cancelled' && (
        <p className="muted" data-testid="ballot-cancel-reason">
          {t.ballots.cancelledBecause(ballot.cancelReason ?? '')}
        </p>
      )}
    </li>
  );
}

/** The chair (or a secretary who is a member) votes from the console too; hidden, not unmounted, so a half-filled paper survives. */
function MyPaper({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const { you } = useMeeting();
  const [shown, setShown] = useState(false);
  if (ballot.voted.includes(you.participantId)) return <VotedNotice ballot={ballot} />;
  if (!ballot.eligible.includes(you.participantId)) return null;
  return (
    <div className="my-paper">
      <button
        type="button"
        className={`btn ${shown ? 'btn-ghost' : 'btn-primary'}`}
        aria-expanded={shown}
        data-testid={`ballot-my-paper-${ballot.id}`}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t.ballots.hidePaper : t.ballots.vote}
      </button>
      <div hidden={!shown}>
        <BallotPaper ballot={ballot} />
      </div>
    </div>
  );
}

/** The rules the chair set, in one line, so a draft can be checked before it opens. */
function BallotSettings({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const f = t.ballots.form;
  const [n, d] = ballot.quorum;
  const parts = [
    ballot.eligibility === 'all-members' ? f.eligibilityAll : f.eligibilityPresent,
    ballot.kind === 'rating' ? `${ballot.subjects.length} ${f.subjects.toLowerCase()}` : null,
    ballot.allowAbstain ? f.allowAbstain : null,
    ballot.selfRating ? f.selfRating : null,
    ballot.closeWhenAllVoted ? f.closeWhenAllVoted : null,
    ballot.deadlineMinutes !== null ? `${f.deadline}: ${t.common.minutes(ballot.deadlineMinutes)}` : null,
    `${f.quorum}: ${n}/${d}`,
  ].filter((p): p is string => p !== null);
  return <p className="ballot-settings muted">{parts.join(' · ')}</p>;
}
