import { z } from 'zod';
import { BallotDraft } from './ballots/draft.js';
import { atLeast, DEFAULT_BALLOT_RULES } from './ballots/rules.js';
import { DEFAULT_OBSERVER_RULES } from './meeting/visibility.js';
import { defaultMembership } from './meeting/state.js';
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
