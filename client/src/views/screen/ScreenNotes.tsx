import { useCallback, useRef } from 'react';
import { activeItem } from '../../../../shared/meeting/state.js';
import { notesDocName } from '../../../../shared/notes/access.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { LazyLiveDoc } from '../../notes/LazyLiveDoc.js';
import { ScreenTitle } from './ScreenTitle.js';

/**
 * The room screen showing the open item's notes as they are typed, when the chair chooses: read
 * only, type large enough for the back of the hall, the newest lines always in the pane (which has no
 * scroll bar: the hall cannot scroll; the tablets have the whole text). The speech is in the strip.
 */
export function ScreenNotes() {
  const { t } = useI18n();
  const { state } = useMeeting();
  const item = activeItem(state);
  const scroller = useRef<HTMLDivElement>(null);
  const followEnd = useCallback(() => {
    // After the editor has laid the new text out.
    requestAnimationFrame(() => {
      const el = scroller.current;
      if (el) el.scrollTo({ top: el.scrollHeight, behavior: 'smooth' });
    });
  }, []);

  if (!item) {
    return (
      <main className="screen-main screen-notes" data-testid="screen-notes" data-fit="main">
        <h1 className="screen-title is-idle" data-testid="current-item-title" data-item-id="">
          {t.notes.screen.noItem}
        </h1>
      </main>
    );
  }
  return (
    <main className="screen-main screen-notes" data-testid="screen-notes" data-fit="main">
      <section className="screen-item">
        <p className="screen-label">
          {t.notes.title} · {t.kinds[item.kind]}
        </p>
        <ScreenTitle title={item.title} itemId={item.id} />
      </section>
      <div className="screen-notes-body" ref={scroller}>
        <LazyLiveDoc key={item.id} docName={notesDocName(item.id)} label={t.notes.notesOf(item.title)} testId="screen-notes-doc" bare onChange={followEnd} />
      </div>
    </main>
  );
}
