import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { decideDocumentAs } from '../../shared/documents/decide.js';
import { sortDocuments, type MeetingDocument } from '../../shared/documents/types.js';
import { documentsFor } from '../../shared/documents/visibility.js';
import { error } from '../../shared/errors.js';
import { MAX_DOCUMENT_BYTES, MAX_MEETING_DOCUMENT_BYTES, MAX_PAYLOAD_BYTES } from '../../shared/limits.js';
import { Command } from '../../shared/meeting/commands.js';
import type { FileStore } from '../files/fileStore.js';
import { S3Error } from '../files/s3Store.js';
import type { Logger } from '../log.js';
import type { MeetingRoom } from '../realtime/room.js';
import type { Rooms } from '../realtime/rooms.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { audienceOfAsker, DocumentParams, MeetingParams, refuse, sendRefusal, whoAsks, type Asker } from './documentsAccess.js';
import { sendVersion } from './documentsFile.js';
import { upload, UploadQuery, type UploadLimits } from './documentsUpload.js';

export interface DocumentsOptions {
  store: Store;
  files: FileStore;
  rooms: Rooms;
  log: Logger;
  adminToken: string;
  /** Several instances share the store: a room's cached copy is checked against it before answering. */
  clustered: boolean;
  limits?: Partial<UploadLimits>;
}

const VersionQuery = z.object({ v: z.coerce.number().int().min(1).max(1_000_000).optional() }).strict();
const EditBody = z.object({ changes: z.unknown() }).strict();

/**
 * The documents' HTTP routes (shared/documents/urls.ts, docs/DOCUMENTS.md "HTTP"). Mounted before the
 * JSON API, whose body parser must not take the uploads' raw bodies. Whatever the route, a document
 * the asker may not see answers exactly as one that does not exist (404), so its existence does not leak.
 */
export function documentsRouter(opts: DocumentsOptions): express.Router {
  const { store, files, rooms, log, adminToken, clustered } = opts;
  const limits: UploadLimits = { maxFileBytes: opts.limits?.maxFileBytes ?? MAX_DOCUMENT_BYTES, maxMeetingBytes: opts.limits?.maxMeetingBytes ?? MAX_MEETING_DOCUMENT_BYTES };
  const router = express.Router();
  const base = '/api/meetings/:id/documents';

  /** The asker and the meeting's room, current; null once a refusal is sent. */
  async function open(req: Request, res: Response): Promise<{ asker: Asker; room: MeetingRoom } | null> {
    res.setHeader('Cache-Control', 'no-store');
    const params = MeetingParams.safeParse(req.params);
    if (!params.success) return (refuse(res, 'not-found', 'no such meeting'), null);
    const asker = await whoAsks(req, res, { store, rooms, adminToken }, params.data.id);
    if (!asker) return null;
    const room = await rooms.get(params.data.id);
    if (!room) return (refuse(res, 'not-found', 'no such meeting'), null);
    // Another instance may just have added, moved or hidden a document.
    if (clustered) await room.refresh();
    return { asker, room };
  }

  /** The document as the asker may see it, or null (refusal sent) when they may not or it does not exist. */
  function visible(res: Response, room: MeetingRoom, asker: Asker, documentId: string): MeetingDocument | null {
    const doc = documentsFor(audienceOfAsker(asker), room.current().state).documents.find((d) => d.id === documentId);
    if (!doc) refuse(res, 'not-found', 'no such document');
    return doc ?? null;
  }

  router.get(base, async (req, res) => {
    const opened = await open(req, res);
    if (!opened) return;
    const { state } = opened.room.current();
    const { documents } = documentsFor(audienceOfAsker(opened.asker), state);
    res.json({
      ok: true,
      version: opened.room.current().version,
      documents: sortDocuments(
        documents,
        state.agenda.map((i) => i.id),
      ),
    });
  });

  router.post(base, async (req, res) => {
    const query = UploadQuery.safeParse(req.query);
    if (!query.success) return refuse(res, 'invalid-payload', `query: ${query.error.issues[0]?.path.join('.')}: ${query.error.issues[0]?.message}`);
    const opened = await open(req, res);
    if (!opened) return;
    await upload(req, res, { files, log, limits }, opened.room, opened.asker, { type: 'document.add', ...query.data });
  });

  router.put(`${base}/:documentId/file`, async (req, res) => {
    const ids = DocumentParams.safeParse(req.params);
    if (!ids.success) return refuse(res, 'not-found', 'no such document');
    const opened = await open(req, res);
    if (!opened) return;
    await upload(req, res, { files, log, limits }, opened.room, opened.asker, { type: 'document.replace', documentId: ids.data.documentId });
  });

  router.get(`${base}/:documentId/file`, async (req, res) => {
    const ids = DocumentParams.safeParse(req.params);
    const query = VersionQuery.safeParse(req.query);
    if (!ids.success || !query.success) return refuse(res, 'not-found', 'no such document');
    const opened = await open(req, res);
    if (!opened) return;
    const doc = visible(res, opened.room, opened.asker, ids.data.documentId);
    if (!doc) return;
    const v = query.data.v;
    const version = v === undefined ? doc.versions[doc.versions.length - 1] : doc.versions.find((x) => x.version === v);
    if (!version) return refuse(res, 'not-found', 'no such version');
    res.removeHeader('Cache-Control');
    await sendVersion(req, res, files, version, doc.title, v !== undefined);
  });

  // The organiser's edits; the presidium's own go through the socket (`document.edit`, `document.remove`).
  const adminCommand = async (req: Request, res: Response, command: (documentId: string) => unknown) => {
    const ids = DocumentParams.safeParse(req.params);
    if (!ids.success) return refuse(res, 'not-found', 'no such document');
    const opened = await open(req, res);
    if (!opened) return;
    if (opened.asker.kind !== 'admin') return refuse(res, 'forbidden', 'Authorization: Bearer <ADMIN_TOKEN> required');
    const parsed = Command.safeParse(command(ids.data.documentId));
    if (!parsed.success) return refuse(res, 'invalid-payload', `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    const cmd = parsed.data as Extract<Command, { type: 'document.edit' | 'document.remove' }>;
    const ack = await opened.room.system((state, now) => decideDocumentAs(state, cmd, null, { now, newId: () => '' }));
    if (!ack.ok) return sendRefusal(res, ack.error);
    const document = opened.room.current().state.documents.find((d) => d.id === ids.data.documentId);
    res.json({ ok: true, version: ack.version, document });
  };

  router.patch(`${base}/:documentId`, express.json({ limit: MAX_PAYLOAD_BYTES, strict: true }), async (req, res) => {
    const body = EditBody.safeParse(req.body);
    if (!body.success) return refuse(res, 'invalid-payload', 'the body is { "changes": { title?, itemId?, order?, visibility? } }');
    await adminCommand(req, res, (documentId) => ({ type: 'document.edit', documentId, changes: body.data.changes }));
  });

  router.delete(`${base}/:documentId`, (req, res) => adminCommand(req, res, (documentId) => ({ type: 'document.remove', documentId })));

  router.use(base, (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return sendRefusal(res, error('payload-too-large', `bodies are limited to ${MAX_PAYLOAD_BYTES} bytes`));
    if (type !== undefined && (err as { status?: number }).status! < 500) return sendRefusal(res, error('invalid-payload', 'the body is not valid JSON'));
    if (err instanceof StoreUnavailableError || err instanceof S3Error) {
      log.error('documents: a store is unavailable', { err: err.message });
      return sendRefusal(res, error('store-unavailable', 'the store is unavailable'));
    }
    log.error('documents request failed', { method: req.method, err: err instanceof Error ? err.stack : String(err) });
    sendRefusal(res, error('internal', 'unexpected server error'));
  });
  return router;
}
