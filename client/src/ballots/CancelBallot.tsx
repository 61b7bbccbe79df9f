import { useState } from 'react';
import type { Ballot } from '../../../shared/ballots/types.js';
import { MAX_TEXT } from '../../../shared/limits.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useSend } from '../live/useSend.js';

/** Cancelling needs a reason: it is shown to the room and kept in the record. */
export function CancelBallot({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const send = useSend();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn-danger-outline" data-testid={`ballot-cancel-${ballot.id}`} onClick={() => setAsking(true)}>
        {t.ballots.cancel}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    const outcome = await send({ type: 'ballot.cancel', ballotId: ballot.id, reason: reason.trim() });
    setBusy(false);
    if (outcome.ok) setAsking(false);
  };
  return (
    <form
      className="cancel-ballot"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void confirm();
      }}
    >
      <label className="field">
        <span>{t.ballots.cancelReason}</span>
        <input value={reason} maxLength={MAX_TEXT} autoFocus onChange={(e) => setReason(e.target.value)} data-testid={`ballot-cancel-reason-${ballot.id}`} />
      </label>
      <button type="submit" className="btn btn-danger" disabled={busy || reason.trim() === ''} data-testid={`ballot-cancel-confirm-${ballot.id}`}>
        {t.ballots.cancelConfirm}
      </button>
      <button type="button" className="btn btn-ghost" onClick={() => setAsking(false)}>
        {t.common.cancel}
      </button>
    </form>
  );
}
