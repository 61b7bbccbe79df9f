import { useCallback, useRef } from 'react';
import { activeItem } from '../../../../shared/meeting/state.js';
import { notesDocName } from '../../../../shared/notes/access.js';
import { SpeakerTimer } from '../../components/SpeakerTimer.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';
import { LazyLiveDoc } from '../../notes/LazyLiveDoc.js';

/**
 * The room screen showing the open item's notes as they are typed, when the chair chooses:
 * read only, type large enough for the back of the hall, and always scrolled to the newest line.
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
      <main className="screen-main screen-notes" data-testid="screen-notes">
        <h1 className="screen-item-title is-idle" data-testid="current-item-title" data-item-id="">
          {t.notes.screen.noItem}
        </h1>
      </main>
    );
  }
  const speech = item.queue.current;
  return (
    <main className="screen-main screen-notes" data-testid="screen-notes">
      <section className="screen-notes-head">
        <p className="screen-label">
          {t.notes.title} · {t.kinds[item.kind]}
        </p>
        <h1 className="screen-notes-title" data-testid="current-item-title" data-item-id={item.id}>
          {item.title}
        </h1>
        {speech && (
          <p className="screen-notes-speaker">
            <span>
              {t.queue.speaking}:{' '}
              <strong data-testid="current-speaker" data-participant-id={speech.participantId}>
                {nameOf(state, speech.participantId)}
              </strong>
            </span>
            <SpeakerTimer speech={speech} className="screen-notes-timer" />
          </p>
        )}
      </section>
      <div className="screen-notes-body" ref={scroller}>
        <LazyLiveDoc key={item.id} docName={notesDocName(item.id)} label={t.notes.notesOf(item.title)} testId="screen-notes-doc" bare onChange={followEnd} />
      </div>
    </main>
  );
}
