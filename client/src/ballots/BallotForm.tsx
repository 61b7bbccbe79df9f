import { useState } from 'react';
import { atLeast, rulesOf } from '../../../shared/ballots/rules.js';
import { COLLECTIVE, OFFICIAL_SCALE, type BallotOption } from '../../../shared/ballots/scale.js';
import type { Ballot, BallotKind } from '../../../shared/ballots/types.js';
import { MAX_TEXT } from '../../../shared/limits.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { useSend } from '../live/useSend.js';
import { checkForm, DEADLINE_MINUTES, formOf, MAJORITY_PRESETS, newForm, nextOptionId, parseFraction, QUORUM_PRESETS, type DraftForm } from './draftForm.js';
import { OptionsEditor } from './OptionsEditor.js';

const KINDS: BallotKind[] = ['rating', 'motion', 'choice'];

/** The chair drafts a ballot live, or edits a draft; the shared schema checks it before it is sent. */
export function BallotForm({ ballot, onDone }: { ballot?: Ballot; onDone: () => void }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const send = useSend();
  const f = t.ballots.form;
  const [form, setForm] = useState<DraftForm>(() => (ballot ? formOf(ballot) : newForm(state, 'rating', f.defaultTitle.rating)));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) => setForm((x) => ({ ...x, [key]: value }));
  const members = state.participants.filter((p) => p.member);
  const reviewed = state.agenda.find((i) => i.id === state.activeItemId)?.subject ?? null;

  const switchKind = (kind: BallotKind) =>
    setForm((x) => ({
      ...x,
      kind,
      // A title still at the previous kind's default follows the kind; one the chair typed stays.
      title: Object.values(f.defaultTitle).includes(x.title) || x.title === '' ? f.defaultTitle[kind] : x.title,
      options: kind === 'choice' ? (x.options.length > 0 ? x.options : OFFICIAL_SCALE) : kind === 'rating' && x.kind === 'rating' ? x.options : [],
    }));
  const toggleSubject = (id: string) => set('subjects', form.subjects.includes(id) ? form.subjects.filter((s) => s !== id) : [...form.subjects, id]);

  const save = async () => {
    const check = checkForm(form);
    if (!check.ok) {
      setProblems(check.problems.map((p) => (p === 'title' ? f.needTitle : p === 'subjects' ? f.needSubjects : p === 'options' ? f.needOptions : p)));
      return;
    }
    setProblems([]);
    setBusy(true);
    const outcome = await send(ballot ? { type: 'ballot.update', ballotId: ballot.id, ballot: check.draft } : { type: 'ballot.create', ballot: check.draft });
    setBusy(false);
    if (outcome.ok) onDone();
  };

  // Presets below the organiser's floor would only be refused (quorum-below-floor): not offered.
  const floor = rulesOf(state).minQuorum;
  const quorumChoices = [...new Set<string>([...QUORUM_PRESETS.filter((q) => atLeast(parseFraction(q), floor)), form.quorum])];
  const majorityChoices = [...new Set<string>([...MAJORITY_PRESETS, form.majority])];
  const presetLabel = (labels: Record<string, string>, key: string) => labels[key] ?? key;

  return (
    <form
      className="ballot-form"
      data-testid="ballot-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="panel-sub">{ballot ? f.editTitle : f.newTitle}</h3>
      <div className="field field-wide">
        <span>{f.kind}</span>
        <span className="segmented" role="group" aria-label={f.kind}>
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className={`btn ${form.kind === k ? 'is-selected' : ''}`}
              aria-pressed={form.kind === k}
              data-testid={`ballot-kind-${k}`}
              onClick={() => switchKind(k)}
            >
              {t.ballots.kinds[k]}
            </button>
          ))}
        </span>
      </div>
      <label className="field field-wide">
        <span>{f.title}</span>
        <input value={form.title} maxLength={MAX_TEXT} onChange={(e) => set('title', e.target.value)} data-testid="ballot-title" />
      </label>

      {form.kind === 'rating' && (
        <fieldset className="field field-wide subject-picker">
          <legend>{f.subjects}</legend>
          <div className="presets">
            <button
              type="button"
              className="btn btn-ghost"
              data-testid="subjects-all"
              onClick={() => set('subjects', [...(form.subjects.includes(COLLECTIVE) ? [COLLECTIVE] : []), ...members.map((m) => m.id)])}
            >
              {f.allMembers}
            </button>
            {reviewed && (
              <button type="button" className="btn btn-ghost" onClick={() => set('subjects', [reviewed])}>
                {f.reviewed}
              </button>
            )}
            <button type="button" className="btn btn-ghost" onClick={() => set('subjects', [])}>
              {f.clear}
            </button>
          </div>
          <div className="check-grid">
            {[{ id: COLLECTIVE, name: t.ballots.collective, position: state.organisation }, ...members].map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={form.subjects.includes(p.id)} onChange={() => toggleSubject(p.id)} data-testid={`subject-${p.id}`} />
                <span>
                  <strong>{p.name}</strong> <span className="muted">{p.position}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {(form.kind === 'choice' || (form.kind === 'rating' && form.options.length > 0)) && (
        <OptionsEditor options={form.options} onChange={(options: BallotOption[]) => set('options', options)} nextId={nextOptionId} />
      )}

      <div className="check-grid field-wide">
        {form.kind !== 'motion' && (
          <label className="check">
            <input type="checkbox" checked={form.allowAbstain} onChange={(e) => set('allowAbstain', e.target.checked)} data-testid="ballot-allow-abstain" />
            <span>{f.allowAbstain}</span>
          </label>
        )}
        {form.kind === 'rating' && (
          <label className="check">
            <input type="checkbox" checked={form.selfRating} onChange={(e) => set('selfRating', e.target.checked)} data-testid="ballot-self-rating" />
            <span>{f.selfRating}</span>
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={form.closeWhenAllVoted} onChange={(e) => set('closeWhenAllVoted', e.target.checked)} data-testid="ballot-close-when-all" />
          <span>{f.closeWhenAllVoted}</span>
        </label>
      </div>

      <div className="form-row">
        <label className="field">
          <span>{f.eligibility}</span>
          <select value={form.eligibility} onChange={(e) => set('eligibility', e.target.value as DraftForm['eligibility'])} data-testid="ballot-eligibility">
            <option value="present-members">{f.eligibilityPresent}</option>
            <option value="all-members">{f.eligibilityAll}</option>
          </select>
        </label>
        <label className="field">
          <span>{f.deadline}</span>
          <select value={form.deadline} onChange={(e) => set('deadline', e.target.value)} data-testid="ballot-deadline-minutes">
            <option value="">{f.noDeadline}</option>
            {[...new Set([...DEADLINE_MINUTES.map(String), ...(form.deadline ? [form.deadline] : [])])].map((m) => (
              <option key={m} value={m}>
                {t.common.minutes(Number(m))}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{f.quorum}</span>
          <select value={form.quorum} onChange={(e) => set('quorum', e.target.value)} data-testid="ballot-quorum">
            {quorumChoices.map((q) => (
              <option key={q} value={q}>
                {presetLabel(f.quorumPresets, q)}
              </option>
            ))}
          </select>
        </label>
        {form.kind === 'motion' && (
          <label className="field">
            <span>{f.majority}</span>
            <select value={form.majority} onChange={(e) => set('majority', e.target.value)} data-testid="ballot-majority">
              {majorityChoices.map((m) => (
                <option key={m} value={m}>
                  {presetLabel(f.majorityPresets, m)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{f.item}</span>
          <select value={form.itemId} onChange={(e) => set('itemId', e.target.value)} data-testid="ballot-item">
            <option value="">{f.noItem}</option>
            {state.agenda.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </label>
      </div>

      {problems.length > 0 && (
        <p className="notice field-wide" role="alert" data-testid="ballot-form-problems">
          {f.invalid} {problems.join('; ')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t.common.cancel}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="ballot-save">
          {f.save}
        </button>
      </div>
    </form>
  );
}
