import { z } from 'zod';
import type * as Y from 'yjs';
import { MAX_DOCUMENT_PAGE } from '../../../../shared/limits.js';

/**
 * A participant's private annotations (docs/DOCUMENTS.md, "Annotations"), kept in their own Yjs
 * document `annotations-<participantId>` under the map `annotations`, one entry per highlight,
 * keyed by its id. A highlight is a rectangle of a page, in fractions of the page's width and height
 * (0..1), so it covers the same words at any zoom, on any device; the note is optional.
 */
export const ANNOTATIONS_MAP = 'annotations';
export const ANNOTATION_COLORS = ['yellow', 'green', 'pink', 'blue'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];
export const MAX_NOTE_CHARS = 4000;

const Fraction = z.number().min(0).max(1);

export const Annotation = z.object({
  id: z.string().min(1).max(40),
  documentId: z.string().min(1).max(80),
  /** The document's version the highlight was made on: a replaced document's pages may differ. */
  version: z.number().int().min(1),
  page: z.number().int().min(1).max(MAX_DOCUMENT_PAGE),
  rect: z.object({ x: Fraction, y: Fraction, w: Fraction, h: Fraction }),
  color: z.enum(ANNOTATION_COLORS),
  note: z.string().max(MAX_NOTE_CHARS),
  /** When it was made (device time), for the export's order. */
  at: z.number().int().min(0),
});
export type Annotation = z.infer<typeof Annotation>;

/**
 * Every well-formed annotation in the document, by document, version, page, then position on the
 * page. An entry another (older or newer) app wrote in a shape this one does not know is left alone
 * and not shown, never a crash.
 */
export function readAnnotations(map: Y.Map<unknown>): Annotation[] {
  const out: Annotation[] = [];
  for (const value of map.values()) {
    const parsed = Annotation.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.version - b.version || a.page - b.page || a.rect.y - b.rect.y || a.rect.x - b.rect.x || a.at - b.at);
}

/** Keeps a rectangle inside its page, whatever the pointer did. */
export function clampRect(r: { x: number; y: number; w: number; h: number }): Annotation['rect'] {
  const x = Math.min(Math.max(r.x, 0), 1);
  const y = Math.min(Math.max(r.y, 0), 1);
  return { x, y, w: Math.min(Math.max(r.w, 0), 1 - x), h: Math.min(Math.max(r.h, 0), 1 - y) };
}

export function newAnnotationId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 20);
}
