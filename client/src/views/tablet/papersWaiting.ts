import type { MeetingState } from '../../../../shared/meeting/state.js';

/** Open ballots this participant may vote in and has not: what the vote tab's badge counts. */
export function papersWaiting(state: MeetingState, participantId: string): number {
  return state.ballots.filter((b) => b.status === 'open' && b.eligible.includes(participantId) && !b.voted.includes(participantId)).length;
}
