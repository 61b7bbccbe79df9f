import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { committeePublishes, publishedResults } from '../../shared/review/publication.js';
import { tallyFingerprint } from '../../shared/review/fingerprint.js';
import type { CommitteeCount } from '../../shared/review/count.js';
import { authenticate, roomStates } from '../auth/authenticate.js';
import type { Logger } from '../log.js';
import type { Rooms } from '../realtime/rooms.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { bearer, sendError } from './api.js';

const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const Params = z.object({ id: Slug, ballotId: Slug });

/**
 * `GET /api/meetings/:id/ballots/:ballotId/count` (docs/PROTOCOL.md, "Counting committee"), with the
 * participant's own link token as a Bearer token: the tally publication would show, and its
 * fingerprint, to the members of the counting committee only (never the chair, the secretary, other
 * members, observers or the screen), and only while the ballot is closed and unpublished. It is the
 * shared `tally()` of the sealed counts, under the small-count rule: the committee sees counts,
 * never papers (docs/BALLOTS.md, "Anonymity").
 */
export function countRouter({ store, log, rooms }: { store: Store; log: Logger; rooms: Rooms }): express.Router {
  const router = express.Router();
  router.get('/api/meetings/:id/ballots/:ballotId/count', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const params = Params.safeParse(req.params);
      if (!params.success) return sendError(res, 'invalid-payload', 'malformed meeting or ballot id');
      const token = bearer(req);
      if (!token) return sendError(res, 'unauthorized', 'Authorization: Bearer <token> required');
      const { id, ballotId } = params.data;
      const auth = await authenticate(token, { store, meeting: roomStates(rooms) }, id);
      if (!auth.ok && auth.failure === 'other-meeting') return sendError(res, 'forbidden', 'this link belongs to another meeting');
      if (!auth.ok) return sendError(res, 'unauthorized', 'this link is not valid (anymore)');
      const room = await rooms.get(id);
      if (!room) return sendError(res, 'not-found', `no meeting ${id}`);
      // Another instance may have appointed the committee or closed the ballot a moment ago.
      await room.refresh();
      const { state } = room.current();
      if (!state.committee?.members.includes(auth.participant.id)) return sendError(res, 'forbidden', 'only the counting committee reads a count before it is published');
      const ballot = state.ballots.find((b) => b.id === ballotId);
      if (!ballot) return sendError(res, 'not-found', `no ballot ${ballotId}`);
      if (ballot.status !== 'closed' || !committeePublishes(state, ballot))
        return sendError(res, 'invalid-state', `the ballot is ${ballot.status}: there is no count waiting for the committee`);
      const results = publishedResults(state, ballot, await store.readCounts(id, ballot.id));
      const body: CommitteeCount = { ballotId: ballot.id, results, fingerprint: tallyFingerprint(ballot.id, results) };
      res.json(body);
    } catch (e) {
      if (e instanceof StoreUnavailableError) return sendError(res, 'store-unavailable', 'the store is unavailable');
      // By its class only: a message could quote the counts.
      log.error('count request failed', { err: e instanceof Error ? e.name : 'unknown' });
      sendError(res, 'internal', 'unexpected server error');
    }
  });
  return router;
}
