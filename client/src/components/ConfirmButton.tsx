import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

interface Props {
  children: ReactNode;
  /** The confirming button's label: the step itself ("Kết thúc hội nghị"), or a short question. */
  confirmLabel: string;
  onConfirm: () => void;
  testId: string;
  className?: string;
  disabled?: boolean;
  /**
   * What the step does to the record that cannot be undone, shown while armed (test id
   * `<testId>-message`): "Bắt đầu hội nghị tại mục 5? Các mục 1–4 sẽ vẫn ở trạng thái Chưa diễn ra."
   */
  confirm?: ReactNode;
  /** False runs the step on the first tap: an in-order step needs no second thought. Default true. */
  ask?: boolean;
  title?: string;
}

/** Long enough to read a message naming the effect; short enough that an armed button does not linger. */
const ARMED_MS = 5000;
const ARMED_WITH_MESSAGE_MS = 20_000;

/**
 * An irreversible action in two taps, with no modal dialog: the first tap arms it, showing a confirm
 * button (test id `<testId>-confirm`) and a cancel (`<testId>-cancel`) for a while, with the effect
 * named when `confirm` is given. Avoids window.confirm, which kiosks block.
 */
export function ConfirmButton({ children, confirmLabel, onConfirm, testId, className = '', disabled, confirm, ask = true, title }: Props) {
  const { t } = useI18n();
  const [armed, setArmed] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), confirm ? ARMED_WITH_MESSAGE_MS : ARMED_MS);
    return () => clearTimeout(timer);
  }, [armed, confirm]);
  // A named effect is read before it is confirmed: the focus goes to the safe choice.
  useEffect(() => {
    if (armed && confirm) cancelRef.current?.focus();
  }, [armed, confirm]);
  if (!armed || disabled) {
    return (
      <button type="button" className={`btn ${className}`} data-testid={testId} disabled={disabled} title={title} onClick={() => (ask ? setArmed(true) : onConfirm())}>
        {children}
      </button>
    );
  }
  const buttons = (
    <>
      <button
        type="button"
        className="btn btn-danger"
        data-testid={`${testId}-confirm`}
        onClick={() => {
          setArmed(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button ref={cancelRef} type="button" className="btn btn-ghost" data-testid={`${testId}-cancel`} onClick={() => setArmed(false)}>
        {t.common.cancel}
      </button>
    </>
  );
  if (!confirm) return <span className="confirm-group">{buttons}</span>;
  return (
    <div
      className="confirm-box"
      role="alertdialog"
      aria-labelledby={`${testId}-message`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setArmed(false);
      }}
    >
      <p id={`${testId}-message`} className="confirm-message" data-testid={`${testId}-message`}>
        {confirm}
      </p>
      <span className="confirm-group">{buttons}</span>
    </div>
  );
}
