import { canExportRecord, MINUTES_DOC } from '../../../shared/notes/access.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { ExportButtons } from './ExportButtons.js';
import { DocWithHistory } from './history/DocWithHistory.js';

/** The meeting's minutes ("biên bản"), kept by the secretary with the chair, and the record's download. */
export function MinutesPanel() {
  const { t } = useI18n();
  const { you } = useMeeting();
  return (
    <section className="panel minutes-panel" id="minutes" aria-label={t.notes.minutes} data-testid="minutes-panel">
      <div className="notes-panel-head">
        <h2 className="panel-label">{t.notes.minutes}</h2>
        {canExportRecord(you.role) && <ExportButtons />}
      </div>
      <p className="muted notes-hint">{t.notes.minutesHint}</p>
      <DocWithHistory docName={MINUTES_DOC} label={t.notes.minutes} testId="minutes-editor" />
    </section>
  );
}
