import { activeItem } from '../../../../shared/meeting/state.js';
import { observerRulesOf } from '../../../../shared/meeting/visibility.js';
import { BallotsFeed } from '../../ballots/BallotsFeed.js';
import { publicBallots } from '../../ballots/order.js';
import { AgendaList } from '../../components/AgendaList.js';
import { CurrentItemCard } from '../../components/CurrentItemCard.js';
import { SpeakerCard } from '../../components/SpeakerCard.js';
import { AppHeader } from '../../components/TopBar.js';
import { ShownDocument } from '../../documents/viewer/ShownDocument.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { NoticeLog } from '../../notices/NoticeLog.js';
import { NotesPanel } from '../../notes/NotesPanel.js';
import { SpeakersPanel } from '../tablet/SpeakersPanel.js';
import { LazyDocumentsPanel } from '../../documents/list/LazyDocumentsPanel.js';
import { TabBar, TabPanel, useTab, type TabId } from '../tablet/Tabs.js';

/** A remote, read-only view in the tablet's sections: nothing here sends a command. */
export function ObserverView() {
  const { t } = useI18n();
  const { state, connection } = useMeeting();
  const item = activeItem(state);
  // The body decides whether the public link follows the notes; the server refuses it otherwise.
  const tabs: TabId[] = observerRulesOf(state).notes ? ['item', 'speakers', 'notes', 'vote'] : ['item', 'speakers', 'vote'];
  // Only documents for everyone reach the public link, and only when the body allows it (shared/documents/visibility.ts).
  if (state.documents.length > 0) tabs.push('documents');
  const [tab, setTab] = useTab(tabs);
  return (
    <div className={`app observer tabbed ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="observer-view">
      <AppHeader />
      <TabBar tabs={tabs} active={tab} onSelect={setTab} />
      <main className="tab-panels">
        <TabPanel tab="item" active={tab}>
          <div className="tablet-grid">
            <div className="tablet-main">
              <p className="read-only-note">{t.observer.readOnly}</p>
              <CurrentItemCard />
              <ShownDocument />
              {item && <SpeakerCard speech={item.queue.current} />}
            </div>
            <div className="tablet-side">
              <AgendaList />
              <NoticeLog />
            </div>
          </div>
        </TabPanel>
        <TabPanel tab="speakers" active={tab}>
          <SpeakersPanel />
        </TabPanel>
        {tabs.includes('notes') && (
          <TabPanel tab="notes" active={tab}>
            <NotesPanel />
          </TabPanel>
        )}
        <TabPanel tab="vote" active={tab}>
          <BallotsFeed />
          {publicBallots(state.ballots).length === 0 && <p className="panel muted tab-empty">{t.tablet.noVoteYet}</p>}
        </TabPanel>
        {tabs.includes('documents') && (
          <TabPanel tab="documents" active={tab}>
            <LazyDocumentsPanel keepOffline={false} />
          </TabPanel>
        )}
      </main>
    </div>
  );
}
