import { z } from 'zod';
import { BallotDraft } from '../ballots/draft.js';
import { PIN_PATTERN } from '../ballots/pin.js';
import { AgendaItemFields, Slug } from '../definition.js';
import { MAX_ANNOUNCEMENT, MAX_SELF_REVIEW, MAX_SPEAKING_SEC, MAX_TEXT, MIN_SPEAKING_SEC } from '../limits.js';
import { VersionLabel } from '../notes/history.js';
import { REQUEST_KINDS, SCREEN_SHOWS } from './state.js';
import { DOCUMENT_VISIBILITIES } from '../documents/types.js';
import { MAX_DOCUMENT_PAGE } from '../limits.js';

/** Ids the server generates (items added live, floor requests): anything short and URL-safe. */
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** A voting PIN as typed; whether it is too easy to guess is `pinWeakness`'s to say. */
/** A stored file's name: its SHA-256, lowercase hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256, 64 lowercase hex digits');
const Pin = z.string().regex(PIN_PATTERN, 'a PIN is 4 to 8 digits');
const Seconds = z.number().int().min(MIN_SPEAKING_SEC).max(MAX_SPEAKING_SEC);
/** A ballot paper as sent (shared/ballots/paper.ts): answers by row; whether they fit the ballot is `checkPaper`'s to say. */
export const Paper = z.record(z.string().max(40), z.string().max(40)).refine((p) => Object.keys(p).length <= 200, 'too many rows');

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape }).strict();

/**
 * Every command a client may send, as it travels: the wire half of each command. Who may issue it,
 * what it means and what the server does around it are its entry in `registry.ts`, which the
 * compiler requires for every type listed here.
 */
export const Command = z.discriminatedUnion('type', [
  cmd('meeting.start', {}),
  cmd('meeting.finish', {}),
  cmd('day.switch', { day: z.number().int().min(1).max(31) }),

  cmd('agenda.open', { itemId: Id }),
  cmd('agenda.next', {}),
  cmd('agenda.previous', {}),
  cmd('agenda.complete', { itemId: Id }),
  cmd('agenda.skip', { itemId: Id }),
  cmd('agenda.reorder', { itemIds: z.array(Id).min(1).max(500) }),
  cmd('agenda.add', { item: AgendaItemFields.strict(), afterItemId: Id.optional() }),
  cmd('agenda.update', { itemId: Id, changes: AgendaItemFields.partial().strict() }),
  cmd('agenda.remove', { itemId: Id }),

  // Queue commands act on the active item; `itemId`, when given, guards against acting on a stale screen.
  cmd('queue.request', { kind: z.enum(REQUEST_KINDS), participantId: Slug.optional(), itemId: Id.optional() }),
  cmd('queue.withdraw', { requestId: Id, itemId: Id.optional() }),
  cmd('queue.give', { requestId: Id.optional(), participantId: Slug.optional(), itemId: Id.optional() }),
  // `participantId`, when given, names the speaker the chair saw: a speech that already ended is not ended twice.
  cmd('queue.end', { participantId: Slug.optional(), itemId: Id.optional() }),
  cmd('queue.extend', { seconds: z.number().int().min(10).max(MAX_SPEAKING_SEC), participantId: Slug.optional(), itemId: Id.optional() }),
  cmd('queue.reorder', { requestIds: z.array(Id).max(2000), itemId: Id.optional() }),
  cmd('queue.setOpen', { open: z.boolean(), itemId: Id.optional() }),
  cmd('queue.setSpeakingTime', { seconds: Seconds, itemId: Id.optional() }),

  // The sender's own "I am present" (an explicit tap); refused over the chair's or secretary's mark.
  cmd('attendance.checkIn', {}),
  cmd('attendance.mark', { participantId: Slug, status: z.enum(['present', 'absent', 'excused']) }),
  // Everyone connected now and not yet marked, present; the answer says how many (`marked`).
  cmd('attendance.markConnected', {}),

  cmd('announcement.post', {
    text: z.string().trim().min(1).max(MAX_ANNOUNCEMENT),
    countdownSec: z
      .number()
      .int()
      .min(10)
      .max(4 * 3600)
      .optional(),
  }),
  cmd('announcement.clear', {}),

  cmd('link.reissue', { participantId: Slug }),

  // `documentId` and `page` name the document page to show ("chiếu tài liệu"); turning a page is showing the next one.
  cmd('screen.show', { show: z.enum(SCREEN_SHOWS), ballotId: Id.optional(), documentId: Id.optional(), page: z.number().int().min(1).max(MAX_DOCUMENT_PAGE).optional() }),

  cmd('ballot.create', { ballot: BallotDraft }),
  cmd('ballot.update', { ballotId: Id, ballot: BallotDraft }),
  cmd('ballot.open', { ballotId: Id }),
  cmd('ballot.close', { ballotId: Id }),
  cmd('ballot.publish', { ballotId: Id }),
  cmd('ballot.cancel', { ballotId: Id, reason: z.string().trim().min(1).max(MAX_TEXT) }),
  // The PIN authorises the paper (docs/BALLOTS.md, "Voting PIN"); the server checks and drops it before the rules see the paper.
  cmd('ballot.vote', { ballotId: Id, paper: Paper, pin: Pin.optional() }),
  // Sets the sender's own voting PIN; changing one needs the current PIN.
  cmd('pin.set', { pin: Pin, currentPin: Pin.optional() }),

  // A document's history (docs/YJS.md, "History"): a version named by hand, or an older one restored.
  cmd('notes.nameVersion', { docName: z.string().min(1).max(128), label: VersionLabel }),
  cmd('notes.restore', { docName: z.string().min(1).max(128), versionId: Id }),

  // The sender's own self-assessment (shared/review/selfAssessment.ts): whether the level and scores
  // fit the meeting's form is the rules' to say. The content goes to the store, never into the events.
  cmd('review.submitSelf', {
    level: z.string().min(1).max(40),
    scores: z.record(z.string().max(40), z.number().finite()).refine((s) => Object.keys(s).length <= 12, 'too many criteria groups'),
    exceededShare: z.number().min(0).max(100).optional(),
    text: z.string().max(MAX_SELF_REVIEW),
  }),
  // The counting committee (docs/BALLOTS.md, "Counting committee"): appointed by the chair, named or as a
  // published ballot approved it; each member confirms a closed tally by its fingerprint.
  cmd('committee.appoint', { members: z.array(Slug).min(1).max(9), ballotId: Id.optional() }),
  // The meeting's documents (docs/DOCUMENTS.md). The file is uploaded over HTTP first and named here
  // by its SHA-256 (`blob`); the upload route issues these commands itself for the console.
  cmd('document.add', {
    blob: Sha256,
    title: z.string().trim().min(1).max(MAX_TEXT),
    itemId: Id.nullable().optional(),
    visibility: z.enum(DOCUMENT_VISIBILITIES),
    order: z.number().int().min(0).max(100_000).optional(),
  }),
  cmd('document.replace', { documentId: Id, blob: Sha256 }),
  cmd('document.edit', {
    documentId: Id,
    changes: z
      .object({
        title: z.string().trim().min(1).max(MAX_TEXT).optional(),
        itemId: Id.nullable().optional(),
        order: z.number().int().min(0).max(100_000).optional(),
        visibility: z.enum(DOCUMENT_VISIBILITIES).optional(),
      })
      .strict(),
  }),
  cmd('document.remove', { documentId: Id }),
  cmd('ballot.confirm', { ballotId: Id, fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint, 64 hex digits') }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

// The registry's keys, which the compiler keeps equal to the schemas' types.
export { COMMAND_TYPES, isCommandType } from './registry.js';
