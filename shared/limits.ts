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
