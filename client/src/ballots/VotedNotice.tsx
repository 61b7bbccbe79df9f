import type { Ballot } from '../../../shared/ballots/types.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * "You have voted", from the public list of who voted: the same after a reload as right after
 * submitting, and never with the choices.
 */
export function VotedNotice({ ballot, justNow = false }: { ballot: Ballot; justNow?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="voted-notice" role="status" data-testid="ballot-recorded" data-ballot-id={ballot.id} data-just-now={String(justNow)}>
      <span className="voted-check" aria-hidden="true">
        ✓
      </span>
      <div>
        <p className="voted-title">{t.ballots.youVoted}</p>
        <p>{t.ballots.recorded}</p>
        {ballot.status === 'open' && <p className="muted">{t.ballots.recordedHint}</p>}
      </div>
    </div>
  );
}
