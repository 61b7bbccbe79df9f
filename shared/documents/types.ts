/**
 * The meeting's documents ("phòng họp không giấy", docs/DOCUMENTS.md): PDFs and images attached to
 * the meeting or to an agenda item. The state holds what they are; their bytes live in the file store
 * (server/files/), named by their SHA-256, and never in the state or the events.
 */

/** Who may see a document, on every path (list, download, export, the screen): shared/documents/visibility.ts. */
export const DOCUMENT_VISIBILITIES = ['everyone', 'participants', 'presidium'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

/** What the server accepts, decided by the bytes (server/files/sniff.ts), never by a file's name. */
export const DOCUMENT_MIMES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type DocumentMime = (typeof DOCUMENT_MIMES)[number];

export const isPdf = (mime: DocumentMime): boolean => mime === 'application/pdf';

/** What the file store knows of a stored file: the facts a decision about a document rests on. */
export interface BlobFacts {
  /** Lowercase hex SHA-256 of the bytes: the file's name in the store, and its ETag. */
  sha256: string;
  bytes: number;
  mime: DocumentMime;
}

/** One upload of a document: the first, or a replacement. Numbered from 1. */
export interface DocumentVersion extends BlobFacts {
  version: number;
  /** Server time of the upload. */
  at: number;
  /** Who uploaded it: a participant id, or null for the organiser (admin API, the CLI's definition files). */
  by: string | null;
}

export interface MeetingDocument {
  id: string;
  title: string;
  /** The agenda item it belongs to, or null for the meeting as a whole. */
  itemId: string | null;
  /** Position among the documents of the same item (or of the meeting), smallest first; ties by title. */
  order: number;
  visibility: DocumentVisibility;
  /** Every upload, oldest first; the last is the current one. Never empty. */
  versions: DocumentVersion[];
  /**
   * Set when the presidium removed it: the presidium's state keeps it for the record; everyone else's
   * state drops it (shared/documents/visibility.ts).
   */
  removedAt: number | null;
  removedBy: string | null;
}

export const currentVersion = (doc: MeetingDocument): DocumentVersion => doc.versions[doc.versions.length - 1];

/** The fields the presidium edits after the upload (`document.edit`). */
export interface DocumentFields {
  title: string;
  itemId: string | null;
  order: number;
  visibility: DocumentVisibility;
}

/** Documents in reading order: the meeting's own first, then by item in agenda order, each by `order` then title. */
export function sortDocuments(docs: readonly MeetingDocument[], agendaOrder: readonly string[] = []): MeetingDocument[] {
  const rank = (itemId: string | null) => (itemId === null ? -1 : agendaOrder.indexOf(itemId) === -1 ? agendaOrder.length : agendaOrder.indexOf(itemId));
  return [...docs].sort((a, b) => rank(a.itemId) - rank(b.itemId) || a.order - b.order || a.title.localeCompare(b.title, 'vi'));
}
