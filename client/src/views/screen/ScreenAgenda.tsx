import { activeItem } from '../../../../shared/meeting/state.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { NextSpeakers } from './NextSpeakers.js';
import { ScreenProgramme } from './ScreenProgramme.js';
import { ScreenSpeaker } from './ScreenSpeaker.js';

/** The screen's default mode: the open item, who speaks with their countdown, who speaks next. */
export function ScreenAgenda() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const item = activeItem(state);
  const idle = state.status === 'scheduled' ? t.meeting.notStarted : state.status === 'finished' ? t.meeting.finished : t.meeting.noActiveItem;

  return (
    <>
      <main className="screen-main" data-testid="screen-agenda">
        <section className="screen-item">
          {item && <p className="screen-label">{t.kinds[item.kind]}</p>}
          <h1 className={`screen-item-title ${item ? '' : 'is-idle'}`} data-testid="current-item-title" data-item-id={item?.id ?? ''}>
            {item ? item.title : idle}
          </h1>
          {!item && state.status === 'scheduled' && <p className="screen-waiting">{t.screen.waiting}</p>}
        </section>
        {item ? <ScreenSpeaker speech={item.queue.current} /> : state.status !== 'finished' && <ScreenProgramme />}
      </main>
      {item && (
        <aside className="screen-aside">
          <NextSpeakers queue={item.queue} />
        </aside>
      )}
    </>
  );
}
