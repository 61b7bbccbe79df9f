import { useState } from 'react';
import { itemsOfDay } from '../../../../shared/meeting/agenda.js';
import { activeItem, type AgendaItem } from '../../../../shared/meeting/state.js';
import { CommandButton } from '../../components/CommandButton.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { formatDay } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../../live/useMeeting.js';
import { useSend } from '../../live/useSend.js';
import { AgendaItemForm } from './AgendaItemForm.js';
import { AgendaItemRow } from './AgendaItemRow.js';

/** Agenda control: the meeting's start and end, moving through items, and editing the agenda live. */
export function AgendaPanel() {
  const { t, lang } = useI18n();
  const { state, allowed } = useMeeting();
  const send = useSend();
  const now = useServerNow(15_000);
  const [viewDay, setViewDay] = useState(state.currentDay);
  const [adding, setAdding] = useState(false);
  // Follow the meeting when it moves to another day; the chair may still look ahead meanwhile.
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [followedDay, setFollowedDay] = useState(state.currentDay);
  if (followedDay !== state.currentDay) {
    setFollowedDay(state.currentDay);
    setViewDay(state.currentDay);
  }
  const items = itemsOfDay(state, viewDay);
  const active = activeItem(state);
  const running = state.status === 'running';

  return (
    <section id="agenda" className="panel agenda-panel" aria-label={t.meeting.agenda}>
      <header className="panel-head">
        <h2>{t.meeting.agenda}</h2>
        <div className="panel-head-actions">
          {state.status !== 'running' && allowed({ type: 'meeting.start' }) && (
            <CommandButton command={{ type: 'meeting.start' }} testId="agenda-start" className="btn-primary">
              {state.status === 'finished' ? t.agenda.resume : t.agenda.start}
            </CommandButton>
          )}
          {running && allowed({ type: 'meeting.finish' }) && (
            <ConfirmButton testId="agenda-finish" confirmLabel={t.agenda.finishConfirm} className="btn-secondary" onConfirm={() => void send({ type: 'meeting.finish' })}>
              {t.agenda.finish}
            </ConfirmButton>
          )}
        </div>
      </header>

      {state.status !== 'finished' && (
        <div className="agenda-nav">
          <CommandButton command={{ type: 'agenda.previous' }} testId="agenda-previous" className="btn-secondary">
            ‹ {t.agenda.previous}
          </CommandButton>
          <CommandButton command={{ type: 'agenda.next' }} testId="agenda-next" className="btn-primary">
            {t.agenda.next} ›
          </CommandButton>
          {active && (
            <>
              <CommandButton command={{ type: 'agenda.complete', itemId: active.id }} testId="agenda-complete" className="btn-secondary">
                ✓ {t.agenda.complete}
              </CommandButton>
              <CommandButton command={{ type: 'agenda.skip', itemId: active.id }} testId="agenda-skip" className="btn-ghost">
                {t.agenda.skip}
              </CommandButton>
            </>
          )}
        </div>
      )}

      <div className="day-tabs" role="tablist">
        {state.days.map((date, i) => (
          <button
            key={date}
            type="button"
            role="tab"
            aria-selected={viewDay === i + 1}
            data-testid={`day-tab-${i + 1}`}
            className={`btn day-tab ${viewDay === i + 1 ? 'is-selected' : ''}`}
            onClick={() => setViewDay(i + 1)}
          >
            {t.common.day(i + 1)} <span className="muted">{formatDay(date, lang)}</span>
            {state.currentDay === i + 1 && (
              <span className="day-current" title={t.agenda.currentDay}>
                ●
              </span>
            )}
          </button>
        ))}
      </div>
      {viewDay !== state.currentDay && state.status !== 'finished' && (
        <CommandButton command={{ type: 'day.switch', day: viewDay }} testId="day-switch" className="btn-secondary day-switch" disabled={!!active}>
          {t.agenda.switchDay(viewDay)}
        </CommandButton>
      )}

      {items.length > 0 && <DayTotal items={items} now={now} />}
      {items.length === 0 && <p className="muted">{t.agenda.emptyDay}</p>}
      <ol className="agenda-rows editable">
        {items.map((item, i) => (
          <AgendaItemRow key={item.id} item={item} index={i} />
        ))}
      </ol>

      {allowed({ type: 'agenda.add', item: { day: viewDay, title: '-', kind: 'procedure', plannedMinutes: 0 } }) &&
        (adding ? (
          <AgendaItemForm
            defaultDay={viewDay}
            onCancel={() => setAdding(false)}
            onSubmit={async (fields) => {
              const outcome = await send({ type: 'agenda.add', item: fields });
              if (outcome.ok) setAdding(false);
            }}
          />
        ) : (
          <button type="button" className="btn btn-secondary" data-testid="agenda-add" onClick={() => setAdding(true)}>
            + {t.agenda.add}
          </button>
        ))}
    </section>
  );
}

/** The day's planned minutes against the time its items have taken so far (the open one included). */
function DayTotal({ items, now }: { items: AgendaItem[]; now: number }) {
  const { t } = useI18n();
  const planned = items.filter((i) => i.status !== 'skipped').reduce((sum, i) => sum + i.plannedMinutes, 0);
  const usedMs = items.reduce((sum, i) => (i.startedAt === null ? sum : sum + Math.max(0, (i.endedAt ?? now) - i.startedAt)), 0);
  return (
    <p className="agenda-legend muted" data-testid="day-total">
      {t.live.timing.dayTotal(planned, Math.round(usedMs / 60_000))}
    </p>
  );
}
