import { z } from 'zod';
import { MAX_VERSION_LABEL } from './blocks.js';

export { MAX_VERSION_LABEL, plainBlocks, textLength, versionLabelProblem } from './blocks.js';

/**
 * A document's history (docs/YJS.md, "History"): the versions the server keeps of each notes and
 * minutes document, as the console lists, compares and restores them. The server writes these
 * shapes; the client parses every answer with the schemas below before showing it.
 */

/**
 * Why a version was taken. Automatic ones: `auto` (after a few minutes of editing), `transition`
 * (an agenda item opened or closed), `day-end` (the day switched or the meeting finished),
 * `before-wipe` (just before one change that removed more than half of the text), `before-restore`
 * (the text as it was when someone restored an older version). `named`: by the chair or secretary.
 */
export const VERSION_KINDS = ['auto', 'transition', 'day-end', 'before-wipe', 'before-restore', 'named'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VersionLabel = z.string().trim().min(1).max(MAX_VERSION_LABEL);

export const DocVersionMeta = z.object({
  id: z.string().min(1).max(64),
  docName: z.string().min(1).max(128),
  at: z.number().int().nonnegative(),
  kind: z.enum(VERSION_KINDS),
  /** The name given by hand; null for automatic versions. */
  label: z.string().max(MAX_VERSION_LABEL).nullable(),
  /** Who named it or whose restore it preceded; null for automatic versions. */
  by: z.string().nullable(),
  /** Participants whose connections changed the document since the previous version, in the order they first did. */
  editors: z.array(z.string()),
  /** Visible characters of the text, for "what changed" at a glance. */
  textLength: z.number().int().nonnegative(),
});
export type DocVersionMeta = z.infer<typeof DocVersionMeta>;

/** The block kinds of the editor (TipTap's StarterKit, as the export reads them). */
export const BLOCK_TYPES = ['paragraph', 'heading', 'bulletItem', 'orderedItem', 'blockquote', 'rule'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** One block of a document as plain text: enough to compare two versions and to show them. */
export const DocBlock = z.object({
  type: z.enum(BLOCK_TYPES),
  /** Heading level (1–6); absent for other blocks. */
  level: z.number().int().min(1).max(6).optional(),
  text: z.string(),
});
export type DocBlock = z.infer<typeof DocBlock>;

/** A run of text and the participant whose connection inserted it (null: unknown, e.g. written before attribution existed). */
export const AttributedRun = z.object({ text: z.string(), author: z.string().nullable() });
export type AttributedRun = z.infer<typeof AttributedRun>;

export const AttributedBlock = z.object({
  type: z.enum(BLOCK_TYPES),
  level: z.number().int().min(1).max(6).optional(),
  runs: z.array(AttributedRun),
});
export type AttributedBlock = z.infer<typeof AttributedBlock>;

/** `GET /api/meetings/:id/docs/:docName/versions`, newest first. */
export const VersionList = z.object({ versions: z.array(DocVersionMeta) });
export type VersionList = z.infer<typeof VersionList>;

/** `GET /api/meetings/:id/docs/:docName/versions/:versionId`. */
export const VersionContent = z.object({ version: DocVersionMeta, blocks: z.array(DocBlock) });
export type VersionContent = z.infer<typeof VersionContent>;

/** `GET /api/meetings/:id/docs/:docName/current`: the text as it is now, each run with its author. */
export const CurrentContent = z.object({ blocks: z.array(AttributedBlock) });
export type CurrentContent = z.infer<typeof CurrentContent>;

/**
 * A change that removes more than this share of the visible text is a wipe: a version of the text
 * before it is taken first (docs/YJS.md, "History").
 */
export const WIPE_SHARE = 0.5;
