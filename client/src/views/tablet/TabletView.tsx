import { activeItem } from '../../../../shared/meeting/state.js';
import { BallotsFeed } from '../../ballots/BallotsFeed.js';
import { PinAttention } from '../../ballots/VotingPin.js';
import { CheckIn } from '../../components/CheckIn.js';
import { AgendaList } from '../../components/AgendaList.js';
import { CurrentItemCard } from '../../components/CurrentItemCard.js';
import { QueueList } from '../../components/QueueList.js';
import { SpeakerCard } from '../../components/SpeakerCard.js';
import { AppHeader } from '../../components/TopBar.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { NotesPanel } from '../../notes/NotesPanel.js';
import { AskFloor } from './AskFloor.js';
import { MyPanel } from './MyPanel.js';

/**
 * A member's or guest's tablet: what is discussed, who speaks, one's own place, the day's agenda;
 * for a voter, the voting PIN (asked for on first join) and what was done about them.
 */
export function TabletView() {
  const { t } = useI18n();
  const { state, connection } = useMeeting();
  const item = activeItem(state);
  return (
    <div className={`app tablet ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="tablet-view">
      <AppHeader />
      <main className="tablet-grid">
        <div className="tablet-main">
          <CheckIn />
          <PinAttention askNow />
          <BallotsFeed />
          <CurrentItemCard />
          <SpeakerCard speech={item?.queue.current ?? null} />
          <AskFloor />
        </div>
        <div className="tablet-side">
          <MyPanel />
          <section className="panel" aria-label={t.queue.title}>
            <h2 className="panel-label">
              {t.queue.title}
              {item && !item.queue.open && <span className="chip chip-warn">{t.queue.listClosed}</span>}
            </h2>
            {item ? <QueueList queue={item.queue} /> : <p className="muted">{t.meeting.noActiveItem}</p>}
          </section>
          <AgendaList />
        </div>
        <div className="tablet-notes">
          <NotesPanel />
        </div>
      </main>
    </div>
  );
}
