import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { canReviewHistory, canSeeAuthors } from '../../shared/notes/access.js';
import { isMeetingDoc } from '../../shared/notes/decide.js';
import type { CurrentContent, VersionContent, VersionList } from '../../shared/notes/history.js';
import type { Participant } from '../../shared/meeting/state.js';
import { authenticate, roomStates } from '../auth/authenticate.js';
import type { Logger } from '../log.js';
import type { Rooms } from '../realtime/rooms.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { blocksOfState } from '../yjs/docBlocks.js';
import { currentAttributed, publicMeta } from '../yjs/history.js';
import { bearer, sendError } from './api.js';

const Params = z.object({
  id: z.string().min(1).max(64),
  docName: z.string().min(1).max(128),
  versionId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});

export interface HistoryOptions {
  store: Store;
  log: Logger;
  rooms: Rooms;
}

/**
 * A document's history and authors (docs/YJS.md, "History", "Attribution"), with the participant's
 * own link token as a Bearer token:
 * - `GET /api/meetings/:id/docs/:docName/versions`: its versions, newest first (chair, secretary);
 * - `GET /api/meetings/:id/docs/:docName/versions/:versionId`: one version's blocks (chair, secretary);
 * - `GET /api/meetings/:id/docs/:docName/current`: the text now, each run with its author (those in the room).
 */
export function historyRouter({ store, log, rooms }: HistoryOptions): express.Router {
  const router = express.Router();

  /** The participant behind the request, allowed by `may`, and the parameters; or the error answered. */
  const admit = async (req: Request, res: Response, may: (p: Participant) => boolean, refusal: string) => {
    const params = Params.safeParse(req.params);
    if (!params.success) return void sendError(res, 'invalid-payload', 'malformed meeting, document or version id');
    const token = bearer(req);
    if (!token) return void sendError(res, 'unauthorized', 'Authorization: Bearer <token> required');
    const { id, docName } = params.data;
    const auth = await authenticate(token, { store, meeting: roomStates(rooms) }, id);
    if (!auth.ok && auth.failure === 'other-meeting') return void sendError(res, 'forbidden', 'this link belongs to another meeting');
    if (!auth.ok) return void sendError(res, 'unauthorized', 'this link is not valid (anymore)');
    if (!may(auth.participant)) return void sendError(res, 'forbidden', refusal);
    const room = await rooms.get(id);
    if (!room || !isMeetingDoc(room.current().state, docName)) return void sendError(res, 'not-found', `no document ${docName} in this meeting`);
    return params.data;
  };

  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      res.setHeader('Cache-Control', 'no-store');
      await handler(req, res);
    } catch (e) {
      if (e instanceof StoreUnavailableError) return sendError(res, 'store-unavailable', 'the store is unavailable');
      log.error('history request failed', { err: e instanceof Error ? e.stack : String(e) });
      sendError(res, 'internal', 'unexpected server error');
    }
  };

  const reviewer = (p: Participant) => canReviewHistory(p.role);
  const NOT_REVIEWER = "only the chair and the secretary see a document's history";

  router.get(
    '/api/meetings/:id/docs/:docName/versions',
    guarded(async (req, res) => {
      const ok = await admit(req, res, reviewer, NOT_REVIEWER);
      if (!ok) return;
      const versions = await store.listDocVersions(ok.id, ok.docName);
      const body: VersionList = { versions: versions.map(publicMeta) };
      res.json(body);
    }),
  );

  router.get(
    '/api/meetings/:id/docs/:docName/versions/:versionId',
    guarded(async (req, res) => {
      const ok = await admit(req, res, reviewer, NOT_REVIEWER);
      if (!ok) return;
      const version = await store.loadDocVersion(ok.id, ok.docName, ok.versionId ?? '');
      if (!version) return sendError(res, 'not-found', `no version ${ok.versionId} of ${ok.docName}`);
      const body: VersionContent = { version: publicMeta(version.meta), blocks: blocksOfState(version.state) };
      res.json(body);
    }),
  );

  router.get(
    '/api/meetings/:id/docs/:docName/current',
    guarded(async (req, res) => {
      const ok = await admit(req, res, (p) => canSeeAuthors(p.role), 'the public link and the room screen do not see who wrote what');
      if (!ok) return;
      const body: CurrentContent = { blocks: await currentAttributed(store, ok.id, ok.docName) };
      res.json(body);
    }),
  );

  return router;
}
