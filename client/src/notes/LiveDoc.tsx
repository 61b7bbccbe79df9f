import { useI18n } from '../i18n/I18nProvider.js';
import { NotesEditor } from './NotesEditor.js';
import { useDocSession } from './useDocSession.js';

interface Props {
  docName: string;
  label: string;
  testId: string;
  bare?: boolean;
  onChange?: () => void;
}

/** Opens `docName` for as long as it is shown and edits it (or reads it, per the role's rights). */
export function LiveDoc({ docName, label, testId, bare, onChange }: Props) {
  const { t } = useI18n();
  const session = useDocSession(docName);
  if (!session) return <p className="muted notes-opening">{t.notes.status.loading}</p>;
  return <NotesEditor key={docName} session={session} label={label} testId={testId} bare={bare} onChange={onChange} />;
}
