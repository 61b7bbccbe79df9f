import type { Announcement } from '../../../../shared/meeting/state.js';
import { AnnouncementCountdown } from '../../components/AnnouncementBanner.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Type size by length: the longest announcement the chair may post still shows whole, first line included. */
function textSize(text: string): string {
  if (text.length <= 60) return 'is-short';
  return text.length <= 140 ? 'is-long' : 'is-very-long';
}

/**
 * Announcements take the screen's whole body: during a break the hall should see nothing else but
 * the heading, and the strip of a speech still running.
 */
export function ScreenOverlay({ announcement }: { announcement: Announcement }) {
  const { t } = useI18n();
  return (
    <div className={`screen-overlay ${textSize(announcement.text)}`} data-testid="announcement" role="alert" data-fit="announcement">
      <p className="screen-label">{t.announcement.title}</p>
      <p className="screen-overlay-text" data-testid="announcement-text">
        {announcement.text}
      </p>
      {announcement.endsAt !== null && <AnnouncementCountdown endsAt={announcement.endsAt} />}
    </div>
  );
}
