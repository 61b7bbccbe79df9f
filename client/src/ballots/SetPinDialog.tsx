import { useEffect, useRef, useState } from 'react';
import { pinWeakness } from '../../../shared/ballots/pin.js';
import { explainError, weakPinText } from '../i18n/explainError.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useConnection, useMeeting } from '../live/useMeeting.js';
import { PinDialog, PinPad } from './PinPad.js';

type Step = 'current' | 'new' | 'confirm' | 'locked';

interface Props {
  onClose: () => void;
  /** Called with the new PIN once the server has it, for a paper waiting to be sent with it. */
  onSet?: (pin: string) => void;
  /** Why this is asked now (before a paper is sent); the general explanation otherwise. */
  hint?: string;
}

/**
 * Setting one's own voting PIN (`pin.set`): the current one first if there is one, then the new one
 * twice. A PIN too easy to guess is refused here by the same shared rule the server applies, before
 * it is typed a second time; the server's refusals come back in the reader's language. The entries
 * are held only until the server answers.
 */
export function SetPinDialog({ onClose, onSet, hint }: Props) {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  const connection = useConnection();
  // Fixed when the dialog opens: the PIN this sets arrives as an event before the ack does.
  const [changing] = useState(() => state.pins?.[you.participantId] === 'set');
  const [step, setStep] = useState<Step>(changing ? 'current' : 'new');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entered = useRef<{ current?: string; first?: string }>({});
  useEffect(
    () => () => {
      entered.current = {};
    },
    [],
  );

  const close = () => {
    entered.current = {};
    onClose();
  };
  const refused = (next: Step, why: string) => {
    setProblem(why);
    setStep(next);
  };

  const send = async (pin: string) => {
    const { current } = entered.current;
    entered.current = {};
    setBusy(true);
    const outcome = await connection.send({ type: 'pin.set', pin, ...(current !== undefined ? { currentPin: current } : {}) });
    setBusy(false);
    if (outcome.ok) {
      // Said by the panel that asked (now "PIN set") and by the member's notice of it.
      onSet?.(pin);
      onClose();
      return;
    }
    const error = outcome.error;
    switch (error.code) {
      case 'wrong-pin':
        return refused('current', explainError(t, error));
      // Another device of this member set a PIN meanwhile: changing it needs that one.
      case 'pin-required':
        return refused('current', t.pin.enterCurrent);
      case 'voting-locked':
        return refused('locked', t.pin.locked);
      default:
        return refused('new', explainError(t, error));
    }
  };

  const submit = (pin: string) => {
    setProblem(null);
    if (step === 'current') {
      entered.current.current = pin;
      setStep('new');
    } else if (step === 'new') {
      const weak = pinWeakness(pin);
      if (weak) return setProblem(weakPinText(t, weak));
      entered.current.first = pin;
      setStep('confirm');
    } else if (pin !== entered.current.first) {
      entered.current.first = undefined;
      refused('new', t.pin.mismatch);
    } else {
      void send(pin);
    }
  };

  const label = { current: t.pin.enterCurrent, new: t.pin.enterNew, confirm: t.pin.confirmNew, locked: '' }[step];
  return (
    <PinDialog title={changing ? t.pin.changeTitle : t.pin.setTitle} hint={step === 'locked' ? null : (hint ?? t.pin.intro)} onCancel={close} testId="set-pin">
      {step === 'locked' ? (
        <>
          <p className="pin-problem" role="alert" data-testid="pin-problem">
            {problem}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" data-testid="pin-cancel" onClick={close}>
              {t.common.close}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="pin-step" data-testid="pin-step" data-step={step}>
            {label}
          </p>
          {/* A new pad per step: nothing typed for one step is left over for the next. */}
          <PinPad
            key={step}
            submitLabel={step === 'confirm' ? t.pin.save : t.pin.next}
            cancelLabel={t.pin.later}
            problem={problem}
            busy={busy}
            onSubmit={submit}
            onCancel={close}
          />
          {changing && <p className="pin-hint muted">{t.pin.forgot}</p>}
        </>
      )}
    </PinDialog>
  );
}
