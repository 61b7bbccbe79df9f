import { attends } from './roles.js';
import type { MeetingState } from './state.js';

export interface SpeakerStats {
  participantId: string;
  times: number;
  totalMs: number;
}

/**
 * Speaking statistics over the whole meeting, one row per participant who may take the floor,
 * those who have not spoken yet included (with zero) so the chair can invite them.
 */
export function speakingStats(state: MeetingState, now: number): SpeakerStats[] {
  const rows = new Map<string, SpeakerStats>();
  for (const p of state.participants) {
    if (attends(p.role)) rows.set(p.id, { participantId: p.id, times: 0, totalMs: 0 });
  }
  for (const item of state.agenda) {
    const speeches = [...item.queue.speeches, ...(item.queue.current ? [{ ...item.queue.current, endedAt: now }] : [])];
    for (const s of speeches) {
      const row = rows.get(s.participantId) ?? { participantId: s.participantId, times: 0, totalMs: 0 };
      row.times += 1;
      row.totalMs += Math.max(0, s.endedAt - s.startedAt);
      rows.set(s.participantId, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.totalMs - a.totalMs || a.participantId.localeCompare(b.participantId));
}

/** Actual minutes an item took (so far, if it is open), for planned-vs-actual. */
export function actualMinutes(item: { startedAt: number | null; endedAt: number | null }, now: number): number | null {
  if (item.startedAt === null) return null;
  return Math.round(((item.endedAt ?? now) - item.startedAt) / 60000);
}
