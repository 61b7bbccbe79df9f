import type { Ballot } from '../../../../shared/ballots/types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { ScreenResults } from './ScreenResults.js';
import { ScreenTitle } from './ScreenTitle.js';
import { ScreenTurnout } from './ScreenTurnout.js';

/**
 * The ballot the chair put on the screen: a big turnout bar while open (never counts), "awaiting
 * publication" once closed, the results once the chair publishes, or why it was cancelled.
 */
export function ScreenBallot({ ballotId }: { ballotId: string }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const ballot = state.ballots.find((b) => b.id === ballotId);
  const published = ballot?.status === 'published' && ballot.results !== null;
  return (
    <main
      className={`screen-main screen-vote ${published ? 'is-results' : ''}`}
      data-testid="screen-ballot"
      data-ballot-id={ballotId}
      data-status={ballot?.status ?? 'missing'}
      data-fit="main"
    >
      <section className="screen-item">
        <p className="screen-label">
          {t.ballots.title}
          {ballot && ` · ${t.ballots.kinds[ballot.kind]}`}
        </p>
        <ScreenTitle title={ballot?.title ?? t.ballots.notShown} testId="screen-ballot-title" />
      </section>
      {ballot && <ScreenBallotBody ballot={ballot} />}
    </main>
  );
}

function ScreenBallotBody({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  switch (ballot.status) {
    case 'draft':
      return <p className="screen-vote-note">{t.ballots.notShown}</p>;
    case 'open':
      return (
        <>
          <ScreenTurnout ballot={ballot} />
          <p className="screen-vote-note">{t.ballots.countsSealed}</p>
        </>
      );
    case 'closed':
      return (
        <>
          <p className="screen-vote-status" data-testid="screen-ballot-awaiting">
            {t.ballots.awaiting}
          </p>
          <ScreenTurnout ballot={ballot} />
        </>
      );
    case 'cancelled':
      return (
        <p className="screen-vote-status is-cancelled" data-testid="screen-ballot-cancelled">
          {t.ballots.cancelledBecause(ballot.cancelReason ?? '')}
        </p>
      );
    case 'published':
      return ballot.results && <ScreenResults key={ballot.id} ballot={ballot} results={ballot.results} />;
  }
}
