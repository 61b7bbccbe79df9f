import { useState } from 'react';
import { votes } from '../../../shared/ballots/pin.js';
import { rulesOf } from '../../../shared/ballots/rules.js';
import type { PinStatus } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';
import { SetPinDialog } from './SetPinDialog.js';

/** This device's voter's PIN status, or undefined when they have none to keep (no PIN rule, or no vote). */
export function useMyPin(): { required: boolean; status: PinStatus | undefined } {
  const { state, you } = useMeeting();
  const required = rulesOf(state).votingPin === 'required' && votes(state, you.participantId);
  return { required, status: state.pins?.[you.participantId] };
}

/**
 * A voter without a PIN is asked for one, at once on first join when `askNow` (it can wait: the
 * paper asks again before it is sent); a voter whose voting is locked is told who can unlock it.
 * Nothing otherwise: a PIN that is set is `PinSettings`'s.
 */
export function PinAttention({ askNow = false }: { askNow?: boolean }) {
  const { t } = useI18n();
  const { required, status } = useMyPin();
  const [open, setOpen] = useState(() => askNow && required && status === undefined);
  if (!required || status === 'set') return null;
  if (status === 'locked') {
    return (
      <section className="panel pin-attention is-locked" data-testid="pin-status" data-status="locked" aria-label={t.pin.title}>
        <h2 className="panel-label">{t.pin.title}</h2>
        <p className="notice" role="alert">
          {t.pin.locked}
        </p>
      </section>
    );
  }
  return (
    <section className="panel pin-attention" data-testid="pin-status" data-status="unset" aria-label={t.pin.title}>
      <h2 className="panel-label">{t.pin.title}</h2>
      <p className="pin-attention-title">{t.pin.notSet}</p>
      <p className="muted">{t.pin.intro}</p>
      <button type="button" className="btn btn-primary btn-large" data-testid="pin-set-open" onClick={() => setOpen(true)}>
        {t.pin.set}
      </button>
      {open && <SetPinDialog onClose={() => setOpen(false)} />}
    </section>
  );
}

/** "PIN set", with the change (which needs the current PIN). Never a reset: only the organiser resets. */
export function PinSettings() {
  const { t } = useI18n();
  const { required, status } = useMyPin();
  const [open, setOpen] = useState(false);
  if (!required || (status !== 'set' && !open)) return null;
  // The dialog is the row's sibling, not its child, so it stays (with its step) when the status
  // moves under it: a lock after the last wrong PIN is told there.
  return (
    <>
      {status === 'set' && (
        <div className="pin-settings" data-testid="pin-status" data-status="set">
          <span className="pin-settings-state">
            <span aria-hidden="true">✓ </span>
            {t.pin.isSet}
          </span>
          <button type="button" className="btn btn-secondary" data-testid="pin-change-open" onClick={() => setOpen(true)}>
            {t.pin.change}
          </button>
        </div>
      )}
      {open && <SetPinDialog onClose={() => setOpen(false)} />}
    </>
  );
}
