import { formatFileSize } from '../../../../../shared/format.js';
import { useRef, useState } from 'react';
import { currentVersion, type DocumentVisibility, type MeetingDocument } from '../../../../../shared/documents/types.js';
import { showableOnScreen } from '../../../../../shared/documents/visibility.js';
import { formatCount } from '../../../../../shared/format.js';
import type { AgendaItem } from '../../../../../shared/meeting/state.js';
import { CommandButton } from '../../../components/CommandButton.js';
import { useScopedSend } from '../../../components/RefusalScope.js';
import { ItemField, VisibilityField } from './DocumentFields.js';
import { ACCEPTED_FILES } from '../../../documents/upload/uploadRequest.js';
import { useDocumentsRoomText } from '../../../documents/list/useDocumentsRoomText.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

interface Props {
  doc: MeetingDocument;
  agenda: readonly AgendaItem[];
  first: boolean;
  last: boolean;
  onScreen: boolean;
  onMove: (step: -1 | 1) => void;
  onReplace: (file: File) => void;
}

/** One document as the presidium manages it: its title, item, who sees it, its place, its versions. */
export function ManageRow({ doc, agenda, first, last, onScreen, onMove, onReplace }: Props) {
  const { lang } = useI18n();
  const r = useDocumentsRoomText();
  const c = r.console;
  const send = useScopedSend();
  const [title, setTitle] = useState(doc.title);
  // Renamed elsewhere (the other presidium member): the field follows.
  const [shownTitle, setShownTitle] = useState(doc.title);
  if (shownTitle !== doc.title) {
    setShownTitle(doc.title);
    setTitle(doc.title);
  }
  const file = useRef<HTMLInputElement>(null);
  const v = currentVersion(doc);
  const edit = (changes: { title?: string; itemId?: string | null; visibility?: DocumentVisibility }) => void send({ type: 'document.edit', documentId: doc.id, changes });
  const saveTitle = () => {
    const trimmed = title.trim();
    if (trimmed && trimmed !== doc.title) edit({ title: trimmed });
    else setTitle(doc.title);
  };

  if (doc.removedAt !== null) {
    return (
      <li className="manage-row is-removed" data-testid="manage-row" data-document-id={doc.id} data-removed="true">
        <span className="manage-title">{doc.title}</span>
        <span className="chip">{c.removed}</span>
      </li>
    );
  }
  return (
    <li className={`manage-row ${onScreen ? 'is-on-screen' : ''}`} data-testid="manage-row" data-document-id={doc.id} data-version={v.version}>
      <div className="manage-main">
        <label className="manage-field manage-title-field">
          <span>{c.titleLabel}</span>
          <input
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            onBlur={saveTitle}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') setTitle(doc.title);
            }}
            data-testid="manage-title"
          />
        </label>
        <p className="manage-meta">
          <span>{formatFileSize(v.bytes, lang)}</span>
          <span data-testid="manage-version">{r.version(formatCount(v.version, lang))}</span>
          {onScreen && <span className="chip chip-live">{c.onScreen}</span>}
        </p>
      </div>
      <div className="manage-controls">
        <div className="manage-fields">
          <ItemField agenda={agenda} value={doc.itemId ?? ''} onChange={(itemId) => edit({ itemId: itemId || null })} testId="manage-item" />
          <VisibilityField value={doc.visibility} onChange={(visibility) => edit({ visibility })} testId="manage-visibility" />
        </div>
        <div className="manage-actions">
          <button type="button" className="btn" disabled={first} onClick={() => onMove(-1)} aria-label={c.moveUp} title={c.moveUp} data-testid="manage-up">
            ↑
          </button>
          <button type="button" className="btn" disabled={last} onClick={() => onMove(1)} aria-label={c.moveDown} title={c.moveDown} data-testid="manage-down">
            ↓
          </button>
          <CommandButton
            command={{ type: 'screen.show', show: 'document', documentId: doc.id, page: 1 }}
            testId="manage-show"
            disabled={!showableOnScreen(doc) || onScreen}
            title={showableOnScreen(doc) ? undefined : c.notShowable}
          >
            {c.show}
          </CommandButton>
          <button type="button" className="btn" onClick={() => file.current?.click()} data-testid="manage-replace">
            {c.replace}
          </button>
          <input
            ref={file}
            type="file"
            accept={ACCEPTED_FILES}
            hidden
            data-testid="manage-replace-input"
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = '';
              if (picked) onReplace(picked);
            }}
          />
          <CommandButton
            command={{ type: 'document.remove', documentId: doc.id }}
            testId="manage-remove"
            className="btn-danger-outline"
            confirm={c.removeConfirm(doc.title)}
            confirmLabel={c.removeLabel}
          >
            {c.remove}
          </CommandButton>
        </div>
      </div>
    </li>
  );
}
