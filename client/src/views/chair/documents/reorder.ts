import { sortDocuments, type MeetingDocument } from '../../../../../shared/documents/types.js';

/**
 * The `document.edit` orders that move one document a place up (-1) or down (+1) among the live
 * documents of its item (or of the meeting). The siblings are renumbered 1, 2, 3 … as they then
 * stand, so ties left by the definition or an upload are settled once and a move is always a move;
 * only the documents whose number changes are edited.
 */
export function reorder(docs: readonly MeetingDocument[], documentId: string, step: -1 | 1): { documentId: string; order: number }[] {
  const doc = docs.find((d) => d.id === documentId);
  if (!doc) return [];
  const siblings = sortDocuments(docs.filter((d) => d.itemId === doc.itemId && d.removedAt === null));
  const from = siblings.findIndex((d) => d.id === documentId);
  const to = from + step;
  if (from === -1 || to < 0 || to >= siblings.length) return [];
  const moved = [...siblings];
  [moved[from], moved[to]] = [moved[to], moved[from]];
  return moved.flatMap((d, i) => (d.order === i + 1 ? [] : [{ documentId: d.id, order: i + 1 }]));
}
