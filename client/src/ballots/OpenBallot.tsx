import { useState } from 'react';
import { eligibleVoters } from '../../../shared/ballots/decide.js';
import { othersOpen } from '../../../shared/ballots/open.js';
import { rulesOf } from '../../../shared/ballots/rules.js';
import type { Ballot } from '../../../shared/ballots/types.js';
import type { Command } from '../../../shared/meeting/commands.js';
import { quorum } from '../../../shared/meeting/attendance.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { openRefusal } from '../../../shared/review/publication.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from '../live/people.js';
import { useMeeting } from '../live/useMeeting.js';
import { inMeetingOrder } from './order.js';

/**
 * Opening fixes the list of voters, so the chair sees it first: who would be eligible now (the shared
 * rule the server applies), against the members present. What the server would refuse (no quorum in
 * the room, fewer voters than a secret count needs) is said before the button, in the same words.
 */
export function OpenBallot({ ballot, send }: { ballot: Ballot; send: (command: Command) => Promise<unknown> }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const eligible = eligibleVoters(state, ballot);
  const q = quorum(state);
  const { minCast } = rulesOf(state);
  const already = othersOpen(state.ballots, ballot.id);
  const detail = (d: Record<string, number>) => (key: string) => d[key] ?? '?';
  const blocked =
    eligible.length === 0
      ? t.ballots.nobodyEligible
      : !q.met
        ? t.refusals['meeting-quorum-not-met'](detail({ present: q.present, required: q.required, members: q.members }))
        : eligible.length < minCast
          ? t.refusals['too-few-eligible'](detail({ eligible: eligible.length, minCast }))
          : openRefusal(state, ballot)
            ? t.refusals['committee-required'](detail({}))
            : null;
  return (
    <div className="open-ballot">
      <p
        className={eligible.length === 0 ? 'notice' : 'muted'}
        data-testid={`ballot-will-open-${ballot.id}`}
        data-eligible={eligible.length}
        data-blocked={String(blocked !== null)}
      >
        {eligible.length === 0 ? t.ballots.nobodyEligible : t.ballots.willOpenFor(eligible.length, q.present, q.members)}
      </p>
      {eligible.length > 0 && (
        <p className="open-ballot-names">
          {inMeetingOrder(state, eligible)
            .map((id) => nameOf(state, id))
            .join(', ')}
        </p>
      )}
      {blocked && eligible.length > 0 && (
        <p className="notice" data-testid={`ballot-open-blocked-${ballot.id}`}>
          {blocked}
        </p>
      )}
      {already.length > 0 ? (
        <ConfirmAlongside
          ballot={ballot}
          open={already.map((b) => b.title)}
          disabled={blocked !== null}
          onConfirm={() => void send({ type: 'ballot.open', ballotId: ballot.id })}
        />
      ) : (
        <ConfirmButton
          testId={`ballot-open-${ballot.id}`}
          className="btn-primary"
          disabled={blocked !== null}
          confirmLabel={t.ballots.openConfirm(eligible.length)}
          onConfirm={() => void send({ type: 'ballot.open', ballotId: ballot.id })}
        >
          {t.ballots.open}
        </ConfirmButton>
      )}
    </div>
  );
}

/**
 * Opening a second paper while one is out: a question naming both, which stays until answered (unlike
 * ConfirmButton's few seconds), because the chair has to read it. Same test ids as ConfirmButton.
 */
function ConfirmAlongside({ ballot, open, disabled, onConfirm }: { ballot: Ballot; open: string[]; disabled: boolean; onConfirm: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const testId = `ballot-open-${ballot.id}`;
  if (!asking) {
    return (
      <button type="button" className="btn btn-primary" data-testid={testId} disabled={disabled} onClick={() => setAsking(true)}>
        {t.ballots.open}
      </button>
    );
  }
  return (
    <div className="open-alongside notice" role="alertdialog" aria-labelledby={`${testId}-question`} data-testid={`${testId}-question`}>
      <p id={`${testId}-question`}>{t.ballots.openAlongside(open, ballot.title)}</p>
      <div className="ballot-actions">
        <button
          type="button"
          className="btn btn-danger"
          data-testid={`${testId}-confirm`}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t.ballots.openAnyway}
        </button>
        <button type="button" className="btn btn-ghost" data-testid={`${testId}-cancel`} autoFocus onClick={() => setAsking(false)}>
          {t.common.cancel}
        </button>
      </div>
    </div>
  );
}
