import { useState, type FormEvent } from 'react';
import { ITEM_KINDS, type AgendaItemFields, type ItemKind } from '../../../../shared/definition.js';
import type { AgendaItem } from '../../../../shared/meeting/state.js';
import { formatDay } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { speakers } from '../../live/people.js';
import { useMeeting } from '../../live/useMeeting.js';

const SPEAKING_MINUTES = [1, 2, 3, 4, 5, 7, 10, 15, 20, 30];

interface Props {
  item?: AgendaItem;
  defaultDay: number;
  onSubmit: (fields: AgendaItemFields) => Promise<void>;
  onCancel: () => void;
}

/** Adding or editing an agenda item; the server checks the fields again. */
export function AgendaItemForm({ item, defaultDay, onSubmit, onCancel }: Props) {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const [title, setTitle] = useState(item?.title ?? '');
  const [kind, setKind] = useState<ItemKind>(item?.kind ?? 'discussion');
  const [day, setDay] = useState(item?.day ?? defaultDay);
  const [planned, setPlanned] = useState(String(item?.plannedMinutes ?? 15));
  const [subject, setSubject] = useState(item?.subject ?? '');
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const [speakingMin, setSpeakingMin] = useState(item ? String(item.queue.speakingSec / 60) : '');
  const [busy, setBusy] = useState(false);
  const people = speakers(state);
  const prefix = item ? `edit-${item.id}` : 'new-item';
  const speakingOptions = [...new Set([...SPEAKING_MINUTES, ...(item ? [item.queue.speakingSec / 60] : [])])].sort((a, b) => a - b);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minutes = Number.parseInt(planned, 10);
    if (title.trim() === '' || !Number.isFinite(minutes) || minutes < 0) return;
    const fields: AgendaItemFields = { day, title: title.trim(), kind, plannedMinutes: minutes };
    if (kind === 'individual-review' && subject) fields.subject = subject;
    if (presenter) fields.presenter = presenter;
    if (speakingMin) fields.speakingSeconds = Math.round(Number(speakingMin) * 60);
    setBusy(true);
    try {
      await onSubmit(fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="item-form" onSubmit={(e) => void submit(e)} data-testid={`${prefix}-form`}>
      <label className="field field-wide">
        <span>{t.agenda.fieldTitle}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} required data-testid={`${prefix}-title`} />
      </label>
      <label className="field">
        <span>{t.agenda.fieldKind}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as ItemKind)} data-testid={`${prefix}-kind`}>
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.agenda.fieldDay}</span>
        <select value={day} onChange={(e) => setDay(Number(e.target.value))} data-testid={`${prefix}-day`}>
          {state.days.map((d, i) => (
            <option key={d} value={i + 1}>
              {t.common.day(i + 1)} · {formatDay(d, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.agenda.fieldPlanned}</span>
        <input type="number" inputMode="numeric" min={0} max={1440} value={planned} onChange={(e) => setPlanned(e.target.value)} data-testid={`${prefix}-planned`} />
      </label>
      {kind === 'individual-review' && (
        <label className="field">
          <span>{t.agenda.fieldSubject}</span>
          <select value={subject} onChange={(e) => setSubject(e.target.value)} data-testid={`${prefix}-subject`}>
            <option value="">{t.agenda.noOne}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t.agenda.fieldPresenter}</span>
        <select value={presenter} onChange={(e) => setPresenter(e.target.value)} data-testid={`${prefix}-presenter`}>
          <option value="">{t.agenda.noOne}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.agenda.fieldSpeaking}</span>
        <select value={speakingMin} onChange={(e) => setSpeakingMin(e.target.value)} data-testid={`${prefix}-speaking`}>
          {!item && (
            <option value="">
              {t.agenda.defaultValue} ({t.common.minutes(state.speakingSec / 60)})
            </option>
          )}
          {speakingOptions.map((m) => (
            <option key={m} value={String(m)}>
              {t.common.minutes(m)}
            </option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid={`${prefix}-save`}>
          {t.common.save}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
