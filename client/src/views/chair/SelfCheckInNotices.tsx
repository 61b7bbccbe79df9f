import { useEffect, useRef } from 'react';
import { formatTime } from '../../../../shared/format.js';
import { findParticipant } from '../../../../shared/meeting/state.js';
import { useToast } from '../../components/Toasts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

/**
 * Tells the console when a member checks themself in ("Nguyễn Văn A tự điểm danh có mặt lúc 08:02"):
 * the chair keeps attendance, so a mark they did not make is announced. Marks from before the console
 * opened are in the attendance list already, not repeated here.
 */
export function SelfCheckInNotices() {
  const { state } = useMeeting();
  const { t, lang } = useI18n();
  const toast = useToast();
  const seen = useRef<Map<string, number | null> | null>(null);
  useEffect(() => {
    const selfMarks = Object.entries(state.attendance).filter(([, mark]) => mark.source === 'self');
    if (seen.current === null) {
      seen.current = new Map(selfMarks.map(([id, mark]) => [id, mark.at]));
      return;
    }
    for (const [id, mark] of selfMarks) {
      if (seen.current.get(id) === mark.at) continue;
      seen.current.set(id, mark.at);
      const name = findParticipant(state, id)?.name ?? id;
      toast(t.checkIn.selfCheckedIn(name, mark.at === null ? '' : formatTime(mark.at, state.timeZone, lang)));
    }
  }, [state, t, lang, toast]);
  return null;
}
