import type { RefusalReason } from '../../../shared/errors.js';
import { OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';

/**
 * What the refusal texts of both languages share (refusals.ts, en/refusals.ts): the shape of one
 * text and the helpers that read the error's `detail`. `d(key)` reads one of the detail's numbers
 * ("?" if the server left it out).
 */
export type Detail = (key: string) => number | string;
export type Explain = (d: Detail) => string;
/** The reason names what is missing or in the way; the next step says what the reader can do about it. */
export interface RefusalText {
  reason: Explain;
  next: Explain;
}

/** The level at `d('allowed')`'s place on the official scale (0 = best), in the reader's language. */
export const levelAt = (d: Detail, lang: 'vi' | 'en'): string => {
  const at = d('allowed');
  const level = typeof at === 'number' ? OFFICIAL_SCALE[at] : undefined;
  return level ? level[lang] : '?';
};

/** The day after `d('day')`, when the meeting has one. */
export const nextDay = (d: Detail): number | null => {
  const day = d('day');
  const days = d('days');
  return typeof day === 'number' && typeof days === 'number' && day < days ? day + 1 : null;
};

/** Reason and next step as one sentence pair, where a single line is shown (toasts, the ballot controls). */
export function joined(parts: Record<RefusalReason, RefusalText>): Record<RefusalReason, Explain> {
  return Object.fromEntries(Object.entries(parts).map(([reason, text]) => [reason, (d: Detail) => `${text.reason(d)} ${text.next(d)}`])) as Record<RefusalReason, Explain>;
}
