import type { Speech } from './state.js';

/** Seconds left in a speech at server time `now`; negative once the speaker runs over. */
export function remainingSec(speech: Pick<Speech, 'startedAt' | 'limitSec'>, now: number): number {
  // `+ 0` turns the -0 that Math.ceil gives in the first second past the limit into 0.
  return Math.ceil((speech.startedAt + speech.limitSec * 1000 - now) / 1000) + 0;
}

export function isOvertime(speech: Pick<Speech, 'startedAt' | 'limitSec'>, now: number): boolean {
  return now > speech.startedAt + speech.limitSec * 1000;
}

/** "m:ss", with a leading minus past the limit. */
export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

/**
 * Offset to add to the local clock to get server time, from round trips (NTP's rule:
 * assume the reply took half the round trip; trust the sample with the shortest round trip).
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  if (samples.length === 0) return 0;
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  return best.serverNow - (best.sentAt + best.receivedAt) / 2;
}
