import type { BallotDraft } from './draft.js';
import { MOTION_OPTIONS, OFFICIAL_SCALE } from './scale.js';
import type { Ballot } from './types.js';

// Apart from the draft's zod schema, so that the meeting state (and every client view) can make a
// ballot without loading zod: only the chair's console validates drafts in the browser.

/** The single row of a motion's or choice's paper. */
export const SINGLE_ROW = 'question';

/** A draft ballot as it sits in the meeting state. */
export function newBallot(id: string, d: BallotDraft): Ballot {
  return {
    id,
    kind: d.kind,
    title: d.title,
    subjects: d.kind === 'rating' ? (d.subjects ?? []) : [SINGLE_ROW],
    // A motion's abstention is one of its three answers, not a blank row.
    options: d.kind === 'motion' ? MOTION_OPTIONS : (d.options ?? OFFICIAL_SCALE),
    allowAbstain: d.kind === 'motion' ? false : d.allowAbstain,
    selfRating: d.selfRating,
    eligibility: d.eligibility,
    closeWhenAllVoted: d.closeWhenAllVoted,
    deadlineMinutes: d.deadlineMinutes ?? null,
    quorum: d.quorum,
    majority: d.majority,
    itemId: d.itemId ?? null,
    status: 'draft',
    eligible: [],
    voted: [],
    openedAt: null,
    deadline: null,
    closedAt: null,
    cancelReason: null,
    results: null,
    levelRule: d.levelRule ?? null,
    confirmations: [],
  };
}
