import { activeItem } from '../../../../shared/meeting/state.js';
import { observerRulesOf } from '../../../../shared/meeting/visibility.js';
import { BallotsFeed } from '../../ballots/BallotsFeed.js';
import { AgendaList } from '../../components/AgendaList.js';
import { CurrentItemCard } from '../../components/CurrentItemCard.js';
import { QueueList } from '../../components/QueueList.js';
import { SpeakerCard } from '../../components/SpeakerCard.js';
import { AppHeader } from '../../components/TopBar.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { NoticeLog } from '../../notices/NoticeLog.js';
import { NotesPanel } from '../../notes/NotesPanel.js';

/** A remote, read-only view: nothing here sends a command. */
export function ObserverView() {
  const { t } = useI18n();
  const { state, connection } = useMeeting();
  const item = activeItem(state);
  return (
    <div className={`app observer ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="observer-view">
      <AppHeader />
      <p className="read-only-note">{t.observer.readOnly}</p>
      <main className="tablet-grid">
        <div className="tablet-main">
          <CurrentItemCard />
          <SpeakerCard speech={item?.queue.current ?? null} />
          <BallotsFeed />
        </div>
        <div className="tablet-side">
          <section className="panel" aria-label={t.queue.title}>
            <h2 className="panel-label">{t.queue.title}</h2>
            {item ? <QueueList queue={item.queue} /> : <p className="muted">{t.meeting.noActiveItem}</p>}
          </section>
          <AgendaList />
          <NoticeLog />
        </div>
        {/* The body decides whether the public link follows the notes; the server refuses it otherwise. */}
        {observerRulesOf(state).notes && (
          <div className="tablet-notes">
            <NotesPanel />
          </div>
        )}
      </main>
    </div>
  );
}
