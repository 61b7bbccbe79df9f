import { z } from 'zod';

/**
 * The committee's view of a closed ballot (`GET /api/meetings/:id/ballots/:ballotId/count`,
 * docs/PROTOCOL.md): exactly what publication would show (`BallotResults`, under the small-count
 * rule: counts, never papers) and its fingerprint (shared/review/fingerprint.ts), which the member's
 * `ballot.confirm` sends back.
 */
const Count = z.number().int().min(0);
const Row = z.object({ subject: z.string(), counts: z.record(z.string(), Count), abstentions: Count, cast: Count, eligible: Count });
const Withheld = z.object({ subject: z.string(), eligible: Count, reason: z.enum(['not-valid', 'too-few-answers', 'not-public']) });

export const BallotResultsSchema = z.object({
  turnout: Count,
  eligible: Count,
  members: Count.optional(),
  valid: z.boolean(),
  passed: z.boolean().nullable(),
  minCast: Count.optional(),
  subjects: z.array(Row),
  withheld: z.array(Withheld).optional(),
});

export const CommitteeCount = z.object({
  ballotId: z.string(),
  results: BallotResultsSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CommitteeCount = z.infer<typeof CommitteeCount>;
