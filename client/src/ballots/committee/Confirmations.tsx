import type { Ballot } from '../../../../shared/ballots/types.js';
import { formatTime } from '../../../../shared/format.js';
import { confirmationsNeeded } from '../../../../shared/review/committee.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

/** Who on the committee has confirmed a tally, and when: "2/3 đã xác nhận", each member by name. */
export function Confirmations({ ballot }: { ballot: Ballot }) {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const members = state.committee?.members ?? [];
  const c = t.committee;
  return (
    <div className="committee-confirmations" data-testid={`confirmations-${ballot.id}`} data-confirmed={ballot.confirmations.length}>
      <p className="committee-progress">
        <strong>{c.progress(ballot.confirmations.length, members.length, confirmationsNeeded(members.length))}</strong>
      </p>
      <ul className="committee-members">
        {members.map((id) => {
          const done = ballot.confirmations.find((x) => x.participantId === id);
          const name = state.participants.find((p) => p.id === id)?.name ?? id;
          return (
            <li key={id} className={done ? 'is-confirmed' : 'is-waiting'} data-testid={`confirmation-${ballot.id}-${id}`} data-confirmed={String(!!done)}>
              <span aria-hidden="true">{done ? '✓' : '…'}</span> {name} —{' '}
              <span className="muted">{done ? c.confirmedAt(formatTime(done.at, state.timeZone, lang)) : c.notYet}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
