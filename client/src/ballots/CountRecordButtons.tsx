import { useState } from 'react';
import type { Ballot } from '../../../shared/ballots/types.js';
import { canExportRecord } from '../../../shared/notes/access.js';
import { useToast } from '../components/Toasts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useConnection, useMeeting } from '../live/useMeeting.js';
import { downloadCountRecord } from '../notes/downloadRecord.js';

/** A published ballot's counting record (biên bản kiểm phiếu), DOCX and PDF: for whoever may export the meeting's record. */
export function CountRecordButtons({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const toast = useToast();
  const { state, you } = useMeeting();
  const { token } = useConnection();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  if (ballot.status !== 'published' || !canExportRecord(you.role)) return null;
  const download = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      const outcome = await downloadCountRecord(state.id, ballot.id, token, format);
      if (!outcome.ok) toast(t.errors[outcome.code] ?? t.notes.exportFailed, outcome.message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="count-record-buttons" role="group" aria-label={t.ballots.countRecordTitle}>
      {(['docx', 'pdf'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="btn btn-ghost"
          data-testid={`ballot-record-${format}-${ballot.id}`}
          disabled={busy !== null}
          aria-busy={busy === format}
          onClick={() => void download(format)}
        >
          {format === 'docx' ? t.ballots.countRecordDocx : t.ballots.countRecordPdf}
        </button>
      ))}
    </span>
  );
}
