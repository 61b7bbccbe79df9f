import { percent } from '../../../../shared/ballots/tally.js';
import type { Ballot } from '../../../../shared/ballots/types.js';
import { formatClock, formatCount, formatPercent } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useServerNow } from '../../live/useMeeting.js';

/** How many of the eligible voters have handed in a paper, the one figure the hall sees while voting runs. */
export function ScreenTurnout({ ballot }: { ballot: Ballot }) {
  const { t, lang } = useI18n();
  const voted = ballot.voted.length;
  const eligible = ballot.eligible.length;
  const share = percent(voted, eligible);
  return (
    <div className="screen-turnout" data-testid={`turnout-${ballot.id}`} data-voted={voted} data-eligible={eligible}>
      <div className="screen-turnout-figures">
        <span className="screen-turnout-label">{t.ballots.turnoutLabel}</span>
        <span className="screen-turnout-count">
          <strong>{formatCount(voted, lang)}</strong>/{formatCount(eligible, lang)}
        </span>
        <span className="screen-turnout-percent">{formatPercent(share, lang)}</span>
        {ballot.status === 'open' && ballot.deadline !== null && <Deadline at={ballot.deadline} />}
      </div>
      <div className="screen-turnout-bar" role="progressbar" aria-valuemin={0} aria-valuemax={eligible} aria-valuenow={voted} aria-label={t.ballots.turnout(voted, eligible)}>
        <span style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

function Deadline({ at }: { at: number }) {
  const { t } = useI18n();
  const now = useServerNow(1000);
  const left = Math.ceil((at - now) / 1000);
  return (
    <span className={`screen-turnout-deadline ${left <= 60 ? 'is-near' : ''}`} role="timer" data-testid="ballot-deadline">
      {left > 0 ? t.ballots.deadlineIn(formatClock(left)) : t.ballots.deadlinePassed}
    </span>
  );
}
