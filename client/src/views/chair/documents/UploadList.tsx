import { useEffect } from 'react';
import { formatPercent } from '../../../../../shared/format.js';
import { RefusalNote } from '../../../components/RefusalNote.js';
import type { Upload } from '../../../documents/upload/useUploads.js';
import { useDocumentsRoomText } from '../../../documents/list/useDocumentsRoomText.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** A finished upload lingers this long, so the chair sees it went through before it joins the list. */
const SHOWN_AFTER_DONE_MS = 4000;

/** Each file in flight with its own progress; a refused one keeps its reason until dismissed. */
export function UploadList({ uploads, onDismiss }: { uploads: readonly Upload[]; onDismiss: (id: number) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-list" data-testid="upload-list">
      {uploads.map((u) => (
        <UploadRow key={u.id} upload={u} onDismiss={onDismiss} />
      ))}
    </ul>
  );
}

function UploadRow({ upload, onDismiss }: { upload: Upload; onDismiss: (id: number) => void }) {
  const { lang } = useI18n();
  const r = useDocumentsRoomText();
  const c = r.console;
  useEffect(() => {
    if (upload.phase !== 'done') return;
    const timer = setTimeout(() => onDismiss(upload.id), SHOWN_AFTER_DONE_MS);
    return () => clearTimeout(timer);
  }, [upload.phase, upload.id, onDismiss]);
  const percent = formatPercent(Math.floor(upload.share * 100), lang);
  return (
    <li className={`upload-row is-${upload.phase}`} data-testid="upload-row" data-phase={upload.phase} data-name={upload.name}>
      <div className="upload-head">
        <strong className="upload-title">{upload.documentId ? c.newVersionOf(upload.title) : upload.title}</strong>
        <span className="upload-status" data-testid="upload-status">
          {upload.phase === 'sending' ? c.uploading(percent) : upload.phase === 'done' ? `✓ ${c.uploaded}` : c.refused}
        </span>
      </div>
      <progress max={1} value={upload.share} aria-label={upload.name} data-testid="upload-progress" />
      {upload.error && <RefusalNote error={upload.error} onDismiss={() => onDismiss(upload.id)} />}
    </li>
  );
}
