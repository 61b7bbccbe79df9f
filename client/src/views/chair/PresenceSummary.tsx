import { useState } from 'react';
import { markOf } from '../../../../shared/meeting/attendance.js';
import type { AttendanceStatus, Participant } from '../../../../shared/meeting/state.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { useSend } from '../../live/useSend.js';

/**
 * The room at a glance: devices connected now (presence) next to the attendance record, which
 * connecting never changes; who is online but not marked yet, and one command to mark them all
 * present (existing marks stay: attendance is the chair's).
 */
export function PresenceSummary({ people }: { people: Participant[] }) {
  const { t } = useI18n();
  const { state, online, allowed } = useMeeting();
  const send = useSend();
  const [busy, setBusy] = useState(false);
  const [marked, setMarked] = useState<number | null>(null);
  const count = (status: AttendanceStatus) => people.filter((p) => markOf(state, p.id)?.status === status).length;
  const notMarked = people.filter((p) => !markOf(state, p.id));
  const waiting = notMarked.filter((p) => online.has(p.id));

  const markConnected = async () => {
    setBusy(true);
    setMarked(null);
    try {
      const outcome = await send({ type: 'attendance.markConnected' });
      if (outcome.ok) setMarked(outcome.marked ?? 0);
    } finally {
      setBusy(false);
    }
  };

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
        <li className="chip" data-testid="count-not-marked">
          {t.checkIn.notMarkedCount(notMarked.length)}
        </li>
      </ul>
      {waiting.length > 0 && (
        <p className="notice" data-testid="connected-not-present">
          {t.checkIn.connectedNotMarked}: {waiting.map((p) => p.name).join(', ')}
        </p>
      )}
      {allowed({ type: 'attendance.markConnected' }) && (
        <p className="chips mark-connected">
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="mark-connected"
            data-count={waiting.length}
            title={t.checkIn.markConnectedHint}
            disabled={busy || waiting.length === 0}
            aria-busy={busy}
            onClick={() => void markConnected()}
          >
            {t.checkIn.markConnected}
          </button>
          {marked !== null && (
            <span role="status" className="muted" data-testid="mark-connected-result" data-marked={marked}>
              {t.checkIn.markedCount(marked)}
            </span>
          )}
        </p>
      )}
    </div>
  );
}
