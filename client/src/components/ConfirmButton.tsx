import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

interface Props {
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  testId: string;
  className?: string;
  disabled?: boolean;
}

/**
 * A destructive action in two taps, with no modal dialog: the first tap arms it, showing a confirm
 * button (test id `<testId>-confirm`) for a few seconds. Avoids window.confirm, which kiosks block.
 */
export function ConfirmButton({ children, confirmLabel, onConfirm, testId, className = '', disabled }: Props) {
  const { t } = useI18n();
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 5000);
    return () => clearTimeout(timer);
  }, [armed]);
  if (!armed) {
    return (
      <button type="button" className={`btn ${className}`} data-testid={testId} disabled={disabled} onClick={() => setArmed(true)}>
        {children}
      </button>
    );
  }
  return (
    <span className="confirm-group">
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
      <button type="button" className="btn btn-ghost" onClick={() => setArmed(false)}>
        {t.common.cancel}
      </button>
    </span>
  );
}
