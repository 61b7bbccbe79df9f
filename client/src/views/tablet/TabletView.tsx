import { papersToFill } from '../../../../shared/ballots/open.js';
import { activeItem } from '../../../../shared/meeting/state.js';
import { BallotsFeed } from '../../ballots/BallotsFeed.js';
import { CommitteeDesk } from '../../ballots/committee/CommitteeDesk.js';
import { countsToConfirm } from '../../../../shared/review/publication.js';
import { publicBallots } from '../../ballots/order.js';
import { PinAttention } from '../../ballots/VotingPin.js';
import { CheckIn } from '../../components/CheckIn.js';
import { AgendaList } from '../../components/AgendaList.js';
import { CurrentItemCard } from '../../components/CurrentItemCard.js';
import { SpeakerCard } from '../../components/SpeakerCard.js';
import { AppHeader } from '../../components/TopBar.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { NotesPanel } from '../../notes/NotesPanel.js';
import { DisclosedAssessment } from '../../review/DisclosedAssessment.js';
import { SelfAssessmentPanel } from '../../review/SelfAssessmentPanel.js';
import { AskFloor } from './AskFloor.js';
import { MyPanel } from './MyPanel.js';
import { MyTurn } from './MyTurn.js';
import { SpeakersPanel } from './SpeakersPanel.js';
import { LazyDocumentsPanel } from '../../documents/list/LazyDocumentsPanel.js';
import { ItemDocumentsLink } from '../../documents/list/ItemDocumentsLink.js';
import { TabBadge, TabBar, TabPanel, useTab, type TabId } from './Tabs.js';

const TABS: readonly TabId[] = ['item', 'speakers', 'notes', 'vote'];
// The documents' tab once the meeting has any: a meeting without papers keeps the four sections.
const WITH_DOCUMENTS: readonly TabId[] = [...TABS, 'documents'];

/**
 * A member's or guest's tablet, in four sections one tap apart (what is discussed, who speaks, the
 * notes, the papers), with one's own turn and any paper still to fill always in sight below them.
 */
export function TabletView() {
  const { t } = useI18n();
  const { state, connection, you } = useMeeting();
  const item = activeItem(state);
  const tabs = state.documents.length > 0 ? WITH_DOCUMENTS : TABS;
  const [tab, setTab] = useTab(tabs);
  const waiting = papersToFill(state.ballots, you.participantId).length;
  // A tally waiting for this committee member is flagged as a paper to fill is.
  const toConfirm = countsToConfirm(state, you.participantId).length;
  return (
    <div className={`app tablet tabbed ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="tablet-view">
      <AppHeader />
      <TabBar
        tabs={tabs}
        active={tab}
        onSelect={setTab}
        badges={{
          vote: (
            <TabBadge
              count={waiting + toConfirm}
              label={[waiting > 0 ? t.tablet.papersToFill(waiting) : '', toConfirm > 0 ? t.committee.waiting(toConfirm) : ''].filter(Boolean).join('; ')}
            />
          ),
        }}
      />
      <main className="tab-panels">
        <TabPanel tab="item" active={tab}>
          <div className="tablet-grid">
            <div className="tablet-main">
              <CheckIn />
              <PinAttention askNow />
              <CurrentItemCard>
                <DisclosedAssessment />
                <ItemDocumentsLink onOpen={() => setTab('documents')} />
              </CurrentItemCard>
              {item && <SpeakerCard speech={item.queue.current} />}
              <AskFloor />
            </div>
            <div className="tablet-side">
              <SelfAssessmentPanel />
              <MyPanel />
              <AgendaList />
            </div>
          </div>
        </TabPanel>
        <TabPanel tab="speakers" active={tab}>
          <SpeakersPanel />
        </TabPanel>
        <TabPanel tab="notes" active={tab}>
          <NotesPanel />
        </TabPanel>
        <TabPanel tab="vote" active={tab}>
          <CommitteeDesk />
          <BallotsFeed />
          {publicBallots(state.ballots).length === 0 && <p className="panel muted tab-empty">{t.tablet.noVoteYet}</p>}
        </TabPanel>
        {tabs.includes('documents') && (
          <TabPanel tab="documents" active={tab}>
            <LazyDocumentsPanel keepOffline />
          </TabPanel>
        )}
      </main>
      <div className="tab-dock">
        <MyTurn />
        {waiting > 0 && tab !== 'vote' && (
          <button type="button" className="btn btn-primary paper-waiting" data-testid="paper-waiting" onClick={() => setTab('vote')}>
            {t.tablet.openPaper(waiting)}
          </button>
        )}
        {toConfirm > 0 && tab !== 'vote' && (
          <button type="button" className="btn btn-primary paper-waiting" data-testid="count-waiting" onClick={() => setTab('vote')}>
            {t.committee.dock(toConfirm)}
          </button>
        )}
      </div>
    </div>
  );
}
