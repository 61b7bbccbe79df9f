import { useState } from 'react';
import type { AgendaItemFields } from '../../../../shared/definition.js';
import { isOutOfOrder, openingEffect } from '../../../../shared/meeting/agendaOrder.js';
import type { AgendaItem, MeetingState } from '../../../../shared/meeting/state.js';
import { CommandButton } from '../../components/CommandButton.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { nameOf } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';
import { useScopedSend } from '../../components/RefusalScope.js';
import { AgendaItemForm } from './AgendaItemForm.js';
import { ItemTiming } from './ItemTiming.js';

/** The whole agenda's order with `item` swapped with its neighbour of the same day, or null at the edge. */
function movedOrder(state: MeetingState, item: AgendaItem, step: -1 | 1): string[] | null {
  const sameDay = state.agenda.filter((i) => i.day === item.day);
  const neighbour = sameDay[sameDay.findIndex((i) => i.id === item.id) + step];
  if (!neighbour) return null;
  return state.agenda.map((i) => (i.id === item.id ? neighbour.id : i.id === neighbour.id ? item.id : i.id));
}

/** Only what changed goes to the server, so an edit never overwrites a colleague's other change. */
function changesOf(item: AgendaItem, fields: AgendaItemFields): Partial<AgendaItemFields> {
  const changes: Partial<AgendaItemFields> = {};
  if (fields.title !== item.title) changes.title = fields.title;
  if (fields.kind !== item.kind) changes.kind = fields.kind;
  if (fields.day !== item.day) changes.day = fields.day;
  if (fields.plannedMinutes !== item.plannedMinutes) changes.plannedMinutes = fields.plannedMinutes;
  if (fields.subject !== undefined && fields.subject !== item.subject) changes.subject = fields.subject;
  if (fields.presenter !== undefined && fields.presenter !== item.presenter) changes.presenter = fields.presenter;
  if (fields.speakingSeconds !== undefined && fields.speakingSeconds !== item.queue.speakingSec) changes.speakingSeconds = fields.speakingSeconds;
  return changes;
}

export function AgendaItemRow({ item, index }: { item: AgendaItem; index: number }) {
  const { t } = useI18n();
  const { state, allowed } = useMeeting();
  const send = useScopedSend();
  const [editing, setEditing] = useState(false);
  const opening = openingEffect(state, item.id);
  // Opening in order is one tap; out of order (the start, a skip, another day) names what it does first.
  const askFirst = opening && isOutOfOrder(opening) ? opening : null;
  const up = movedOrder(state, item, -1);
  const down = movedOrder(state, item, 1);
  const mayEdit = allowed({ type: 'agenda.update', itemId: item.id, changes: {} });
  const removable = item.startedAt === null && item.status !== 'active';

  return (
    <li className={`agenda-row status-${item.status}`} data-testid={`agenda-item-${item.id}`} data-status={item.status}>
      <div className="agenda-row-main">
        <span className="agenda-index">{index + 1}</span>
        <span className="agenda-main">
          <span className="agenda-title">{item.title}</span>
          <span className="agenda-meta">
            <span>{t.kinds[item.kind]}</span>
            {item.subject && <span>· {nameOf(state, item.subject)}</span>}
            {item.presenter && (
              <span>
                · {t.meeting.presenter}: {nameOf(state, item.presenter)}
              </span>
            )}
          </span>
          <ItemTiming item={item} />
        </span>
        <span className={`chip status-chip status-${item.status}`}>{t.itemStatus[item.status]}</span>
      </div>
      {allowed({ type: 'agenda.open', itemId: item.id }) && (
        <div className="agenda-row-actions">
          {item.status !== 'active' && state.status !== 'finished' && (
            <CommandButton
              command={{ type: 'agenda.open', itemId: item.id }}
              testId={`open-${item.id}`}
              className={item.status === 'pending' ? 'btn-primary' : 'btn-secondary'}
              confirm={askFirst ? t.console.confirm.opening(askFirst) : undefined}
              confirmLabel={askFirst ? t.console.confirm.openingLabel(askFirst.position) : undefined}
            >
              {item.status === 'pending' ? t.agenda.open : t.agenda.reopen}
            </CommandButton>
          )}
          {item.status === 'pending' && (
            <CommandButton command={{ type: 'agenda.skip', itemId: item.id }} testId={`skip-${item.id}`} className="btn-ghost">
              {t.agenda.skip}
            </CommandButton>
          )}
          <CommandButton
            command={{ type: 'agenda.reorder', itemIds: up ?? [] }}
            testId={`move-up-${item.id}`}
            className="btn-ghost btn-icon"
            disabled={!up}
            ariaLabel={t.agenda.moveUp}
            title={t.agenda.moveUp}
          >
            ↑
          </CommandButton>
          <CommandButton
            command={{ type: 'agenda.reorder', itemIds: down ?? [] }}
            testId={`move-down-${item.id}`}
            className="btn-ghost btn-icon"
            disabled={!down}
            ariaLabel={t.agenda.moveDown}
            title={t.agenda.moveDown}
          >
            ↓
          </CommandButton>
          {mayEdit && (
            <button
              type="button"
              className={`btn btn-ghost ${editing ? 'is-selected' : ''}`}
              data-testid={`edit-${item.id}`}
              aria-expanded={editing}
              onClick={() => setEditing((e) => !e)}
            >
              {t.agenda.edit}
            </button>
          )}
        </div>
      )}
      {editing && (
        <div className="agenda-row-editor">
          <AgendaItemForm
            item={item}
            defaultDay={item.day}
            onCancel={() => setEditing(false)}
            onSubmit={async (fields) => {
              const changes = changesOf(item, fields);
              if (Object.keys(changes).length === 0) return setEditing(false);
              const outcome = await send({ type: 'agenda.update', itemId: item.id, changes });
              if (outcome.ok) setEditing(false);
            }}
          />
          {removable && (
            <ConfirmButton
              testId={`remove-${item.id}`}
              confirmLabel={t.agenda.removeConfirm}
              className="btn-danger-outline"
              onConfirm={() => void send({ type: 'agenda.remove', itemId: item.id })}
            >
              {t.agenda.remove}
            </ConfirmButton>
          )}
        </div>
      )}
    </li>
  );
}
