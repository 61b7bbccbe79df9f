import { useEffect, useState } from 'react';
import type { Ballot, BallotResults as BallotResultsData } from '../../../../shared/ballots/types.js';
import { BallotResults } from '../../ballots/BallotResults.js';
import { resultRows } from '../../ballots/resultRows.js';
import { Turnout } from '../../ballots/Turnout.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

/** Rows of a rating shown at once: more would not be readable from the back of the hall. */
const ROWS_PER_PAGE = 4;
const PAGE_MS = 12_000;

/**
 * A ballot on the room screen: a big turnout bar while open (never counts), "awaiting publication"
 * once closed, the results table and bars once the chair publishes, or why it was cancelled.
 */
export function ScreenBallot({ ballotId }: { ballotId: string }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const ballot = state.ballots.find((b) => b.id === ballotId);
  return (
    <main className="screen-main screen-ballot" data-testid="screen-ballot" data-ballot-id={ballotId} data-status={ballot?.status ?? 'missing'}>
      <section className="screen-item">
        <p className="screen-label">
          {t.ballots.title}
          {ballot && ` · ${t.ballots.kinds[ballot.kind]}`}
        </p>
        <h1 className="screen-item-title" data-testid="screen-ballot-title">
          {ballot?.title ?? t.ballots.notShown}
        </h1>
      </section>
      {ballot && <ScreenBallotBody ballot={ballot} />}
    </main>
  );
}

function ScreenBallotBody({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  switch (ballot.status) {
    case 'draft':
      return <p className="screen-ballot-note">{t.ballots.notShown}</p>;
    case 'open':
      return (
        <>
          <Turnout ballot={ballot} large />
          <p className="screen-ballot-note">{t.ballots.countsSealed}</p>
        </>
      );
    case 'closed':
      return (
        <>
          <p className="screen-ballot-status" data-testid="screen-ballot-awaiting">
            {t.ballots.awaiting}
          </p>
          <Turnout ballot={ballot} large />
        </>
      );
    case 'cancelled':
      return (
        <p className="screen-ballot-status is-cancelled" data-testid="screen-ballot-cancelled">
          {t.ballots.cancelledBecause(ballot.cancelReason ?? '')}
        </p>
      );
    case 'published':
      return ballot.results && <PagedResults ballot={ballot} results={ballot.results} />;
  }
}

/** A long rating pages through its subjects (withheld rows too) by itself; the page number says there is more. */
function PagedResults({ ballot, results }: { ballot: Ballot; results: BallotResultsData }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const rows = resultRows(ballot, results);
  const pages = ballot.kind === 'rating' ? Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE)) : 1;
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const current = Math.min(page, pages - 1);
  const shown = pages > 1 ? rows.slice(current * ROWS_PER_PAGE, (current + 1) * ROWS_PER_PAGE) : rows;
  return (
    <div className="screen-results">
      <BallotResults state={state} ballot={ballot} results={results} rows={shown} variant="screen" />
      {pages > 1 && (
        <p className="screen-results-page" data-testid="screen-results-page">
          {t.ballots.page(current + 1, pages)}
        </p>
      )}
    </div>
  );
}
