import type { Ballot } from '../../../shared/ballots/types.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { BallotPaper } from './BallotPaper.js';
import { BallotResults } from './BallotResults.js';
import { BallotTitle } from './BallotTitle.js';
import { byUrgency, publicBallots } from './order.js';
import { Turnout } from './Turnout.js';
import { VotedNotice } from './VotedNotice.js';

/**
 * Ballots on a tablet or for an observer: the paper for an eligible voter who has not voted, turnout
 * while open, "awaiting publication" once closed, then the results. Ineligible people and guests
 * see the title and turnout only.
 */
export function BallotsFeed() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const ballots = byUrgency(publicBallots(state.ballots));
  if (ballots.length === 0) return null;
  const latestPublished = ballots.find((b) => b.status === 'published')?.id;
  return (
    <section id="ballots" className="panel ballots-feed" aria-label={t.ballots.title} data-testid="ballots-feed">
      <h2 className="panel-label">{t.ballots.title}</h2>
      {ballots.map((b) => (
        <FeedBallot key={b.id} ballot={b} expanded={b.status !== 'published' || b.id === latestPublished} />
      ))}
    </section>
  );
}

function FeedBallot({ ballot, expanded }: { ballot: Ballot; expanded: boolean }) {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  const me = you.participantId;
  const mayVote = state.participants.some((p) => p.id === me && p.member);
  const body = (() => {
    switch (ballot.status) {
      case 'open':
        return (
          <>
            {ballot.voted.includes(me) ? (
              <VotedNotice ballot={ballot} />
            ) : ballot.eligible.includes(me) ? (
              <BallotPaper ballot={ballot} />
            ) : (
              mayVote && (
                <p className="muted" data-testid="not-eligible">
                  {t.ballots.notEligible}
                </p>
              )
            )}
            <Turnout ballot={ballot} />
          </>
        );
      case 'closed':
        return (
          <>
            <p className="ballot-awaiting" data-testid="ballot-awaiting">
              {t.ballots.awaiting}
            </p>
            {ballot.voted.includes(me) && <VotedNotice ballot={ballot} />}
            <Turnout ballot={ballot} />
          </>
        );
      case 'published':
        return ballot.results && <BallotResults state={state} ballot={ballot} results={ballot.results} variant="compact" />;
      case 'cancelled':
        return (
          <p className="muted" data-testid="ballot-cancel-reason">
            {t.ballots.cancelledBecause(ballot.cancelReason ?? '')}
          </p>
        );
      default:
        return null;
    }
  })();
  return (
    <details className={`feed-ballot status-${ballot.status}`} open={expanded} data-testid={`feed-ballot-${ballot.id}`} data-status={ballot.status}>
      <summary>
        <BallotTitle ballot={ballot} />
      </summary>
      <div className="feed-ballot-body">{body}</div>
    </details>
  );
}
