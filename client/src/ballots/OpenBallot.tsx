import { eligibleVoters } from '../../../shared/ballots/decide.js';
import type { Ballot } from '../../../shared/ballots/types.js';
import { quorum } from '../../../shared/meeting/attendance.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from '../live/people.js';
import { useMeeting } from '../live/useMeeting.js';
import { useSend } from '../live/useSend.js';
import { inMeetingOrder } from './order.js';

/**
 * Opening fixes the list of voters, so the chair sees it first: who would be eligible now (the shared
 * rule the server applies), against the members present.
 */
export function OpenBallot({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const send = useSend();
  const eligible = eligibleVoters(state, ballot);
  const q = quorum(state);
  return (
    <div className="open-ballot">
      <p className={eligible.length === 0 ? 'notice' : 'muted'} data-testid={`ballot-will-open-${ballot.id}`} data-eligible={eligible.length}>
        {eligible.length === 0 ? t.ballots.nobodyEligible : t.ballots.willOpenFor(eligible.length, q.present, q.members)}
      </p>
      {eligible.length > 0 && <p className="open-ballot-names">{inMeetingOrder(state, eligible).map((id) => nameOf(state, id)).join(', ')}</p>}
      <ConfirmButton testId={`ballot-open-${ballot.id}`} className="btn-primary" disabled={eligible.length === 0} confirmLabel={t.ballots.openConfirm(eligible.length)} onConfirm={() => void send({ type: 'ballot.open', ballotId: ballot.id })}>
        {t.ballots.open}
      </ConfirmButton>
    </div>
  );
}
