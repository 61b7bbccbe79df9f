import type { Announcement } from '../../../../shared/meeting/state.js';
import { AnnouncementCountdown } from '../../components/AnnouncementBanner.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Announcements cover the screen: during a break the hall should see nothing else. */
export function ScreenOverlay({ announcement }: { announcement: Announcement }) {
  const { t } = useI18n();
  return (
    <div className="screen-overlay" data-testid="announcement" role="alert">
      <p className="screen-label">{t.announcement.title}</p>
      <p className="screen-overlay-text" data-testid="announcement-text">
        {announcement.text}
      </p>
      {announcement.endsAt !== null && <AnnouncementCountdown endsAt={announcement.endsAt} />}
    </div>
  );
}
