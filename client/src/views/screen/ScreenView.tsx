import { activeItem } from '../../../../shared/meeting/state.js';
import { ConnectionBadge } from '../../components/ConnectionBadge.js';
import { LangSwitch } from '../../components/LangSwitch.js';
import { QrCode } from '../../components/QrCode.js';
import { formatDay, formatTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../../live/useMeeting.js';
import { ScreenNotes } from './ScreenNotes.js';
import { ScreenOverlay } from './ScreenOverlay.js';
import { ScreenSpeaker } from './ScreenSpeaker.js';
import { NextSpeakers } from './NextSpeakers.js';

/** The projector: 16:9, read from the back of the hall, so few things, very large. */
export function ScreenView() {
  const { t, lang } = useI18n();
  const { state, joinUrl, connection } = useMeeting();
  const now = useServerNow(1000);
  const item = activeItem(state);
  const day = state.days[state.currentDay - 1];
  const idle = state.status === 'scheduled' ? t.meeting.notStarted : state.status === 'finished' ? t.meeting.finished : t.meeting.noActiveItem;

  return (
    <div className={`screen ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="screen-view">
      <header className="screen-head">
        <div className="screen-head-title">
          <span className="screen-org">{state.organisation}</span>
          <span className="screen-meeting">{state.title}</span>
        </div>
        <div className="screen-head-side">
          <span className="screen-day">{t.common.day(state.currentDay)}{day ? ` · ${formatDay(day)}` : ''}</span>
          <span className="screen-clock" data-testid="clock">{formatTime(now, state.timeZone, lang)}</span>
        </div>
      </header>

      {state.screen.show === 'notes' ? <ScreenNotes /> : <main className="screen-main">
        <section className="screen-item">
          {item && <p className="screen-label">{t.kinds[item.kind]}</p>}
          <h1 className={`screen-item-title ${item ? '' : 'is-idle'}`} data-testid="current-item-title" data-item-id={item?.id ?? ''}>
            {item ? item.title : idle}
          </h1>
          {!item && state.status === 'scheduled' && <p className="screen-waiting">{t.screen.waiting}</p>}
        </section>
        {item && <ScreenSpeaker speech={item.queue.current} />}
      </main>}

      <aside className="screen-side">
        {item && <NextSpeakers queue={item.queue} />}
        {joinUrl && (
          <figure className="screen-qr" data-testid="join-qr">
            <QrCode text={joinUrl} size={360} />
            <figcaption>{t.screen.scanToFollow}</figcaption>
          </figure>
        )}
      </aside>

      <footer className="screen-foot">
        <ConnectionBadge />
        <LangSwitch className="screen-lang" />
      </footer>

      {state.announcement && <ScreenOverlay announcement={state.announcement} />}
    </div>
  );
}
