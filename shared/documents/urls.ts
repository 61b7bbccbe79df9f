/**
 * The documents' HTTP routes (docs/DOCUMENTS.md, "HTTP"). Every request carries the link's token as
 * `Authorization: Bearer <token>` (a participant's link, the public observer link, or ADMIN_TOKEN),
 * never in the URL, where it would reach logs and the browser's history.
 *
 *   GET    /api/meetings/:id/documents                     the documents the token may see
 *   POST   /api/meetings/:id/documents?title=&itemId=&visibility=&order=
 *                                                          upload (raw body): presidium or admin
 *   PUT    /api/meetings/:id/documents/:documentId/file    a new version (raw body): presidium or admin
 *   GET    /api/meetings/:id/documents/:documentId/file[?v=N]
 *                                                          the bytes: Range, ETag "<sha256>", If-None-Match
 *   PATCH  /api/meetings/:id/documents/:documentId         admin: { changes } as in `document.edit`
 *   DELETE /api/meetings/:id/documents/:documentId         admin: as `document.remove`
 */
export const documentsPath = (meetingId: string): string => `/api/meetings/${encodeURIComponent(meetingId)}/documents`;

export const documentPath = (meetingId: string, documentId: string): string => `${documentsPath(meetingId)}/${encodeURIComponent(documentId)}`;

/** A version's bytes; without `version`, the current one (then cached only until it changes). */
export const documentFilePath = (meetingId: string, documentId: string, version?: number): string =>
  `${documentPath(meetingId, documentId)}/file${version === undefined ? '' : `?v=${version}`}`;
