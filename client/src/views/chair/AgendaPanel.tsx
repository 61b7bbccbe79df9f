import { useEffect, useRef, useState } from 'react';
import { itemsOfDay, whereIs } from '../../../../shared/meeting/agenda.js';
import { isOutOfOrder, nextEffect, pendingPositions } from '../../../../shared/meeting/agendaOrder.js';
import { activeItem, type AgendaItem } from '../../../../shared/meeting/state.js';
import { CommandButton } from '../../components/CommandButton.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { RefusalScope, useScopedSend } from '../../components/RefusalScope.js';
import { formatDay } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../../live/useMeeting.js';
import { AgendaItemForm } from './AgendaItemForm.js';
import { AgendaItemRow } from './AgendaItemRow.js';

/**
 * Agenda control: the meeting's start and end, moving through items, and editing the agenda live.
 * Steps the record cannot take back (the start, an item out of order, a change of day, the end) ask
 * first, naming what they do; refusals show under the head with their reason and next step.
 */
export function AgendaPanel() {
  const { t } = useI18n();
  return (
    <section id="agenda" className="panel agenda-panel" aria-label={t.meeting.agenda}>
      <RefusalScope>
        <AgendaControls />
      </RefusalScope>
    </section>
  );
}

function AgendaControls() {
  const { t, lang } = useI18n();
  const { state, allowed } = useMeeting();
  const send = useScopedSend();
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
  const finished = state.status === 'finished';
  const next = nextEffect(state);
  const openPosition = active ? whereIs(state, active).position : null;
  // Where "next" cannot go, the console says why before anyone presses it.
  const noNext = t.refusalParts['no-next-item'];
  const noNextDetail = (key: string) => ({ day: state.currentDay, days: state.days.length, open: active ? 1 : 0 })[key] ?? '?';
  const followActive = useFollowActive(state.activeItemId, viewDay);

  return (
    <>
      <header className="panel-head">
        <h2>{t.meeting.agenda}</h2>
        <div className="panel-head-actions">
          {!running && allowed({ type: 'meeting.start' }) && (
            <CommandButton
              command={{ type: 'meeting.start' }}
              testId="agenda-start"
              className="btn-primary"
              confirm={finished ? t.console.confirm.resume : t.console.confirm.start}
              confirmLabel={finished ? t.console.confirm.resumeLabel : t.console.confirm.startLabel}
            >
              {finished ? t.agenda.resume : t.agenda.start}
            </CommandButton>
          )}
          {running && allowed({ type: 'meeting.finish' }) && (
            <ConfirmButton
              testId="agenda-finish"
              confirm={t.console.confirm.finish(openPosition, pendingPositions(state, state.currentDay), state.currentDay)}
              confirmLabel={t.console.confirm.finishLabel}
              className="btn-secondary"
              onConfirm={() => void send({ type: 'meeting.finish' })}
            >
              {t.agenda.finish}
            </ConfirmButton>
          )}
        </div>
      </header>

      {!finished && (
        <div className="agenda-nav">
          <CommandButton command={{ type: 'agenda.previous' }} testId="agenda-previous" className="btn-secondary">
            ‹ {t.agenda.previous}
          </CommandButton>
          <CommandButton
            command={{ type: 'agenda.next' }}
            testId="agenda-next"
            className="btn-primary"
            disabled={!next}
            confirm={next && isOutOfOrder(next) ? t.console.confirm.opening(next) : undefined}
            confirmLabel={next ? t.console.confirm.openingLabel(next.position) : undefined}
          >
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
      {!finished && !next && (
        <p className="why-disabled" data-testid="agenda-next-why">
          {noNext.reason(noNextDetail)} {noNext.next(noNextDetail)}
        </p>
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
      {viewDay !== state.currentDay && !finished && (
        <div className="day-switch-row">
          <CommandButton
            command={{ type: 'day.switch', day: viewDay }}
            testId="day-switch"
            className="btn-secondary day-switch"
            disabled={!!active}
            confirm={t.console.confirm.switchDay(viewDay, formatDay(state.days[viewDay - 1], lang), state.currentDay, pendingPositions(state, state.currentDay))}
            confirmLabel={t.console.confirm.switchDayLabel(viewDay)}
          >
            {t.agenda.switchDay(viewDay)}
          </CommandButton>
          {openPosition !== null && (
            <p className="why-disabled" data-testid="day-switch-why">
              {t.console.why.switchDayItemOpen(openPosition)}
            </p>
          )}
        </div>
      )}

      {items.length > 0 && <DayTotal items={items} now={now} />}
      {items.length === 0 && <p className="muted">{t.agenda.emptyDay}</p>}
      <div className="agenda-scroll" ref={followActive} data-testid="agenda-scroll">
        <ol className="agenda-rows editable">
          {items.map((item, i) => (
            <AgendaItemRow key={item.id} item={item} index={i} />
          ))}
        </ol>
      </div>

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
    </>
  );
}

/**
 * Keeps the open item in view within the agenda's own scroll box whenever it changes, the day shown
 * changes, or the box becomes visible (a tab shown again): the chair never hunts for where the room is.
 */
function useFollowActive(activeItemId: string | null, viewDay: number) {
  const box = useRef<HTMLDivElement | null>(null);
  const follow = useRef(() => {});
  useEffect(() => {
    follow.current = () => {
      const el = box.current;
      const row = activeItemId ? el?.querySelector<HTMLElement>(`[data-testid="agenda-item-${CSS.escape(activeItemId)}"]`) : null;
      if (!el || !row || el.clientHeight === 0) return;
      // The box is the rows' offset parent (position: relative): scroll it only, never the page.
      const top = row.offsetTop;
      if (top < el.scrollTop || top + row.offsetHeight > el.scrollTop + el.clientHeight) {
        el.scrollTop = Math.max(0, top - (el.clientHeight - row.offsetHeight) / 2);
      }
    };
    follow.current();
  }, [activeItemId, viewDay]);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let height = el.clientHeight;
    // Only when the box appears (a tab shown again) or changes size, not on every render.
    const observer = new ResizeObserver(() => {
      if (el.clientHeight !== height) follow.current();
      height = el.clientHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return box;
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
