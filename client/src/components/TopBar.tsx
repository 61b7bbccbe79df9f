import type { ReactNode } from 'react';
import { formatDay, formatTime } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../live/useMeeting.js';
import { AnnouncementBanner } from './AnnouncementBanner.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { LangSwitch } from './LangSwitch.js';

function Clock({ timeZone }: { timeZone: string }) {
  const { lang } = useI18n();
  const now = useServerNow(1000);
  return (
    <span className="clock" data-testid="clock">
      {formatTime(now, timeZone, lang)}
    </span>
  );
}

/** The meeting's name, day, clock, who this device is, its connection and the language switch. */
export function TopBar({ children }: { children?: ReactNode }) {
  const { t, lang } = useI18n();
  const { state, you } = useMeeting();
  const day = state.days[state.currentDay - 1];
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="topbar-org">{state.organisation}</span>
        <h1 data-testid="meeting-title">{state.title}</h1>
        <span className="topbar-day" data-testid="meeting-day">
          {t.common.day(state.currentDay)}
          {day ? ` · ${formatDay(day, lang)}` : ''} ·{' '}
          <span data-testid="meeting-status" data-status={state.status}>
            {t.meetingStatus[state.status]}
          </span>
        </span>
      </div>
      <div className="topbar-side">
        {children}
        <Clock timeZone={state.timeZone} />
        <span className="topbar-you" data-testid="you">
          {you.name}
          {you.name === t.roles[you.role] ? '' : ` · ${t.roles[you.role]}`}
        </span>
        <ConnectionBadge />
        <LangSwitch />
      </div>
    </header>
  );
}

/** Greys the last known state while the connection is down, and says so. */
export function StaleNotice() {
  const { t } = useI18n();
  const { connection } = useMeeting();
  if (connection === 'connected') return null;
  return (
    <div className="stale-notice" data-testid="stale-notice">
      {t.connection.stale}
    </div>
  );
}

/** Everything that must stay in sight while scrolling: who and where, the connection, the announcement. */
export function AppHeader({ topbarExtra, children }: { topbarExtra?: ReactNode; children?: ReactNode }) {
  const { state } = useMeeting();
  return (
    <div className="app-head">
      <TopBar>{topbarExtra}</TopBar>
      <AnnouncementBanner announcement={state.announcement} />
      <StaleNotice />
      {children}
    </div>
  );
}
