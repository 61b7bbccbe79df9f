import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { canExportRecord } from '../../shared/notes/access.js';
import { authenticate } from '../auth/authenticate.js';
import { gatherRecord } from '../export/record.js';
import { countRecordDocument, type PublishedBallot } from '../export/countRecord.js';
import { recordToDocx, recordToPdf } from '../export/docx.js';
import { formalToDocx } from '../export/formalDocx.js';
import { formalToPdf } from '../export/formalPdf.js';
import { recordToMarkdown } from '../export/markdown.js';
import type { Logger } from '../log.js';
import { recountBallot } from '../recount/recount.js';
import type { StoredMeeting, Store } from '../store/store.js';
import { bearer, sameSecret, sendError } from './api.js';

const ExportQuery = z.object({ format: z.enum(['docx', 'md', 'pdf']).default('md') });

const MIME = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

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

/** Sends a file as a download named after `title`. */
function sendFile(res: Response, title: string, format: keyof typeof MIME, body: string | Buffer): void {
  // RFC 5987 leaves only attr-chars unencoded; encodeURIComponent keeps * ' ( ) as they are.
  const utf8Name = encodeURIComponent(`${title}.${format}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName(title, format)}"; filename*=UTF-8''${utf8Name}`);
  res.setHeader('Cache-Control', 'no-store');
  res.type(MIME[format]).send(body);
}

/**
 * `GET /api/meetings/:id/export?format=docx|md|pdf`: the meeting's written record (the minutes as
 * filed); `GET /api/meetings/:id/ballots/:ballotId/record.docx|.pdf`: a published ballot's counting
 * record. Both for the organiser's ADMIN_TOKEN or the chair's or secretary's own link token, as a
 * Bearer token; nobody else (an observer's link included) gets either.
 */
export function exportRouter({ store, log, adminToken }: ExportOptions): express.Router {
  const router = express.Router();

  /** The meeting when the request may export its records; otherwise the refusal is sent and null returned. */
  async function authorised(req: Request, res: Response): Promise<StoredMeeting | null> {
    const token = bearer(req);
    if (!token) return (sendError(res, 'unauthorized', 'Authorization: Bearer <token> required'), null);
    const meetingId = String(req.params.id).slice(0, 64);
    const meeting = await store.loadMeeting(meetingId);
    if (!sameSecret(token, adminToken)) {
      const auth = await authenticate(token, { store, meeting: async () => meeting?.state ?? null }, meetingId);
      if (!auth.ok && auth.failure === 'other-meeting') return (sendError(res, 'forbidden', 'this link belongs to another meeting'), null);
      if (!auth.ok) return (sendError(res, 'unauthorized', 'this link is not valid (anymore)'), null);
      if (!canExportRecord(auth.participant.role)) return (sendError(res, 'forbidden', 'only the chair and the secretary export the record'), null);
    }
    if (!meeting) return (sendError(res, 'not-found', 'no such meeting'), null);
    return meeting;
  }

  router.get('/api/meetings/:id/export', async (req: Request, res: Response) => {
    const query = ExportQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 'invalid-payload', 'format must be docx, md or pdf');
    const meeting = await authorised(req, res);
    if (!meeting) return;
    const record = await gatherRecord(store, meeting.state, Date.now());
    const format = query.data.format;
    log.info('record exported', { meetingId: meeting.state.id, format });
    sendFile(res, meeting.state.title, format, format === 'md' ? recordToMarkdown(record) : format === 'pdf' ? await recordToPdf(record) : await recordToDocx(record));
  });

  for (const format of ['docx', 'pdf'] as const) {
    router.get(`/api/meetings/:id/ballots/:ballotId/record.${format}`, async (req: Request, res: Response) => {
      const meeting = await authorised(req, res);
      if (!meeting) return;
      const ballotId = String(req.params.ballotId).slice(0, 64);
      const ballot = meeting.state.ballots.find((b) => b.id === ballotId);
      if (!ballot) return sendError(res, 'not-found', 'no such ballot');
      // Only what publication showed: before that the counts are sealed, and a cancelled ballot's are gone.
      if (ballot.status !== 'published' || !ballot.results) return sendError(res, 'invalid-state', 'the counting record exists once the results are published');
      const now = Date.now();
      const recount = await recountBallot(store, meeting.state, ballotId, now);
      if (recount.ok && !recount.agrees)
        log.warn('recount does not agree with the published result', { meetingId: meeting.state.id, ballotId, differences: recount.differences.length });
      const document = countRecordDocument(meeting.state, ballot as PublishedBallot, recount, now);
      log.info('counting record exported', { meetingId: meeting.state.id, ballotId, format });
      sendFile(res, `Biên bản kiểm phiếu - ${ballot.title}`, format, format === 'pdf' ? await formalToPdf(document) : await formalToDocx(document));
    });
  }

  return router;
}
