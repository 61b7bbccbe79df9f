import type { ClientError } from '../live/connection.js';
import type { Messages } from './vi.js';

/**
 * A refusal in the reader's language: the rules' own explanation and next step when the server gave
 * a `reason` (with its `detail` numbers), the attempts left after a wrong PIN, or the code's
 * general text; the server's English message only for a code this client does not know.
 */
export function explainError(t: Messages, error: ClientError): string {
  if (error.reason === 'weak-pin') return weakPinText(t, error.message);
  if (error.reason && error.reason in t.refusals) {
    return t.refusals[error.reason]((key) => error.detail?.[key] ?? '?');
  }
  if (error.code === 'wrong-pin' && typeof error.detail?.attemptsLeft === 'number') return t.pin.wrong(error.detail.attemptsLeft);
  return t.errors[error.code] ?? error.message;
}

/**
 * A refusal as the console shows it beside the control: the reason, and the next step apart (empty
 * when the reason already says it). The same words as `explainError`, split.
 */
export function explainRefusal(t: Messages, error: ClientError): { reason: string; next: string } {
  if (error.reason && error.reason !== 'weak-pin' && error.reason in t.refusalParts) {
    const parts = t.refusalParts[error.reason];
    const d = (key: string) => error.detail?.[key] ?? '?';
    return { reason: parts.reason(d), next: parts.next(d) };
  }
  const known = error.code in t.errors && !error.reason && !(error.code === 'wrong-pin' && error.detail);
  return { reason: explainError(t, error), next: known ? t.console.errorNext[error.code] : '' };
}

/**
 * Which rule a weak PIN breaks, from `pinWeakness`'s English sentence (the shared rule gives no code
 * of its own): the words it uses for each case, and a general sentence for any other.
 */
export function weakPinText(t: Messages, why: string): string {
  if (/4 to 8 digits/.test(why)) return t.pin.weak.length;
  if (/repeated/.test(why)) return t.pin.weak.repeated;
  if (/consecutive/.test(why)) return t.pin.weak.sequence;
  return t.pin.weak.other;
}
