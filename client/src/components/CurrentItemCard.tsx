import type { ReactNode } from 'react';
import { activeItem } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from '../live/people.js';
import { useMeeting } from '../live/useMeeting.js';

/** The item being discussed, or what the meeting is waiting for when none is open; `children` add to an open item. */
export function CurrentItemCard({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const item = activeItem(state);
  const idle = state.status === 'scheduled' ? t.meeting.notStarted : state.status === 'finished' ? t.meeting.finished : t.meeting.noActiveItem;
  return (
    <section className="panel current-item" aria-label={t.meeting.currentItem}>
      <h2 className="panel-label">{t.meeting.currentItem}</h2>
      {item ? (
        <>
          <p className="current-item-title" data-testid="current-item-title" data-item-id={item.id}>
            {item.title}
          </p>
          <p className="current-item-meta">
            <span className="chip">{t.kinds[item.kind]}</span>
            {item.subject && (
              <span>
                {t.meeting.subject}: <strong>{nameOf(state, item.subject)}</strong>
              </span>
            )}
            {item.presenter && (
              <span>
                {t.meeting.presenter}: <strong>{nameOf(state, item.presenter)}</strong>
              </span>
            )}
          </p>
          {children}
        </>
      ) : (
        <p className="current-item-title is-idle" data-testid="current-item-title" data-item-id="">
          {idle}
        </p>
      )}
    </section>
  );
}
