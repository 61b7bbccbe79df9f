import type { Notice } from '../../../shared/meeting/notices.js';
import { attends } from '../../../shared/meeting/roles.js';
import { parseDocName } from '../../../shared/notes/access.js';
import { formatTime } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';

export interface NoticeText {
  /** As the room reads it: who, what, when. */
  room: (notice: Notice) => string;
  /** As the member it concerns reads it on their own device. */
  yours: (notice: Notice) => string;
  time: (notice: Notice) => string;
}

/** Notices in the current language, with names and ballot titles from the state and times in the meeting's zone. */
export function useNoticeText(): NoticeText {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const n = t.notices;
  const time = (notice: Notice) => formatTime(notice.at, state.timeZone, lang);
  const who = (id: string | null) => {
    const p = state.participants.find((x) => x.id === id);
    if (!p) return id ?? '';
    // The room screen's and observers' links are devices, not comrades.
    return attends(p.role) ? n.comrade(p.name) : p.name;
  };
  const title = (id: string | null) => state.ballots.find((b) => b.id === id)?.title ?? id ?? '';
  const status = (notice: Notice) => (notice.status ? t.attendance[notice.status] : '');
  const docTitle = (docName: string | undefined) => {
    const ref = parseDocName(docName ?? '');
    if (!ref) return docName ?? '';
    if (ref.kind === 'minutes') return n.minutesDoc;
    return n.notesDoc(state.agenda.find((i) => i.id === ref.itemId)?.title ?? ref.itemId);
  };

  const room = (notice: Notice): string => {
    const at = time(notice);
    switch (notice.kind) {
      case 'attendance-changed':
        return n.room['attendance-changed'](who(notice.participantId), status(notice), at);
      case 'ballot-closed-early':
        return n.room['ballot-closed-early'](title(notice.ballotId), notice.turnout?.[0] ?? 0, notice.turnout?.[1] ?? 0, at);
      case 'ballot-cancelled':
        return n.room['ballot-cancelled'](title(notice.ballotId), notice.reason ?? '', at);
      case 'notes-restored':
        return n.room['notes-restored'](
          docTitle(notice.docName),
          formatTime(notice.versionAt ?? notice.at, state.timeZone, lang),
          notice.label ?? null,
          who(notice.participantId),
          at,
        );
      case 'committee-appointed':
        return n.room['committee-appointed']((notice.members ?? []).map(who).join(', '), notice.ballotId ? title(notice.ballotId) : null, who(notice.participantId), at);
      default:
        return n.room[notice.kind](who(notice.participantId), at);
    }
  };
  const yours = (notice: Notice): string => {
    const at = time(notice);
    switch (notice.kind) {
      case 'attendance-changed':
        return n.yours['attendance-changed'](status(notice), at);
      case 'ballot-closed-early':
      case 'ballot-cancelled':
      case 'notes-restored':
      case 'committee-appointed':
        return room(notice);
      default:
        return n.yours[notice.kind](at);
    }
  };
  return { room, yours, time };
}
