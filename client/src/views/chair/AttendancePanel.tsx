import { useState } from 'react';
import { formatTime } from '../../../../shared/format.js';
import { attendanceOf, markOf, quorum } from '../../../../shared/meeting/attendance.js';
import { attends } from '../../../../shared/meeting/roles.js';
import { findParticipant, type AttendanceStatus, type Participant } from '../../../../shared/meeting/state.js';
import { CommandButton } from '../../components/CommandButton.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { useSend } from '../../live/useSend.js';
import { PresenceSummary } from './PresenceSummary.js';
import { ReissueDialog, type Reissued } from './ReissueDialog.js';

const STATUSES: AttendanceStatus[] = ['present', 'absent', 'excused'];

/**
 * Who is connected (live presence) and who is checked in (the record, with who marked it and when),
 * with the quorum the record makes. Connecting changes nothing here; the chair's marks are final.
 */
export function AttendancePanel() {
  const { t, lang } = useI18n();
  const { state, online, allowed } = useMeeting();
  const send = useSend();
  const [reissued, setReissued] = useState<Reissued | null>(null);
  const q = quorum(state);
  const attending = state.participants.filter((p) => attends(p.role));
  const devices = state.participants.filter((p) => !attends(p.role));

  const reissue = async (p: Participant) => {
    const outcome = await send({ type: 'link.reissue', participantId: p.id });
    if (outcome.ok && outcome.link) setReissued({ name: p.name, link: outcome.link });
  };

  // Per row: the chair has no button for their own link (`can` refuses it: it would lock them out).
  const reissueButton = (p: Participant) =>
    allowed({ type: 'link.reissue', participantId: p.id }) && (
      <ConfirmButton testId={`reissue-${p.id}`} confirmLabel={t.attendance_panel.reissueConfirm} className="btn-ghost" onConfirm={() => void reissue(p)}>
        {t.attendance_panel.reissue}
      </ConfirmButton>
    );

  const presence = (p: Participant) => (
    <span className={`presence ${online.has(p.id) ? 'is-online' : ''}`} data-testid={`presence-${p.id}`}>
      <span className="dot" aria-hidden="true" />
      {online.has(p.id) ? t.live.presence.connected : t.live.presence.disconnected}
    </span>
  );
  // Who marked the row and when: the chair reads a self check-in apart from their own marks.
  const provenance = (p: Participant) => {
    const mark = markOf(state, p.id);
    if (!mark)
      return (
        <span className="muted attendance-source" data-testid={`source-${p.id}`} data-source="">
          {t.checkIn.notMarked}
        </span>
      );
    if (mark.at === null || mark.source === 'unrecorded') return null;
    const time = formatTime(mark.at, state.timeZone, lang);
    const text =
      mark.source === 'presidium' ? t.checkIn.source.presidium((mark.by && findParticipant(state, mark.by)?.name) || t.roles.chair, time) : t.checkIn.source[mark.source](time);
    return (
      <span className="muted attendance-source" data-testid={`source-${p.id}`} data-source={mark.source}>
        {text}
      </span>
    );
  };

  // "Thư ký · Thư ký" says nothing twice: the role is added only when it is not already the position.
  const describe = (p: Participant) => [...new Set([p.position || t.roles[p.role], ...(p.member ? [] : [t.roles[p.role]])])].join(' · ');

  return (
    <section id="attendance" className="panel attendance-panel" aria-label={t.attendance_panel.title}>
      <header className="panel-head">
        <h2>{t.attendance_panel.title}</h2>
      </header>
      <p className={`quorum ${q.met ? 'is-met' : 'is-not-met'}`} data-testid="quorum" data-met={String(q.met)} data-present={q.present} data-members={q.members}>
        <strong>{q.met ? t.attendance_panel.quorumMet : t.attendance_panel.quorumNotMet}</strong>
        <span>{t.attendance_panel.quorum(q.present, q.members, q.required)}</span>
      </p>
      <PresenceSummary people={attending} />
      <ul className="attendance-list">
        {attending.map((p) => {
          const status = attendanceOf(state, p.id);
          // Not marked yet counts as absent, but no button says so: the chair has not decided.
          const marked = markOf(state, p.id)?.status;
          return (
            <li
              key={p.id}
              className={`attendance-row status-${marked ?? 'unmarked'}`}
              data-testid={`attendance-${p.id}`}
              data-status={status}
              data-marked={String(marked !== undefined)}
              data-online={String(online.has(p.id))}
            >
              <span className="attendance-who">
                <span className="attendance-name">{p.name}</span>
                <span className="muted">{describe(p)}</span>
                {provenance(p)}
              </span>
              {presence(p)}
              <span className="segmented" role="group" aria-label={p.name}>
                {STATUSES.map((s) =>
                  allowed({ type: 'attendance.mark', participantId: p.id, status: s }) ? (
                    <CommandButton
                      key={s}
                      command={{ type: 'attendance.mark', participantId: p.id, status: s }}
                      testId={`mark-${p.id}-${s}`}
                      className={marked === s ? `is-selected status-${s}` : ''}
                      pressed={marked === s}
                      disabled={marked === s}
                    >
                      {t.attendance[s]}
                    </CommandButton>
                  ) : (
                    marked === s && (
                      <span key={s} className={`chip status-${s}`}>
                        {t.attendance[s]}
                      </span>
                    )
                  ),
                )}
              </span>
              {reissueButton(p)}
            </li>
          );
        })}
      </ul>
      {devices.length > 0 && (
        <>
          <h3 className="panel-sub">{t.attendance_panel.devices}</h3>
          <ul className="attendance-list">
            {devices.map((p) => (
              <li key={p.id} className="attendance-row" data-testid={`attendance-${p.id}`} data-online={String(online.has(p.id))}>
                <span className="attendance-who">
                  <span className="attendance-name">{p.name}</span>
                  <span className="muted">{t.roles[p.role]}</span>
                </span>
                {presence(p)}
                {reissueButton(p)}
              </li>
            ))}
          </ul>
        </>
      )}
      {reissued && <ReissueDialog reissued={reissued} onClose={() => setReissued(null)} />}
    </section>
  );
}
