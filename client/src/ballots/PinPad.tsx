import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { PIN_PATTERN } from '../../../shared/ballots/pin.js';
import { LangSwitch } from '../components/LangSwitch.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** PIN_PATTERN's bounds: the pad shows at least four places and takes no ninth digit. */
const MIN_DIGITS = 4;
const MAX_DIGITS = 8;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface PadProps {
  submitLabel: string;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
  cancelLabel: string;
  /** Why the last entry was refused (wrong PIN, too easy, the two entries differ). */
  problem?: string | null;
  busy?: boolean;
}

/**
 * Digits as large buttons (touch first; a keyboard's digits, Backspace and Enter work too). No
 * input field, so no browser offers to remember or autofill it; the digits live in this component
 * only until they are handed to `onSubmit`, then are cleared at once.
 */
export function PinPad({ submitLabel, onSubmit, onCancel, cancelLabel, problem, busy = false }: PadProps) {
  const { t } = useI18n();
  const [digits, setDigits] = useState('');
  const complete = PIN_PATTERN.test(digits);
  const press = (d: string) => setDigits((x) => (x.length < MAX_DIGITS ? x + d : x));
  const erase = () => setDigits((x) => x.slice(0, -1));
  const submit = () => {
    if (!complete || busy) return;
    setDigits('');
    onSubmit(digits);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (busy) return;
    if (/^\d$/.test(e.key)) press(e.key);
    else if (e.key === 'Backspace') erase();
    else if (e.key === 'Enter') submit();
    else return;
    // Otherwise Enter on a focused digit would also press that digit.
    e.preventDefault();
  };
  return (
    <div className="pin-pad" onKeyDown={onKeyDown}>
      <div className="pin-dots" data-testid="pin-dots" data-length={digits.length} role="status" aria-label={t.pin.digits(digits.length)}>
        {Array.from({ length: Math.max(MIN_DIGITS, digits.length) }, (_, i) => (
          <span key={i} className={i < digits.length ? 'is-filled' : ''} aria-hidden="true" />
        ))}
      </div>
      {problem && (
        <p className="pin-problem" role="alert" data-testid="pin-problem">
          {problem}
        </p>
      )}
      <div className="pin-keys">
        {DIGITS.map((d) => (
          <button key={d} type="button" className="btn pin-key" data-testid={`pin-key-${d}`} disabled={busy} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="btn pin-key pin-erase" data-testid="pin-key-erase" disabled={busy || digits === ''} onClick={erase} aria-label={t.pin.erase}>
          ⌫
        </button>
        <button type="button" className="btn pin-key" data-testid="pin-key-0" disabled={busy} onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="btn btn-primary pin-key pin-ok" data-testid="pin-submit" disabled={!complete || busy} aria-busy={busy} onClick={submit}>
          {busy ? t.pin.sending : submitLabel}
        </button>
      </div>
      <button type="button" className="btn btn-ghost pin-cancel" data-testid="pin-cancel" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}

/**
 * A modal for one PIN step: the page behind cannot be touched until it is done or put off (Escape
 * too), so it carries its own language switch.
 */
export function PinDialog({ title, hint, onCancel, testId, children }: { title: string; hint?: ReactNode; onCancel: () => void; testId: string; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog pin-dialog"
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${testId}-title`} data-testid="pin-title">
        {title}
      </h2>
      {hint && <p className="pin-hint">{hint}</p>}
      {children}
      {/* Last, so that opening the dialog focuses the pad's first digit, not this; shown top right. */}
      <LangSwitch className="pin-dialog-lang" testId="pin-lang-switch" />
    </dialog>
  );
}
