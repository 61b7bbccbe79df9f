import express from 'express';
import { z } from 'zod';
import { isVoter } from '../../shared/meeting/roles.js';
import type { OwnSelfAssessment } from '../../shared/review/selfAssessmentWire.js';
import { authenticate, roomStates } from '../auth/authenticate.js';
import type { Logger } from '../log.js';
import type { Rooms } from '../realtime/rooms.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { bearer, sendError } from './api.js';

const Params = z.object({ id: z.string().min(1).max(64) });

export interface SelfAssessmentOptions {
  store: Store;
  log: Logger;
  rooms: Rooms;
}

/**
 * `GET /api/meetings/:id/self-assessment` with the participant's own link token: their own
 * self-assessment, to edit it before it is disclosed. There is no way to name anyone else's: until
 * disclosed it is read from the store for its author alone (docs/BALLOTS.md, "Self-assessment").
 */
export function selfAssessmentRouter({ store, log, rooms }: SelfAssessmentOptions): express.Router {
  const router = express.Router();
  router.get('/api/meetings/:id/self-assessment', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const params = Params.safeParse(req.params);
      if (!params.success) return sendError(res, 'invalid-payload', 'malformed meeting id');
      const token = bearer(req);
      if (!token) return sendError(res, 'unauthorized', 'Authorization: Bearer <token> required');
      const auth = await authenticate(token, { store, meeting: roomStates(rooms) }, params.data.id);
      if (!auth.ok && auth.failure === 'other-meeting') return sendError(res, 'forbidden', 'this link belongs to another meeting');
      if (!auth.ok) return sendError(res, 'unauthorized', 'this link is not valid (anymore)');
      if (!isVoter(auth.participant)) return sendError(res, 'forbidden', 'only a voting member of the body has a self-assessment');
      const room = await rooms.get(params.data.id);
      if (!room) return sendError(res, 'not-found', 'no such meeting');
      // Another instance may have just taken the submission or the disclosure: answer from the stored version.
      await room.refresh();
      const { state } = room.current();
      const id = auth.participant.id;
      // Once disclosed, the body's copy is the one: the member sees what everyone saw.
      const shown = state.disclosed[id];
      const stored = shown ?? (Object.hasOwn(state.selfAssessed, id) ? (await store.readSelfAssessments(params.data.id, [id]))[id] : undefined);
      const body: OwnSelfAssessment = { assessment: stored ?? null, disclosed: shown !== undefined };
      res.json(body);
    } catch (e) {
      if (e instanceof StoreUnavailableError) return sendError(res, 'store-unavailable', 'the store is unavailable');
      log.error('self-assessment request failed', { err: e instanceof Error ? e.stack : String(e) });
      sendError(res, 'internal', 'unexpected server error');
    }
  });
  return router;
}
