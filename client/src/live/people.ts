import { attends } from '../../../shared/meeting/roles.js';
import type { MeetingState, Participant } from '../../../shared/meeting/state.js';

export function nameOf(state: MeetingState, participantId: string | null): string {
  if (participantId === null) return '';
  return state.participants.find((p) => p.id === participantId)?.name ?? participantId;
}

/** Everyone who can take the floor: observers and screens only watch. */
export function speakers(state: MeetingState): Participant[] {
  return state.participants.filter((p) => attends(p.role));
}
