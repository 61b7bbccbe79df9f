import { ROOM_NOTICES } from '../../../shared/meeting/notices.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../live/useMeeting.js';
import { useNoticeText } from './useNoticeText.js';

/** How long a notice stays on the room screen, in server time; the console and the record keep it. */
const SHOWN_MS = 2 * 60_000;
/** More at once would not be read from the back of the hall. */
const MOST = 3;

/**
 * The room screen's band of recent notices: a reissued link, a PIN reset or lock, attendance changed
 * while a ballot is open, a ballot closed early or cancelled. Above everything, announcements
 * included, so that a break notice cannot hide what the chair did meanwhile.
 */
export function NoticeStrip() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const now = useServerNow(1000);
  const text = useNoticeText();
  const recent = (state.notices ?? [])
    .filter((n) => ROOM_NOTICES.includes(n.kind) && now - n.at < SHOWN_MS)
    .slice(-MOST)
    .reverse();
  if (recent.length === 0) return null;
  return (
    <section className="screen-notices" data-testid="screen-notices" role="status" aria-label={t.notices.title}>
      <ul>
        {recent.map((n) => (
          <li key={`${n.kind}-${n.at}-${n.participantId ?? n.ballotId}`} className={`kind-${n.kind}`} data-testid="screen-notice" data-kind={n.kind}>
            {text.room(n)}
          </li>
        ))}
      </ul>
    </section>
  );
}
