import { useState } from 'react';
import { formatTime } from '../../../../shared/format.js';
import { isVoter } from '../../../../shared/meeting/roles.js';
import { approvalProblem } from '../../../../shared/review/appoint.js';
import { committeeProblem } from '../../../../shared/review/committee.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { RefusalNote } from '../../components/RefusalNote.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { useExplainedSend } from '../../live/useSend.js';

/**
 * The counting committee on the chair's console: who sits on it and on what basis, and for the
 * chair a way to appoint (or, between counts, replace) it: 2–5 delegates named by the chair, or
 * those a published ballot approved. The rules decide; the form only offers what could pass.
 */
export function CommitteePanel() {
  const { t, lang } = useI18n();
  const { state, allowed } = useMeeting();
  const { send, refusal, dismiss } = useExplainedSend();
  const [editing, setEditing] = useState(false);
  const [members, setMembers] = useState<string[]>([]);
  const [ballotId, setBallotId] = useState('');
  const c = t.committee;
  const committee = state.committee;
  const rules = state.reviewRules.countingCommittee;
  const name = (id: string) => state.participants.find((p) => p.id === id)?.name ?? id;
  const may = allowed({ type: 'committee.appoint', members: ['-', '-'] });
  const candidates = state.participants.filter((p) => isVoter(p) && p.role !== 'chair');
  const approving = state.ballots.filter((b) => b.status === 'published' && (b.kind === 'motion' || b.kind === 'choice'));
  const basisText = !committee
    ? null
    : committee.basis.kind === 'definition'
      ? c.basisDefinition
      : committee.basis.kind === 'named'
        ? c.basisNamed(name(committee.basis.by), formatTime(committee.at ?? 0, state.timeZone, lang))
        : c.basisBallot(state.ballots.find((b) => b.id === (committee.basis as { ballotId: string }).ballotId)?.title ?? '', formatTime(committee.at ?? 0, state.timeZone, lang));
  const ballot = state.ballots.find((b) => b.id === ballotId);
  const problem = committeeProblem(state.participants, members, rules) ?? (ballot ? approvalProblem(state, ballot, members) : null);
  const toggle = (id: string) => setMembers((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id]));
  const start = () => {
    setMembers(committee?.members ?? []);
    setBallotId('');
    setEditing(true);
  };
  const submit = async () => {
    const outcome = await send({ type: 'committee.appoint', members, ...(ballotId ? { ballotId } : {}) });
    if (outcome.ok) setEditing(false);
  };
  return (
    <div className="committee-panel" data-testid="committee-panel">
      <h3 className="panel-sub">{c.title}</h3>
      {committee ? (
        <p data-testid="committee-members">
          <strong>{committee.members.map(name).join(', ')}</strong> <span className="muted">— {basisText}</span>
        </p>
      ) : (
        <p className="muted" data-testid="committee-none">
          {c.none} {rules.required && c.required}
        </p>
      )}
      {may && !editing && (
        <button type="button" className="btn btn-secondary" data-testid="committee-appoint" onClick={start}>
          {committee ? c.replace : c.appoint}
        </button>
      )}
      {may && editing && (
        <fieldset className="committee-form">
          <legend>{c.pick(rules.min, rules.max)}</legend>
          <div className="check-grid">
            {candidates.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={members.includes(p.id)} onChange={() => toggle(p.id)} data-testid={`committee-pick-${p.id}`} />
                <span>
                  <strong>{p.name}</strong> <span className="muted">{p.position}</span>
                </span>
              </label>
            ))}
          </div>
          <label className="field">
            <span>{c.basis}</span>
            <select value={ballotId} onChange={(e) => setBallotId(e.target.value)} data-testid="committee-basis">
              <option value="">{c.named}</option>
              {approving.map((b) => (
                <option key={b.id} value={b.id}>
                  {c.byBallot(b.title)}
                </option>
              ))}
            </select>
          </label>
          <div className="ballot-actions">
            <ConfirmButton
              testId="committee-submit"
              className="btn-primary"
              disabled={problem !== null}
              title={problem ?? undefined}
              confirmLabel={c.submitConfirm}
              confirm={c.submitEffect(members.map(name).join(', '))}
              onConfirm={() => void submit()}
            >
              {committee ? c.replace : c.appoint}
            </ConfirmButton>
            <button type="button" className="btn btn-ghost" onClick={() => setEditing(false)}>
              {c.cancel}
            </button>
          </div>
        </fieldset>
      )}
      {refusal && <RefusalNote error={refusal} onDismiss={dismiss} />}
    </div>
  );
}
