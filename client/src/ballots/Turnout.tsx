import type { Ballot } from '../../../shared/ballots/types.js';
import { percent } from '../../../shared/ballots/tally.js';
import { formatClock, formatCount, formatPercent } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useServerNow } from '../live/useMeeting.js';

/** How many of the eligible voters have handed in a paper: the one figure everyone may see while open. */
export function Turnout({ ballot, large = false }: { ballot: Ballot; large?: boolean }) {
  const { t, lang } = useI18n();
  const voted = ballot.voted.length;
  const eligible = ballot.eligible.length;
  const share = percent(voted, eligible);
  return (
    <div className={`turnout ${large ? 'is-large' : ''}`} data-testid={`turnout-${ballot.id}`} data-voted={voted} data-eligible={eligible}>
      <div className="turnout-figures">
        <span className="turnout-label">{t.ballots.turnoutLabel}</span>
        <span className="turnout-count">
          <strong>{formatCount(voted, lang)}</strong>/{formatCount(eligible, lang)}
        </span>
        <span className="turnout-percent">{formatPercent(share, lang)}</span>
      </div>
      <div className="turnout-bar" role="progressbar" aria-valuemin={0} aria-valuemax={eligible} aria-valuenow={voted} aria-label={t.ballots.turnout(voted, eligible)}>
        <span style={{ width: `${share}%` }} />
      </div>
      {ballot.status === 'open' && ballot.deadline !== null && <Deadline at={ballot.deadline} />}
    </div>
  );
}

function Deadline({ at }: { at: number }) {
  const { t } = useI18n();
  const now = useServerNow(1000);
  const left = Math.ceil((at - now) / 1000);
  return (
    <span className={`turnout-deadline ${left <= 60 ? 'is-near' : ''}`} role="timer" data-testid="ballot-deadline">
      {left > 0 ? t.ballots.deadlineIn(formatClock(left)) : t.ballots.deadlinePassed}
    </span>
  );
}
