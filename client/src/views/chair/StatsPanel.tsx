import { activeItem } from '../../../../shared/meeting/state.js';
import { speakingStats } from '../../../../shared/meeting/stats.js';
import { formatElapsed } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting, useServerNow } from '../../live/useMeeting.js';

/** Speaking over the whole meeting, so the chair can balance the floor and invite who has not spoken. */
export function StatsPanel() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const now = useServerNow(1000);
  const rows = speakingStats(state, now);
  const silent = rows.filter((r) => r.times === 0);
  const spoken = rows.filter((r) => r.times > 0);
  const speakingNow = activeItem(state)?.queue.current?.participantId;
  const total = spoken.reduce((sum, r) => ({ times: sum.times + r.times, ms: sum.ms + r.totalMs }), { times: 0, ms: 0 });
  return (
    <section id="stats" className="panel stats-panel" aria-label={t.stats.title}>
      <header className="panel-head">
        <h2>{t.stats.title}</h2>
        {total.times > 0 && (
          <span className="muted" data-testid="stats-total">
            {t.live.stats.meetingTotal(total.times, formatElapsed(total.ms))}
          </span>
        )}
      </header>
      {spoken.length > 0 && (
        <table className="stats-table" data-testid="stats-table">
          <thead>
            <tr>
              <th>{t.stats.name}</th>
              <th className="num">{t.stats.times}</th>
              <th className="num">{t.stats.total}</th>
            </tr>
          </thead>
          <tbody>
            {spoken.map((r) => (
              <tr key={r.participantId} data-testid={`stats-row-${r.participantId}`} data-times={r.times}>
                <td>
                  {nameOf(state, r.participantId)}
                  {r.participantId === speakingNow && <span className="chip chip-ok stats-now">{t.live.stats.speakingNow}</span>}
                </td>
                <td className="num">{r.times}</td>
                <td className="num">{formatElapsed(r.totalMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="panel-sub">
        {t.stats.notSpoken} ({silent.length})
      </h3>
      {silent.length === 0 ? (
        <p className="muted">{t.stats.everyoneSpoke}</p>
      ) : (
        <ul className="chips" data-testid="not-spoken">
          {silent.map((r) => (
            <li key={r.participantId} className="chip" data-testid={`not-spoken-${r.participantId}`}>
              {nameOf(state, r.participantId)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
