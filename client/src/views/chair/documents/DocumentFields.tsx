import { DOCUMENT_VISIBILITIES, type DocumentVisibility } from '../../../../../shared/documents/types.js';
import type { AgendaItem } from '../../../../../shared/meeting/state.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** Where a document belongs: the meeting as a whole ('') or an agenda item, by its number and title. */
export function ItemField({ agenda, value, onChange, testId }: { agenda: readonly AgendaItem[]; value: string; onChange: (itemId: string) => void; testId: string }) {
  const { t } = useI18n();
  const c = t.documentsRoom.console;
  return (
    <label className="manage-field">
      <span>{c.attachTo}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{c.wholeMeeting}</option>
        {agenda.map((item, i) => (
          <option key={item.id} value={item.id}>
            {c.itemOption(String(i + 1), item.title)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Who sees a document, in the words the tablets use. */
export function VisibilityField({ value, onChange, testId }: { value: DocumentVisibility; onChange: (v: DocumentVisibility) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <label className="manage-field">
      <span>{t.documentsRoom.console.whoSees}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as DocumentVisibility)} data-testid={testId}>
        {DOCUMENT_VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {t.documentsRoom.visibility[v]}
          </option>
        ))}
      </select>
    </label>
  );
}
