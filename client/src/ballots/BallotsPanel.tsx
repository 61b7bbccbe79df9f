import { useState } from 'react';
import { mayIssue } from '../../../shared/meeting/permissions.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { BallotCard } from './BallotCard.js';
import { BallotForm } from './BallotForm.js';
import { byUrgency } from './order.js';
import { PinSettings } from './VotingPin.js';
import { CommitteeDesk } from './committee/CommitteeDesk.js';
import { CommitteePanel } from './committee/CommitteePanel.js';

/** The chair's ballots: draft, open, watch turnout, close, publish, show on the room screen. */
export function BallotsPanel() {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  const [creating, setCreating] = useState(false);
  const mayCreate = mayIssue(you.role, 'ballot.create');
  const ballots = byUrgency(state.ballots);
  return (
    <section id="ballots" className="panel ballots-panel" aria-label={t.ballots.title} data-testid="ballots-panel">
      <header className="panel-head">
        <h2>{t.ballots.title}</h2>
        {mayCreate && !creating && (
          <button type="button" className="btn btn-secondary" data-testid="ballot-new" onClick={() => setCreating(true)}>
            {t.ballots.create}
          </button>
        )}
      </header>
      <PinSettings />
      <CommitteePanel />
      <CommitteeDesk />
      {creating && <BallotForm onDone={() => setCreating(false)} />}
      {ballots.length === 0 && !creating && <p className="muted">{t.ballots.none}</p>}
      <ul className="ballot-cards">
        {ballots.map((b) => (
          <BallotCard key={b.id} ballot={b} />
        ))}
      </ul>
    </section>
  );
}
