/** Largest JSON payload a socket command or HTTP body may carry. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Socket.IO drops the connection above this; between the two we answer with `payload-too-large`. */
export const SOCKET_BUFFER_BYTES = 1024 * 1024;
export const MAX_TEXT = 500;
export const MAX_ANNOUNCEMENT = 280;
export const MIN_SPEAKING_SEC = 15;
export const MAX_SPEAKING_SEC = 60 * 60;
export const MAX_PARTICIPANTS = 2000;
export const MAX_AGENDA_ITEMS = 300;
/** A self-review (bản tự kiểm điểm) as written on the tablet: a few pages of plain paragraphs. */
export const MAX_SELF_REVIEW = 20_000;
/** A document's file (docs/DOCUMENTS.md, "Limits"): a 30-page scanned report is well under it. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Every file of a meeting's documents together, each counted once (shared/documents/decide.ts, `storedBytes`). */
export const MAX_MEETING_DOCUMENT_BYTES = 1024 * 1024 * 1024;
/** Documents of one meeting not removed. */
export const MAX_DOCUMENTS = 300;
/** Pages the screen can be asked to show: beyond any meeting document. */
export const MAX_DOCUMENT_PAGE = 10_000;
