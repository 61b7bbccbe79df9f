import { z } from 'zod';
import { MAX_SELF_REVIEW } from '../limits.js';

/** A self-assessment as the server answers it (shared/review/types.ts, `SelfAssessment`). */
export const SelfAssessmentSchema = z
  .object({
    level: z.string().max(40),
    scores: z.record(z.string().max(40), z.number()),
    exceededShare: z.number().nullable(),
    text: z.string().max(MAX_SELF_REVIEW),
    submittedAt: z.number(),
  })
  .strict();

/**
 * `GET /api/meetings/:id/self-assessment`: the sender's own self-assessment (null before they hand
 * one in), and whether it has been disclosed (then it is the one the body saw, and stays so).
 */
export const OwnSelfAssessment = z.object({ assessment: SelfAssessmentSchema.nullable(), disclosed: z.boolean() }).strict();
export type OwnSelfAssessment = z.infer<typeof OwnSelfAssessment>;
