import { attendanceOf } from '../../../../shared/meeting/attendance.js';
import type { Participant } from '../../../../shared/meeting/state.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

/**
 * The room at a glance: devices connected now (live) next to the attendance record, and who is
 * connected but not yet marked present, so the chair can check them in with one tap.
 */
export function PresenceSummary({ people }: { people: Participant[] }) {
  const { t } = useI18n();
  const { state, online } = useMeeting();
  const count = (status: 'present' | 'absent' | 'excused') => people.filter((p) => attendanceOf(state, p.id) === status).length;
  const unmarked = people.filter((p) => online.has(p.id) && attendanceOf(state, p.id) !== 'present');
  return (
    <div className="presence-summary" data-testid="presence-summary">
      <ul className="chips">
        <li className="chip chip-ok" data-testid="count-connected">
          {t.live.presence.connectedCount(people.filter((p) => online.has(p.id)).length)}
        </li>
        <li className="chip status-present" data-testid="count-present">
          {t.live.presence.checkedInCount(count('present'))}
        </li>
        <li className="chip" data-testid="count-absent">
          {t.live.presence.absentCount(count('absent'))}
        </li>
        <li className="chip status-excused" data-testid="count-excused">
          {t.live.presence.excusedCount(count('excused'))}
        </li>
      </ul>
      {unmarked.length > 0 && (
        <p className="notice" data-testid="connected-not-present">
          {t.live.presence.connectedNotPresent}: {unmarked.map((p) => p.name).join(', ')}
        </p>
      )}
    </div>
  );
}
