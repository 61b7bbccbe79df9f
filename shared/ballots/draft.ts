import { z } from 'zod';
import { MAX_TEXT } from '../limits.js';
import { ABSTAIN } from './scale.js';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'letters, digits, - and _ (at most 40)');
const Fraction = z.tuple([z.number().int().min(0), z.number().int().min(1)]).refine(([n, d]) => n <= d, 'a fraction of at most 1');

export const BallotOptionSchema = z
  .object({
    id: Slug.refine((id) => id !== ABSTAIN, `"${ABSTAIN}" is reserved`),
    vi: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
  })
  .strict();

/** A ballot as the chair drafts it, or as a meeting definition lists it. */
export const BallotDraft = z
  .object({
    id: Slug.optional(),
    kind: z.enum(['rating', 'motion', 'choice']),
    title: z.string().trim().min(1).max(MAX_TEXT),
    /** rating: participant ids (or "collective"), each a row of the paper. */
    subjects: z.array(Slug).max(200).optional(),
    /** rating: the scale (default: the official four levels); choice: the options (required). */
    options: z.array(BallotOptionSchema).min(2).max(20).optional(),
    allowAbstain: z.boolean().default(false),
    selfRating: z.boolean().default(false),
    eligibility: z.enum(['present-members', 'all-members']).default('present-members'),
    closeWhenAllVoted: z.boolean().default(true),
    deadlineMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    quorum: Fraction.default([2, 3]),
    /** A motion carries with more than (or at least) this fraction of the votes cast, or of all members. */
    majority: z
      .object({
        base: z.enum(['cast', 'members']),
        fraction: Fraction,
        threshold: z.enum(['more-than', 'at-least']).default('more-than'),
      })
      .strict()
      .default({ base: 'cast', fraction: [1, 2], threshold: 'more-than' }),
    /** rating: how the votes become the proposed level (shared/review/levels.ts); absent: the meeting's rule. */
    levelRule: z
      .object({ fraction: Fraction.refine(([n]) => n > 0, 'more than nothing'), threshold: z.enum(['more-than', 'at-least']), base: z.enum(['cast', 'answers']) })
      .strict()
      .optional(),
    /** The agenda item this ballot belongs to, if any. */
    itemId: Slug.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'rating' && (b.subjects?.length ?? 0) === 0) ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'a rating needs at least one subject' });
    if (b.kind !== 'rating' && b.subjects !== undefined) ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'only a rating has subjects' });
    if (b.kind === 'choice' && b.options === undefined) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice needs its options' });
    if (b.kind !== 'rating' && b.levelRule !== undefined) ctx.addIssue({ code: 'custom', path: ['levelRule'], message: 'only a rating proposes levels' });
    if (b.kind === 'motion' && b.options !== undefined) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a motion always has agree / disagree / abstain' });
    if (b.subjects && new Set(b.subjects).size !== b.subjects.length) ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'a subject is listed twice' });
    if (b.options && new Set(b.options.map((o) => o.id)).size !== b.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'an option id is listed twice' });
  });
export type BallotDraft = z.infer<typeof BallotDraft>;
export type BallotDraftInput = z.input<typeof BallotDraft>;
