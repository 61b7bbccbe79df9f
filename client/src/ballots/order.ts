import type { Ballot, BallotStatus } from '../../../shared/ballots/types.js';
import type { MeetingState } from '../../../shared/meeting/state.js';

const RANK: Record<BallotStatus, number> = { open: 0, closed: 1, draft: 2, published: 3, cancelled: 4 };

/** What matters now first: open ballots, those awaiting publication, drafts, then results, newest first. */
export function byUrgency(ballots: readonly Ballot[]): Ballot[] {
  return [...ballots].sort((a, b) => RANK[a.status] - RANK[b.status] || (b.closedAt ?? b.openedAt ?? 0) - (a.closedAt ?? a.openedAt ?? 0));
}

/** Ballots the room has seen: drafts, and drafts cancelled before opening, stay with the chair. */
export function publicBallots(ballots: readonly Ballot[]): Ballot[] {
  return ballots.filter((b) => b.status !== 'draft' && b.openedAt !== null);
}

/** Participant ids in the meeting's own order (as the organisers listed them), not by id. */
export function inMeetingOrder(state: MeetingState, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return state.participants.filter((p) => wanted.has(p.id)).map((p) => p.id);
}
