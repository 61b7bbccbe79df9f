import { DOCUMENT_VISIBILITIES, type DocumentVisibility } from '../../../../../shared/documents/types.js';
import type { AgendaItem } from '../../../../../shared/meeting/state.js';
import { useDocumentsRoomText } from '../../../documents/list/useDocumentsRoomText.js';

/** Where a document belongs: the meeting as a whole ('') or an agenda item, by its number and title. */
export function ItemField({ agenda, value, onChange, testId }: { agenda: readonly AgendaItem[]; value: string; onChange: (itemId: string) => void; testId: string }) {
  const r = useDocumentsRoomText();
  const c = r.console;
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
  const r = useDocumentsRoomText();
  return (
    <label className="manage-field">
      <span>{r.console.whoSees}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as DocumentVisibility)} data-testid={testId}>
        {DOCUMENT_VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {r.visibility[v]}
          </option>
        ))}
      </select>
    </label>
  );
}
