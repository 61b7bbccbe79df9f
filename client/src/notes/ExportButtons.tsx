import { useState } from 'react';
import { useToast } from '../components/Toasts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useConnection, useMeeting } from '../live/useMeeting.js';
import { downloadRecord, type RecordFormat } from './downloadRecord.js';

/** The chair's and the secretary's download of the written record (the minutes as filed): agenda, speeches, notes, minutes, results. */
export function ExportButtons() {
  const { t } = useI18n();
  const toast = useToast();
  const { state } = useMeeting();
  const { token } = useConnection();
  const [busy, setBusy] = useState<RecordFormat | null>(null);
  const LABELS: Record<RecordFormat, string> = { docx: t.notes.exportDocx, md: t.notes.exportMd, pdf: t.notes.exportPdf };
  const download = async (format: RecordFormat) => {
    setBusy(format);
    try {
      const outcome = await downloadRecord(state.id, token, format);
      if (!outcome.ok) {
        const friendly = t.errors[outcome.code] as string | undefined;
        toast(friendly ?? t.notes.exportFailed, outcome.message);
      }
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label={t.notes.exportTitle} data-testid="export-buttons">
      {(['docx', 'md', 'pdf'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="btn btn-secondary"
          data-testid={`export-${format}`}
          disabled={busy !== null}
          aria-busy={busy === format}
          onClick={() => void download(format)}
        >
          {LABELS[format]}
        </button>
      ))}
    </div>
  );
}
