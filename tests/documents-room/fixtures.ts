import { createHash } from 'node:crypto';
import type { DocumentVisibility, MeetingDocument } from '../../shared/documents/types.js';

export const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A document as the state holds it; each extra version's file named by `v<n>` of the id. */
export function doc(
  id: string,
  opts: { itemId?: string | null; order?: number; title?: string; versions?: number; bytes?: number; visibility?: DocumentVisibility; removed?: boolean } = {},
): MeetingDocument {
  const versions = Array.from({ length: opts.versions ?? 1 }, (_, i) => ({
    sha256: sha(`${id}-v${i + 1}`),
    bytes: opts.bytes ?? 1000,
    mime: 'application/pdf' as const,
    version: i + 1,
    at: 1000 + i,
    by: 'chair',
  }));
  return {
    id,
    title: opts.title ?? id,
    itemId: opts.itemId ?? null,
    order: opts.order ?? 1,
    visibility: opts.visibility ?? 'participants',
    versions,
    removedAt: opts.removed ? 2000 : null,
    removedBy: opts.removed ? 'chair' : null,
  };
}
