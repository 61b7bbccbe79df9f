import { useState, type ReactNode } from 'react';
import type { Command } from '../../../shared/meeting/commands.js';
import type { CommandOutcome } from '../live/connection.js';
import { ConfirmButton } from './ConfirmButton.js';
import { useScopedSend } from './RefusalScope.js';

interface Props {
  command: Command;
  testId: string;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  title?: string;
  ariaLabel?: string;
  pressed?: boolean;
  onDone?: (outcome: CommandOutcome) => void;
  /** Asks first, naming what the command does to the record (see `ConfirmButton`); no message, no question. */
  confirm?: ReactNode;
  confirmLabel?: string;
}

/**
 * A button that sends one command, and stays disabled until the server answers, so a double tap
 * sends it once. A refusal shows in the enclosing `RefusalScope` (a toast outside one).
 */
export function CommandButton({ command, testId, children, className = '', disabled, title, ariaLabel, pressed, onDone, confirm, confirmLabel }: Props) {
  const send = useScopedSend();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      const outcome = await send(command);
      onDone?.(outcome);
    } finally {
      setBusy(false);
    }
  };
  if (confirm) {
    return (
      <ConfirmButton
        testId={testId}
        className={className}
        disabled={disabled || busy}
        title={title}
        confirm={confirm}
        confirmLabel={confirmLabel ?? ''}
        onConfirm={() => void click()}
      >
        {children}
      </ConfirmButton>
    );
  }
  return (
    <button
      type="button"
      className={`btn ${className}`}
      data-testid={testId}
      disabled={disabled || busy}
      aria-busy={busy}
      title={title}
      aria-label={ariaLabel}
      aria-pressed={pressed}
      onClick={() => void click()}
    >
      {children}
    </button>
  );
}
