import { quorum } from '../../../../shared/meeting/attendance.js';
import { activeItem } from '../../../../shared/meeting/state.js';
import { BallotsPanel } from '../../ballots/BallotsPanel.js';
import { PinAttention } from '../../ballots/VotingPin.js';
import { CurrentItemCard } from '../../components/CurrentItemCard.js';
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
import { ScreenControl } from './ScreenControl.js';
import { SelfCheckInNotices } from './SelfCheckInNotices.js';
import { StatsPanel } from './StatsPanel.js';

/** The chair's and the secretary's console: everything on one page, panels placed by the stylesheet. */
export function ChairConsole() {
  const { t } = useI18n();
  const { state, connection, allowed } = useMeeting();
  const q = quorum(state);
  const active = activeItem(state);
  const sections = [
    ['agenda', t.meeting.agenda],
    ['queue', t.queue.title],
    ['attendance', t.attendance_panel.title],
    ...(allowed({ type: 'screen.show', show: 'agenda' }) ? [['screen', t.live.screenControl.title]] : []),
    ...(allowed({ type: 'announcement.clear' }) ? [['announcement', t.announcement.title]] : []),
    ['ballots', t.ballots.title],
    ['notices', t.notices.title],
    ['stats', t.stats.title],
    ['notes', t.notes.title],
    ['minutes', t.notes.minutes],
  ];
  const quorumChip = (
    <a href="#attendance" className={`chip quorum-chip ${q.met ? 'is-met' : 'is-not-met'}`} data-testid="quorum-chip">
      {q.present}/{q.members} · {q.met ? t.attendance_panel.quorumMet : t.attendance_panel.quorumNotMet}
    </a>
  );
  return (
    <div className={`app console ${connection !== 'connected' ? 'is-stale' : ''}`} data-testid="chair-console">
      <SelfCheckInNotices />
      <AppHeader topbarExtra={quorumChip}>
        <nav className="console-nav" aria-label={t.console.sections}>
          {sections.map(([id, label]) => (
            <a key={id} href={`#${id}`} className="btn btn-ghost">
              {label}
            </a>
          ))}
        </nav>
      </AppHeader>
      <main className="console-grid">
        <div className="area-agenda">
          <AgendaPanel />
        </div>
        <div className="area-queue">
          <CurrentItemCard>{active && <ItemTiming item={active} testId="current-item-timing" />}</CurrentItemCard>
          <QueuePanel />
        </div>
        <div className="area-side">
          <ScreenControl />
          <PinAttention />
          <BallotsPanel />
          <NoticeLog />
          <AnnouncementPanel />
          <StatsPanel />
        </div>
        <div className="area-attendance">
          <AttendancePanel />
        </div>
        <div className="area-notes">
          <NotesPanel />
          <MinutesPanel />
        </div>
      </main>
    </div>
  );
}
