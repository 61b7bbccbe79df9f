/**
 * The review's records in the meeting state (schema 5). Zod-free; the wire schemas are in
 * shared/meeting/commands.ts.
 */

/**
 * A member's self-assessment: their own level, their score per criteria group of the form
 * (`ReviewRules.scoreForm`), the share of tasks exceeded, and their written self-review. Its content
 * lives in the store until it is disclosed: the state says only that it was handed in
 * (`MeetingState.selfAssessed`) until the member's review item or a rating of them opens.
 */
export interface SelfAssessment {
  /** An option id of the official scale (shared/ballots/scale.ts). */
  level: string;
  /** Points per criteria group id; empty when the meeting has no score form. */
  scores: Record<string, number>;
  /** Percent of the tasks done beyond what was set, for the excellent band; null when not given. */
  exceededShare: number | null;
  /** The self-review (bản tự kiểm điểm) as written, plain text with paragraphs. */
  text: string;
  submittedAt: number;
}

/** How the counting committee came to be, for the record. */
export type CommitteeBasis =
  /** Listed in the meeting definition by the organiser. */
  | { kind: 'definition' }
  /** Named by the chair during the meeting. */
  | { kind: 'named'; by: string }
  /** Approved by the body in a published ballot (a motion that carried, or a choice). */
  | { kind: 'ballot'; ballotId: string; by: string };

/** The counting committee (tổ kiểm phiếu): delegates who confirm each tally before it is published. */
export interface CountingCommittee {
  members: string[];
  basis: CommitteeBasis;
  /** Server time it was appointed; null when it came with the definition. */
  at: number | null;
}

/** A committee member confirmed, on their own device, the tally publication would show. */
export interface TallyConfirmation {
  participantId: string;
  at: number;
}
