import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { canExportRecord } from '../../shared/notes/access.js';
import { authenticate } from '../auth/authenticate.js';
import { gatherRecord } from '../export/record.js';
import { recordToDocx } from '../export/docx.js';
import { recordToMarkdown } from '../export/markdown.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { bearer, sameSecret, sendError } from './api.js';

const ExportQuery = z.object({ format: z.enum(['docx', 'md']).default('md') });

export interface ExportOptions {
  store: Store;
  log: Logger;
  adminToken: string;
}

/** A file name from the title, ASCII only (Content-Disposition's plain `filename` is Latin-1). */
function fileName(title: string, ext: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return `${
    ascii
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'bien-ban'
  }.${ext}`;
}

/**
 * `GET /api/meetings/:id/export?format=docx|md`: the meeting's written record. The organiser's
 * ADMIN_TOKEN or the chair's or secretary's own link token, as a Bearer token.
 */
export function exportRouter({ store, log, adminToken }: ExportOptions): express.Router {
  const router = express.Router();

  router.get('/api/meetings/:id/export', async (req: Request, res: Response) => {
    const query = ExportQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 'invalid-payload', 'format must be docx or md');
    const token = bearer(req);
    if (!token) return sendError(res, 'unauthorized', 'Authorization: Bearer <token> required');
    const meetingId = String(req.params.id).slice(0, 64);
    const meeting = await store.loadMeeting(meetingId);

    if (!sameSecret(token, adminToken)) {
      const auth = await authenticate(token, { store, meeting: async () => meeting?.state ?? null }, meetingId);
      if (!auth.ok && auth.failure === 'other-meeting') return sendError(res, 'forbidden', 'this link belongs to another meeting');
      if (!auth.ok) return sendError(res, 'unauthorized', 'this link is not valid (anymore)');
      if (!canExportRecord(auth.participant.role)) return sendError(res, 'forbidden', 'only the chair and the secretary export the record');
    }
    if (!meeting) return sendError(res, 'not-found', 'no such meeting');

    const record = await gatherRecord(store, meeting.state, Date.now());
    log.info('record exported', { meetingId, format: query.data.format });
    const name = fileName(meeting.state.title, query.data.format);
    // RFC 5987 leaves only attr-chars unencoded; encodeURIComponent keeps * ' ( ) as they are.
    const utf8Name = encodeURIComponent(`${meeting.state.title}.${query.data.format}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${utf8Name}`);
    res.setHeader('Cache-Control', 'no-store');
    if (query.data.format === 'md') {
      res.type('text/markdown; charset=utf-8').send(recordToMarkdown(record));
    } else {
      res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(await recordToDocx(record));
    }
  });

  return router;
}
