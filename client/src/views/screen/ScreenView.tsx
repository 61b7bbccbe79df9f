import type { ScreenMode } from '../../../../shared/meeting/state.js';
import { ConnectionBadge } from '../../components/ConnectionBadge.js';
import { LangSwitch } from '../../components/LangSwitch.js';
import { QrCode } from '../../components/QrCode.js';
import { formatDay, formatTime } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../../live/useMeeting.js';
import { NoticeStrip } from '../../notices/NoticeStrip.js';
import { ScreenAgenda } from './ScreenAgenda.js';
import { ScreenBallot } from './ScreenBallot.js';
import { ScreenNotes } from './ScreenNotes.js';
import { ScreenOverlay } from './ScreenOverlay.js';

/**
 * What the chair chose to show. Each mode renders `<main className="screen-main">` and, if it has
 * something for the side column, `<aside className="screen-aside">` above the QR code; the frame
 * around them (title, clock, QR code, connection, announcement overlay) stays the same in every mode.
 */
function ScreenBody({ mode }: { mode: ScreenMode }) {
  switch (mode.show) {
    case 'agenda':
      return <ScreenAgenda />;
    case 'notes':
      return <ScreenNotes />;
    case 'ballot':
      return <ScreenBallot ballotId={mode.ballotId} />;
  }
}

/** The projector: 16:9, read from the back of the hall, so few things, very large. */
export function ScreenView() {
  const { t, lang } = useI18n();
  const { state, joinUrl, connection } = useMeeting();
  const now = useServerNow(1000);
  const day = state.days[state.currentDay - 1];

  return (
    <div className={`screen ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="screen-view" data-show={state.screen.show}>
      <header className="screen-head">
        <div className="screen-head-title">
          <span className="screen-org">{state.organisation}</span>
          <span className="screen-meeting">{state.title}</span>
        </div>
        <div className="screen-head-side">
          <span className="screen-day">
            {t.common.day(state.currentDay)}
            {day ? ` · ${formatDay(day, lang)}` : ''}
          </span>
          <span className="screen-clock" data-testid="clock">
            {formatTime(now, state.timeZone, lang)}
          </span>
        </div>
      </header>

      <ScreenBody mode={state.screen} />

      {joinUrl && (
        <figure className="screen-qr" data-testid="join-qr">
          <QrCode text={joinUrl} size={360} />
          <figcaption>{t.screen.scanToFollow}</figcaption>
        </figure>
      )}

      <footer className="screen-foot">
        <ConnectionBadge />
        <LangSwitch className="screen-lang" />
      </footer>

      {state.announcement && <ScreenOverlay announcement={state.announcement} />}
      <NoticeStrip />
    </div>
  );
}
