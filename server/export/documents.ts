import type { DocumentVisibility, MeetingDocument } from '../../shared/documents/types.js';
import { sortDocuments } from '../../shared/documents/types.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { dateTime } from './format.js';
import { formatFileSize } from '../../shared/format.js';

/** The documents' part of the record: what was handed to the room, in which versions, by whom, and what was taken back. */
export const DOCUMENT_LABEL = {
  documents: 'Tài liệu',
  meetingDocuments: 'Tài liệu chung của hội nghị',
  title: 'Tài liệu',
  visibility: 'Phạm vi',
  versions: 'Các phiên bản (tải lên lúc, người tải, dung lượng, mã SHA-256)',
  removed: 'Đã gỡ',
  organiser: 'Ban tổ chức',
} as const;

export const VISIBILITY_LABEL: Record<DocumentVisibility, string> = {
  everyone: 'Mọi người',
  participants: 'Đại biểu dự họp',
  presidium: 'Chủ trì, thư ký',
};

export interface DocumentRow {
  title: string;
  visibility: string;
  /** One line per version, oldest first. */
  versions: string[];
  /** When and by whom it was removed, or null. */
  removed: string | null;
}

function row(state: MeetingState, doc: MeetingDocument): DocumentRow {
  const who = (id: string | null) => (id === null ? DOCUMENT_LABEL.organiser : (state.participants.find((p) => p.id === id)?.name ?? id));
  const at = (ms: number) => dateTime(ms, state.timeZone);
  return {
    title: doc.title,
    visibility: VISIBILITY_LABEL[doc.visibility],
    // The fingerprint's first 16 hex digits tell a filed copy from another; the store names the file by all 64.
    versions: doc.versions.map((v) => `v${v.version}: ${at(v.at)}, ${who(v.by)}, ${formatFileSize(v.bytes, 'vi')}, ${v.sha256.slice(0, 16)}`),
    removed: doc.removedAt === null ? null : `${at(doc.removedAt)}, ${who(doc.removedBy)}`,
  };
}

/**
 * The record's documents: the meeting's own and each item's (removed items' too), each with every
 * version and, if removed, when and by whom. The record is the presidium's (canExportRecord), who sees
 * every document, so nothing is filtered here; each row says who could see it.
 */
export function recordDocuments(state: MeetingState): { meeting: DocumentRow[]; byItem: Map<string, DocumentRow[]> } {
  const byItem = new Map<string, DocumentRow[]>();
  const meeting: DocumentRow[] = [];
  for (const doc of sortDocuments(
    state.documents,
    state.agenda.map((i) => i.id),
  )) {
    if (doc.itemId === null) meeting.push(row(state, doc));
    else byItem.set(doc.itemId, [...(byItem.get(doc.itemId) ?? []), row(state, doc)]);
  }
  return { meeting, byItem };
}

export const DOCUMENT_TABLE_HEADER = [DOCUMENT_LABEL.title, DOCUMENT_LABEL.visibility, DOCUMENT_LABEL.versions, DOCUMENT_LABEL.removed];

export const documentTableRow = (r: DocumentRow): string[] => [r.title, r.visibility, r.versions.join('; '), r.removed ?? '—'];
