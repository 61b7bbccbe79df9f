import { useId, useState } from 'react';
import { findItem } from '../../../shared/meeting/state.js';
import { notesDocName } from '../../../shared/notes/access.js';
import { formatDay } from '../../../shared/format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { defaultNotesItem, itemsByDay } from './items.js';
import { DocWithHistory } from './history/DocWithHistory.js';

/**
 * The notes ("góp ý") of the item under discussion, following the chair from item to item; the
 * picker opens any other item's notes, and the panel stays there until one comes back (or the
 * chair reaches that item).
 */
export function NotesPanel() {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const pickerId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const current = state.activeItemId;
  // Back on the chair's item: from now on the panel follows the chair again. Adjusted while
  // rendering (React's pattern for state that follows a prop), so no frame shows the stale choice.
  if (chosen !== null && chosen === current) setChosen(null);

  const browsing = chosen !== null && findItem(state, chosen) ? findItem(state, chosen)! : null;
  const item = browsing ?? defaultNotesItem(state);
  const currentItem = current ? findItem(state, current) : undefined;
  const away = browsing !== null && currentItem !== undefined && browsing.id !== currentItem.id;

  return (
    <section className="panel notes-panel" id="notes" aria-label={t.notes.title} data-testid="notes-panel">
      <div className="notes-panel-head">
        <h2 className="panel-label">{t.notes.title}</h2>
        {item && (
          <label className="notes-picker" htmlFor={pickerId}>
            <span className="sr-only">{t.notes.chooseItem}</span>
            <select id={pickerId} value={item.id} data-testid="notes-item-picker" onChange={(e) => setChosen(e.target.value === current ? null : e.target.value)}>
              {itemsByDay(state).map((group) => (
                <optgroup key={group.day} label={`${t.common.day(group.day)}${group.date ? ` · ${formatDay(group.date, lang)}` : ''}`}>
                  {group.items.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.title}
                      {i.id === current ? ` — ${t.notes.currentItemTag}` : ''}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
      </div>
      {away && (
        <p className="notes-away" data-testid="notes-away">
          <span>{t.notes.browsingOther(currentItem.title)}</span>
          <button type="button" className="btn btn-secondary" data-testid="notes-follow-current" onClick={() => setChosen(null)}>
            {t.notes.followCurrent}
          </button>
        </p>
      )}
      {item ? (
        <div className="notes-doc" data-item-id={item.id} data-testid="notes-doc">
          <h3 className="notes-item-title">{item.title}</h3>
          <DocWithHistory docName={notesDocName(item.id)} label={t.notes.notesOf(item.title)} testId="notes-editor" />
        </div>
      ) : (
        <p className="muted">{t.notes.noItem}</p>
      )}
    </section>
  );
}
