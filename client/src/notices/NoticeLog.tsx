import { EVERYONE_NOTICES, ROOM_NOTICES } from '../../../shared/meeting/notices.js';
import { attends } from '../../../shared/meeting/roles.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { useNoticeText } from './useNoticeText.js';

/**
 * Every notice the room screen shows, newest first, for the chair's console and remote observers:
 * the room screen shows each one only for a while, this keeps them all. Plus those about the
 * reader themself. A log only: nothing here acts on a notice (a PIN is reset by the organiser alone).
 */
export function NoticeLog() {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  const text = useNoticeText();
  const me = you.participantId;
  const shown = (state.notices ?? [])
    .map((notice, index) => ({ notice, index }))
    .filter(({ notice }) => ROOM_NOTICES.includes(notice.kind) || notice.participantId === me || (attends(you.role) && EVERYONE_NOTICES.includes(notice.kind)))
    .reverse();
  return (
    <section id="notices" className="panel notice-log" aria-label={t.notices.title} data-testid="notice-log">
      <header className="panel-head">
        <h2>{t.notices.title}</h2>
      </header>
      {shown.length === 0 ? (
        <p className="muted">{t.notices.none}</p>
      ) : (
        <ol className="notice-list">
          {shown.map(({ notice, index }) => (
            <li key={index} className={`notice-entry kind-${notice.kind}`} data-testid="notice" data-kind={notice.kind}>
              {notice.participantId === me ? text.yours(notice) : text.room(notice)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
