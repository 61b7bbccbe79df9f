import { activeItem } from '../../../../shared/meeting/state.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { NextSpeakers } from './NextSpeakers.js';
import { ScreenItemPeople } from './ScreenItemPeople.js';
import { ScreenProgramme } from './ScreenProgramme.js';
import { ScreenSpeaker } from './ScreenSpeaker.js';
import { ScreenTitle } from './ScreenTitle.js';

/** The screen's default mode: the open item, who speaks with their countdown, who speaks next. */
export function ScreenAgenda() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const item = activeItem(state);
  if (!item) {
    const idle = state.status === 'scheduled' ? t.meeting.notStarted : state.status === 'finished' ? t.meeting.finished : t.meeting.noActiveItem;
    return (
      <main className="screen-main screen-agenda" data-testid="screen-agenda" data-fit="main">
        <section className="screen-item">
          <h1 className="screen-title is-idle" data-testid="current-item-title" data-item-id="">
            {idle}
          </h1>
          {state.status === 'scheduled' && <p className="screen-waiting">{t.screen.waiting}</p>}
        </section>
        {state.status !== 'finished' && <ScreenProgramme />}
      </main>
    );
  }
  return (
    <>
      <main className="screen-main screen-agenda" data-testid="screen-agenda" data-fit="main">
        <section className="screen-item">
          <p className="screen-label">{t.kinds[item.kind]}</p>
          <ScreenTitle title={item.title} itemId={item.id} />
          <ScreenItemPeople item={item} />
        </section>
        <ScreenSpeaker speech={item.queue.current} />
      </main>
      <aside className="screen-aside" data-fit="aside">
        <NextSpeakers queue={item.queue} />
      </aside>
    </>
  );
}
