import { useEffect, useRef, useState } from 'react';
import { papersToFill } from '../../../shared/ballots/open.js';
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
 * Ballots on a tablet or for an observer. A voter's papers come one at a time, in the order they were
 * opened, with how many are left and a way to go to the next: two papers on one screen get filled
 * in the wrong order or not at all. Every other ballot is a short entry: turnout while open,
 * "awaiting publication" once closed, then the results' summary, opened on demand.
 */
export function BallotsFeed() {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  const toFill = papersToFill(state.ballots, you.participantId);
  const others = byUrgency(publicBallots(state.ballots)).filter((b) => !toFill.includes(b));
  if (toFill.length === 0 && others.length === 0) return null;
  return (
    <section id="ballots" className="panel ballots-feed" aria-label={t.ballots.title} data-testid="ballots-feed">
      <h2 className="panel-label">{t.ballots.title}</h2>
      {toFill.length > 0 && <Papers papers={toFill} />}
      {others.length > 0 && (
        <ul className="feed-ballots">
          {others.map((b) => (
            <FeedBallot key={b.id} ballot={b} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The voter's papers, the current one shown and the others kept mounted but hidden, so a half-filled
 * paper survives a look at the next one. When the current one is handed in it leaves the list and
 * the next one shows by itself.
 */
function Papers({ papers }: { papers: Ballot[] }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const index = Math.max(
    0,
    papers.findIndex((b) => b.id === chosen),
  );
  const current = papers[index];
  const next = papers[(index + 1) % papers.length];
  const top = useRef<HTMLDivElement>(null);
  const shown = useRef(current.id);
  // A paper handed in at the foot of a long grid: the next one starts at the top, so go there.
  useEffect(() => {
    if (shown.current === current.id) return;
    shown.current = current.id;
    top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [current.id]);
  return (
    <div ref={top} className="feed-papers" data-testid="feed-papers" data-current={current.id} data-left={papers.length}>
      {papers.length > 1 && (
        <div className="papers-nav" data-testid="papers-nav">
          <span className="papers-count">
            <strong>{t.ballots.paperNumber(index + 1, papers.length)}</strong>
            <span data-testid="papers-left" data-left={papers.length - 1}>
              {t.ballots.papersLeft(papers.length - 1)}
            </span>
          </span>
          <button type="button" className="btn btn-secondary" data-testid="paper-next" aria-label={t.ballots.otherPaper(next.title)} onClick={() => setChosen(next.id)}>
            {t.ballots.nextPaper} →
          </button>
        </div>
      )}
      {papers.map((b) => (
        <article key={b.id} className="feed-paper" hidden={b.id !== current.id} data-testid={`feed-ballot-${b.id}`} data-status={b.status}>
          <BallotTitle ballot={b} />
          <BallotPaper ballot={b} />
          <Turnout ballot={b} />
        </article>
      ))}
    </div>
  );
}

function FeedBallot({ ballot }: { ballot: Ballot }) {
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
    <li className={`feed-ballot status-${ballot.status}`} data-testid={`feed-ballot-${ballot.id}`} data-status={ballot.status}>
      <BallotTitle ballot={ballot} />
      <div className="feed-ballot-body">{body}</div>
    </li>
  );
}
