import { useState, type ReactNode } from 'react';
import type { Command } from '../../../shared/meeting/commands.js';
import type { CommandOutcome } from '../live/connection.js';
import { useSend } from '../live/useSend.js';

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
}

/** A button that sends one command, and stays disabled until the server answers, so a double tap sends it once. */
export function CommandButton({ command, testId, children, className = '', disabled, title, ariaLabel, pressed, onDone }: Props) {
  const send = useSend();
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
