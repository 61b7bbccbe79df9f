import { formatClock } from '../../../shared/format.js';
import type { Announcement } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useServerNow } from '../live/useMeeting.js';

export function AnnouncementCountdown({ endsAt }: { endsAt: number }) {
  const { t } = useI18n();
  const now = useServerNow(250);
  const left = Math.ceil((endsAt - now) / 1000);
  return (
    <span className={`announcement-countdown ${left <= 0 ? 'is-ended' : ''}`} data-testid="announcement-countdown" role="timer">
      {left > 0 ? t.announcement.remaining(formatClock(left)) : t.announcement.ended}
    </span>
  );
}

/** The chair's message on every device but the room screen, which shows it as an overlay. */
export function AnnouncementBanner({ announcement }: { announcement: Announcement | null }) {
  const { t } = useI18n();
  if (!announcement) return null;
  return (
    <div className="announcement-banner" data-testid="announcement" role="alert">
      <span className="announcement-label">{t.announcement.title}</span>
      <span className="announcement-text" data-testid="announcement-text">
        {announcement.text}
      </span>
      {announcement.endsAt !== null && <AnnouncementCountdown endsAt={announcement.endsAt} />}
    </div>
  );
}
