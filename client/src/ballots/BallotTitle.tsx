import type { Ballot } from '../../../shared/ballots/types.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** A ballot's title with its kind and where it stands in its lifecycle. */
export function BallotTitle({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  return (
    <span className="ballot-title">
      <strong className="ballot-title-text">{ballot.title}</strong>
      <span className="chips">
        <span className="chip">{t.ballots.kinds[ballot.kind]}</span>
        <span className={`chip ballot-status status-${ballot.status}`} data-testid={`ballot-status-${ballot.id}`} data-status={ballot.status}>
          {t.ballots.status[ballot.status]}
        </span>
      </span>
    </span>
  );
}
