import { z } from 'zod';
import { BallotDraft } from './ballots/draft.js';
import { OFFICIAL_SCALE } from './ballots/scale.js';
import { atLeast, DEFAULT_BALLOT_RULES } from './ballots/rules.js';
import { DEFAULT_OBSERVER_RULES } from './meeting/visibility.js';
import { DEFAULT_MINUTES_SECTIONS, defaultMembership } from './meeting/state.js';
import { DEFAULT_REVIEW_RULES } from './review/rules.js';
import { committeeProblem } from './review/committee.js';
import { DOCUMENT_VISIBILITIES } from './documents/types.js';
import { MAX_AGENDA_ITEMS, MAX_PARTICIPANTS, MAX_SPEAKING_SEC, MAX_TEXT, MIN_SPEAKING_SEC } from './limits.js';

/** Identifiers chosen by the organiser (participants, agenda items): short, URL-safe. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'letters, digits, - and _ (at most 40)');
const Text = z.string().trim().min(1).max(MAX_TEXT);
/** A calendar date that exists: Date.parse accepts 2025-02-30 (it rolls over), so the parts are checked. */
export function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd')
  .refine(isCalendarDate, 'not a date of the calendar');

export const ROLES = ['chair', 'secretary', 'member', 'guest', 'observer', 'screen'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ITEM_KINDS = ['procedure', 'collective-review', 'individual-review', 'discussion', 'ballot'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const ParticipantDefinition = z.object({
  id: Slug,
  name: Text,
  position: z.string().trim().max(MAX_TEXT).default(''),
  role: Role,
  /** Counts towards the quorum. Defaults to true for chair and member, false for everyone else. */
  member: z.boolean().optional(),
});
export type ParticipantDefinition = z.infer<typeof ParticipantDefinition>;

/** Fields an agenda item has in a definition and when added or edited live. */
export const AgendaItemFields = z.object({
  /** 1-based index into `days`. */
  day: z.number().int().min(1).max(31),
  title: Text,
  kind: ItemKind,
  /** The participant under review, for `individual-review` items. */
  subject: Slug.optional(),
  plannedMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  presenter: Slug.optional(),
  /** Default speaking time for this item's queue, overriding the meeting's. */
  speakingSeconds: z.number().int().min(MIN_SPEAKING_SEC).max(MAX_SPEAKING_SEC).optional(),
});
export type AgendaItemFields = z.infer<typeof AgendaItemFields>;

export const AgendaItemDefinition = AgendaItemFields.extend({ id: Slug.optional() });

const Fraction = z.tuple([z.number().int().min(1), z.number().int().min(1)]).refine(([n, d]) => n <= d, 'a fraction of at most 1');

/** The organiser's rules for every ballot of the meeting (shared/ballots/rules.ts; docs/BALLOTS.md). */
export const BallotRulesSchema = z
  .object({
    minCast: z.number().int().min(2).max(100).default(DEFAULT_BALLOT_RULES.minCast),
    minQuorum: Fraction.default(DEFAULT_BALLOT_RULES.minQuorum),
    votingPin: z.enum(['required', 'off']).default(DEFAULT_BALLOT_RULES.votingPin),
    pinAttempts: z.number().int().min(3).max(10).default(DEFAULT_BALLOT_RULES.pinAttempts),
  })
  .strict();

/** What the public observer link shows (shared/meeting/visibility.ts; docs/DEFINITION.md). */
export const ObserverRulesSchema = z
  .object({
    notes: z.boolean().default(DEFAULT_OBSERVER_RULES.notes),
    ratings: z.enum(['none', 'collective', 'all']).default(DEFAULT_OBSERVER_RULES.ratings),
    motions: z.boolean().default(DEFAULT_OBSERVER_RULES.motions),
    choices: z.boolean().default(DEFAULT_OBSERVER_RULES.choices),
    documents: z.boolean().default(DEFAULT_OBSERVER_RULES.documents),
  })
  .strict();

/** A level of the official scale, by id (kept a string: the review's rules are zod-free types). */
const Level = z.string().refine((id) => OFFICIAL_SCALE.some((o) => o.id === id), 'one of excellent, good, completed, not-completed');
const Percent = z.number().min(0).max(100);

/** The review's rules (shared/review/rules.ts; docs/BALLOTS.md, "The review"): every field has the default named there. */
export const ReviewRulesSchema = z
  .object({
    scoreForm: z
      .array(z.object({ id: Slug, vi: Text, en: Text, max: z.number().int().min(1).max(100) }).strict())
      .min(1)
      .max(12)
      .refine((groups) => groups.reduce((a, g) => a + g.max, 0) === 100, 'the groups add up to 100 points')
      .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, 'a group id is listed twice')
      .nullable()
      .default(DEFAULT_REVIEW_RULES.scoreForm),
    scoreBands: z
      .array(z.object({ level: Level, min: Percent, exceededShare: Percent.optional() }).strict())
      .min(1)
      .max(4)
      .refine((bands) => bands.every((b, i) => i === 0 || b.min < bands[i - 1].min), 'best band first, each lower than the one before')
      .default(DEFAULT_REVIEW_RULES.scoreBands),
    levelRule: z
      .object({
        fraction: Fraction,
        threshold: z.enum(['more-than', 'at-least']).default('more-than'),
        base: z.enum(['cast', 'answers']).default('cast'),
      })
      .strict()
      .default(DEFAULT_REVIEW_RULES.levelRule),
    caps: z
      .array(z.object({ level: Level, atMost: Fraction, of: z.array(Level).min(1).max(4) }).strict())
      .max(8)
      .default(DEFAULT_REVIEW_RULES.caps),
    countingCommittee: z
      .object({
        required: z.boolean().default(DEFAULT_REVIEW_RULES.countingCommittee.required),
        min: z.number().int().min(1).max(9).default(DEFAULT_REVIEW_RULES.countingCommittee.min),
        max: z.number().int().min(1).max(9).default(DEFAULT_REVIEW_RULES.countingCommittee.max),
      })
      .strict()
      .refine((c) => c.min <= c.max, 'min is at most max')
      .default(DEFAULT_REVIEW_RULES.countingCommittee),
    collectiveFirst: z.boolean().default(DEFAULT_REVIEW_RULES.collectiveFirst),
  })
  .strict();

/** How the filed record is headed and the minutes begin (shared/meeting/state.ts, RecordSettings). */
export const RecordSettingsSchema = z
  .object({
    parentBody: z.string().trim().max(MAX_TEXT).default(''),
    // An empty list starts the minutes empty (no template).
    minutesSections: z.array(Text).max(30).default(DEFAULT_MINUTES_SECTIONS),
  })
  .strict();

/**
 * A document the organiser prepares with the definition (docs/DOCUMENTS.md, "In the definition"):
 * `file` is a path relative to the definition's JSON, inside its folder; the CLI uploads it once the
 * meeting exists. The server never sees the path, only the bytes.
 */
export const DefinitionDocument = z
  .object({
    file: z
      .string()
      .min(1)
      .max(200)
      .refine((f) => !f.startsWith('/') && !f.startsWith('\\') && !/^[a-z]:/i.test(f) && !f.split(/[\\/]/).includes('..'), "a path inside the definition's folder"),
    title: Text,
    /** The agenda item's id; none for the meeting as a whole. */
    item: Slug.optional(),
    visibility: z.enum(DOCUMENT_VISIBILITIES).default('participants'),
    order: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type DefinitionDocument = z.infer<typeof DefinitionDocument>;

export const MeetingDefinition = z
  .object({
    title: Text,
    organisation: Text,
    location: z.string().trim().max(MAX_TEXT).default(''),
    timeZone: z
      .string()
      .default('Asia/Ho_Chi_Minh')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'unknown time zone'),
    days: z.array(IsoDate).min(1).max(31),
    speakingSeconds: z.number().int().min(MIN_SPEAKING_SEC).max(MAX_SPEAKING_SEC).default(300),
    /** Share of members that must be present: [numerator, denominator], e.g. two thirds. */
    quorum: z
      .tuple([z.number().int().min(1), z.number().int().min(1)])
      .default([2, 3])
      .refine(([n, d]) => n <= d, 'the quorum cannot exceed 1'),
    participants: z.array(ParticipantDefinition).min(1).max(MAX_PARTICIPANTS),
    agenda: z.array(AgendaItemDefinition).max(MAX_AGENDA_ITEMS),
    ballots: z.array(BallotDraft).max(100).default([]),
    ballotRules: BallotRulesSchema.default(DEFAULT_BALLOT_RULES),
    observers: ObserverRulesSchema.default(DEFAULT_OBSERVER_RULES),
    review: ReviewRulesSchema.default(DEFAULT_REVIEW_RULES),
    /** The counting committee, when the organiser names it in advance (else the chair names it, or the body approves it, live). */
    countingCommittee: z.array(Slug).max(9).optional(),
    record: RecordSettingsSchema.default({ parentBody: '', minutesSections: DEFAULT_MINUTES_SECTIONS }),
    documents: z.array(DefinitionDocument).max(300).default([]),
  })
  .superRefine((def, ctx) => {
    const ids = new Set<string>();
    const members = new Set<string>();
    def.participants.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'id'], message: `duplicate participant id ${p.id}` });
      ids.add(p.id);
      if (p.member ?? defaultMembership(p.role)) members.add(p.id);
    });
    if (!def.participants.some((p) => p.role === 'chair')) {
      ctx.addIssue({ code: 'custom', path: ['participants'], message: 'a meeting needs a chair' });
    }
    const itemIds = new Set<string>();
    def.agenda.forEach((item, i) => {
      if (item.id !== undefined) {
        if (itemIds.has(item.id)) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'id'], message: `duplicate item id ${item.id}` });
        itemIds.add(item.id);
      }
      if (item.day > def.days.length) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'day'], message: `day ${item.day} is not one of the ${def.days.length} days` });
      if (item.kind === 'individual-review' && item.subject === undefined)
        ctx.addIssue({ code: 'custom', path: ['agenda', i, 'subject'], message: 'an individual review needs its subject' });
      for (const key of ['subject', 'presenter'] as const) {
        const ref = item[key];
        if (ref !== undefined && !ids.has(ref)) ctx.addIssue({ code: 'custom', path: ['agenda', i, key], message: `unknown participant ${ref}` });
      }
    });
    def.documents.forEach((d, i) => {
      if (d.item !== undefined && !def.agenda.some((item) => item.id === d.item))
        ctx.addIssue({ code: 'custom', path: ['documents', i, 'item'], message: `no agenda item with id ${d.item}` });
    });
    if (def.countingCommittee) {
      const participants = def.participants.map((p) => ({ ...p, position: p.position, member: p.member ?? defaultMembership(p.role) }));
      const problem = committeeProblem(participants, def.countingCommittee, def.review.countingCommittee);
      if (problem) ctx.addIssue({ code: 'custom', path: ['countingCommittee'], message: problem });
    }
    const ballotIds = new Set<string>();
    def.ballots.forEach((b, i) => {
      if (b.id !== undefined) {
        if (ballotIds.has(b.id)) ctx.addIssue({ code: 'custom', path: ['ballots', i, 'id'], message: `duplicate ballot id ${b.id}` });
        ballotIds.add(b.id);
      }
      (b.subjects ?? []).forEach((s, j) => {
        if (s !== 'collective' && !ids.has(s)) ctx.addIssue({ code: 'custom', path: ['ballots', i, 'subjects', j], message: `unknown participant ${s}` });
        else if (s !== 'collective' && !members.has(s))
          ctx.addIssue({ code: 'custom', path: ['ballots', i, 'subjects', j], message: `${s} is not a member: only members (or "collective") are rated` });
      });
      if (!atLeast(b.quorum, def.ballotRules.minQuorum))
        ctx.addIssue({ code: 'custom', path: ['ballots', i, 'quorum'], message: `below the meeting's minQuorum ${def.ballotRules.minQuorum.join('/')}` });
      if (b.itemId !== undefined && !itemIds.has(b.itemId)) ctx.addIssue({ code: 'custom', path: ['ballots', i, 'itemId'], message: `unknown agenda item ${b.itemId}` });
    });
  });
export type MeetingDefinition = z.infer<typeof MeetingDefinition>;
export type MeetingDefinitionInput = z.input<typeof MeetingDefinition>;
