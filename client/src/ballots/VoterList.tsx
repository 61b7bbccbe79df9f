import type { Ballot } from '../../../shared/ballots/types.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from '../live/people.js';
import { useMeeting } from '../live/useMeeting.js';
import { inMeetingOrder } from './order.js';

/** Who has handed in a paper and who has not: public, unlike what anyone chose. */
export function VoterList({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const voted = new Set(ballot.voted);
  const eligible = inMeetingOrder(state, ballot.eligible);
  const group = (label: string, ids: string[], done: boolean) => (
    <div className="voter-group">
      <span className="panel-label">
        {label} ({ids.length})
      </span>
      <ul className="chips" data-testid={`${done ? 'voted' : 'not-voted'}-${ballot.id}`}>
        {ids.map((id) => (
          <li key={id} className={`chip ${done ? 'chip-ok' : ''}`} data-voter={id}>
            {done ? '✓ ' : ''}
            {nameOf(state, id)}
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <div className="voter-list">
      {group(
        t.ballots.votedList,
        eligible.filter((id) => voted.has(id)),
        true,
      )}
      {group(
        t.ballots.notVotedList,
        eligible.filter((id) => !voted.has(id)),
        false,
      )}
    </div>
  );
}
