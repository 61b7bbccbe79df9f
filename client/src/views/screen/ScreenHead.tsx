import { quorum } from '../../../../shared/meeting/attendance.js';
import { formatCount, formatDay, formatTime } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../../live/useMeeting.js';

/** The meeting, the day, who is present against the quorum, and the time. */
export function ScreenHead() {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const now = useServerNow(1000);
  const day = state.days[state.currentDay - 1];
  const q = quorum(state);
  return (
    <header className="screen-head" data-fit="head">
      <div className="screen-head-title">
        <span className="screen-org">{state.organisation}</span>
        <span className="screen-meeting">{state.title}</span>
      </div>
      <div className="screen-head-side">
        <span className={`screen-quorum ${q.met ? 'is-met' : 'is-short'}`} data-testid="screen-quorum" data-met={String(q.met)}>
          {t.screen.present(formatCount(q.present, lang), formatCount(q.members, lang))}
          {!q.met && q.members > 0 && <span className="screen-quorum-short"> · {t.screen.quorumMissing(formatCount(q.required, lang))}</span>}
        </span>
        <span className="screen-day">
          {t.common.day(state.currentDay)}
          {day ? ` · ${formatDay(day, lang)}` : ''}
        </span>
        <span className="screen-clock" data-testid="clock">
          {formatTime(now, state.timeZone, lang)}
        </span>
      </div>
    </header>
  );
}
