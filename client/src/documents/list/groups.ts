import { sortDocuments, type MeetingDocument } from '../../../../shared/documents/types.js';
import type { AgendaItem } from '../../../../shared/meeting/state.js';

export type DocumentGroup =
  | { kind: 'open-item'; item: AgendaItem; number: number; documents: MeetingDocument[] }
  | { kind: 'meeting'; documents: MeetingDocument[] }
  | { kind: 'item'; item: AgendaItem; number: number; documents: MeetingDocument[] };

/**
 * The tablet's list in the order a participant reaches for papers: the item being discussed first,
 * then the meeting's own, then the other items in agenda order, each in the presidium's order. A
 * document of an item not on the agenda any more is listed with the meeting's rather than lost.
 */
export function groupDocuments(docs: readonly MeetingDocument[], agenda: readonly AgendaItem[], openItemId: string | null): DocumentGroup[] {
  const live = sortDocuments(
    docs.filter((d) => d.removedAt === null),
    agenda.map((i) => i.id),
  );
  const number = (id: string) => agenda.findIndex((i) => i.id === id) + 1;
  const groups: DocumentGroup[] = [];
  const open = openItemId ? agenda.find((i) => i.id === openItemId) : undefined;
  const onAgenda = new Set(agenda.map((i) => i.id));
  if (open) {
    const documents = live.filter((d) => d.itemId === open.id);
    if (documents.length > 0) groups.push({ kind: 'open-item', item: open, number: number(open.id), documents });
  }
  const meeting = live.filter((d) => d.itemId === null || !onAgenda.has(d.itemId));
  if (meeting.length > 0) groups.push({ kind: 'meeting', documents: meeting });
  for (const item of agenda) {
    if (item.id === open?.id) continue;
    const documents = live.filter((d) => d.itemId === item.id);
    if (documents.length > 0) groups.push({ kind: 'item', item, number: number(item.id), documents });
  }
  return groups;
}
