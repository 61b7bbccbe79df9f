import type { KeyboardEvent, ReactNode } from 'react';
import { formatCount } from '../../../../shared/format.js';
import { quorum } from '../../../../shared/meeting/attendance.js';
import { activeItem } from '../../../../shared/meeting/state.js';
import { BallotsPanel } from '../../ballots/BallotsPanel.js';
import { PinAttention } from '../../ballots/VotingPin.js';
import { CurrentItemCard } from '../../components/CurrentItemCard.js';
import { RefusalScope } from '../../components/RefusalScope.js';
import { AppHeader } from '../../components/TopBar.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { MinutesPanel } from '../../notes/MinutesPanel.js';
import { NoticeLog } from '../../notices/NoticeLog.js';
import { NotesPanel } from '../../notes/NotesPanel.js';
import { AgendaPanel } from './AgendaPanel.js';
import { AnnouncementPanel } from './AnnouncementPanel.js';
import { AttendancePanel } from './AttendancePanel.js';
import { ItemTiming } from './ItemTiming.js';
import { QueuePanel } from './QueuePanel.js';
import { ReviewFlowPanel } from './ReviewFlowPanel.js';
import { reviewFlow } from '../../../../shared/review/flow.js';
import { ScreenControl } from './ScreenControl.js';
import { SelfCheckInNotices } from './SelfCheckInNotices.js';
import { StatsPanel } from './StatsPanel.js';
import { DocumentsTab } from './documents/DocumentsTab.js';
import { SIDE_BY_SIDE, useConsoleTab, useMediaQuery, type ConsoleTab } from './useConsoleTab.js';

/**
 * The chair's and the secretary's console, in reach on one screen: the agenda beside one tab of the
 * rest (the floor, ballots, attendance, …) on a laptop or a landscape tablet, the agenda a tab of its
 * own below that width. Every part is one tap away; the page never scrolls, each part scrolls itself.
 * All parts stay mounted while hidden, so a half-written announcement or ballot survives a tab switch.
 */
export function ChairConsole() {
  const { t, lang } = useI18n();
  const { state, connection, allowed } = useMeeting();
  const sideBySide = useMediaQuery(SIDE_BY_SIDE);
  const [chosen, choose] = useConsoleTab();
  const q = quorum(state);
  const active = activeItem(state);
  const waiting = active?.queue.requests.length ?? 0;
  const openBallots = state.ballots.filter((b) => b.status === 'open').length;

  const panes: [ConsoleTab, ReactNode][] = [
    [
      'floor',
      <>
        <CurrentItemCard>{active && <ItemTiming item={active} testId="current-item-timing" />}</CurrentItemCard>
        <QueuePanel />
      </>,
    ],
    [
      'ballots',
      <>
        <PinAttention />
        <BallotsPanel />
      </>,
    ],
    // A meeting without a review (no review items, no ratings) has no order of the review to show.
    ...(reviewFlow(state).stages.length > 0 ? [['review', <ReviewFlowPanel />] as [ConsoleTab, ReactNode]] : []),
    ['attendance', <AttendancePanel />],
    ...(allowed({ type: 'screen.show', show: 'agenda' }) ? [['screen', <ScreenControl />] as [ConsoleTab, ReactNode]] : []),
    ...(allowed({ type: 'announcement.clear' }) ? [['announcement', <AnnouncementPanel />] as [ConsoleTab, ReactNode]] : []),
    ['stats', <StatsPanel />],
    ['notes', <NotesPanel />],
    ['minutes', <MinutesPanel />],
    ['notices', <NoticeLog />],
    ...(allowed({ type: 'document.remove', documentId: 'x' }) ? [['documents', <DocumentsTab />] as [ConsoleTab, ReactNode]] : []),
  ];
  const tabs: ConsoleTab[] = [...(sideBySide ? [] : ['agenda' as const]), ...panes.map(([id]) => id)];
  // A tab this layout or role does not have (the agenda beside the tabs, a stored tab of another role) shows the floor.
  const tab = tabs.includes(chosen) ? chosen : 'floor';
  const badges: Partial<Record<ConsoleTab, number>> = { floor: waiting, ballots: openBallots };

  const onKeys = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
    choose(next);
    document.getElementById(`console-tab-${next}`)?.focus();
  };

  const quorumChip = (
    <a href="#attendance" className={`chip quorum-chip ${q.met ? 'is-met' : 'is-not-met'}`} data-testid="quorum-chip">
      {q.present}/{q.members} · {q.met ? t.attendance_panel.quorumMet : t.attendance_panel.quorumNotMet}
    </a>
  );
  return (
    <div className={`app console ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="chair-console" data-tab={tab} data-layout={sideBySide ? 'side-by-side' : 'tabs'}>
      <SelfCheckInNotices />
      <AppHeader topbarExtra={quorumChip}>
        <nav className="console-tabs" role="tablist" aria-label={t.console.sections} data-testid="console-tabs" onKeyDown={onKeys}>
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`console-tab-${id}`}
              aria-selected={id === tab}
              aria-controls={`console-panel-${id}`}
              tabIndex={id === tab ? 0 : -1}
              className={`btn console-tab ${id === tab ? 'is-selected' : ''}`}
              data-testid={`console-tab-${id}`}
              onClick={() => choose(id)}
            >
              {t.console.tabs[id]}
              {!!badges[id] && <span className="console-tab-badge">{formatCount(badges[id], lang)}</span>}
            </button>
          ))}
        </nav>
      </AppHeader>
      <main className="console-main">
        <div
          className="console-agenda console-scroll"
          role={sideBySide ? undefined : 'tabpanel'}
          id="console-panel-agenda"
          aria-labelledby={sideBySide ? undefined : 'console-tab-agenda'}
          hidden={!sideBySide && tab !== 'agenda'}
        >
          <AgendaPanel />
        </div>
        {panes.map(([id, content]) => (
          <div
            key={id}
            className="console-pane console-scroll"
            role="tabpanel"
            id={`console-panel-${id}`}
            aria-labelledby={`console-tab-${id}`}
            data-testid={`console-panel-${id}`}
            hidden={id !== tab}
          >
            <RefusalScope>{content}</RefusalScope>
          </div>
        ))}
      </main>
    </div>
  );
}
