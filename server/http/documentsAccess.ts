import type { Request, Response } from 'express';
import { z } from 'zod';
import { audienceOf, type Audience } from '../../shared/meeting/audience.js';
import type { Participant } from '../../shared/meeting/state.js';
import { error, type ErrorInfo } from '../../shared/errors.js';
import { authenticate, roomStates } from '../auth/authenticate.js';
import type { Rooms } from '../realtime/rooms.js';
import type { Store } from '../store/store.js';
import { bearer, sameSecret } from './api.js';

/** Who asks a documents route: the organiser (ADMIN_TOKEN), or a participant by their link (the observer link included). */
export type Asker = { kind: 'admin' } | { kind: 'participant'; participant: Participant };

export const audienceOfAsker = (asker: Asker): Audience => (asker.kind === 'admin' ? 'presidium' : audienceOf(asker.participant.role));

/** Ids as the routes take them; anything longer or stranger is no meeting's, and never reaches a path. */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const MeetingParams = z.object({ id: Id });
export const DocumentParams = z.object({ id: Id, documentId: Id });

const STATUS: Record<string, number> = {
  'invalid-payload': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-state': 409,
  conflict: 409,
  'payload-too-large': 413,
  'rate-limited': 429,
  'store-unavailable': 503,
  internal: 500,
};

/** A refusal with its reason and detail (shared/errors.ts), which the console explains: `not-a-document` is 415. */
export function sendRefusal(res: Response, info: ErrorInfo): void {
  const status = info.reason === 'not-a-document' ? 415 : (STATUS[info.code] ?? 400);
  res.status(status).json({ ok: false, error: info });
}

export const refuse = (res: Response, code: ErrorInfo['code'], message: string) => sendRefusal(res, error(code, message));

/**
 * The asker of a request about `meetingId`, or null once the refusal is sent: no token or one no
 * participant holds is 401, another meeting's link 403 (it says nothing of this meeting's documents).
 */
export async function whoAsks(req: Request, res: Response, deps: { store: Store; rooms: Rooms; adminToken: string }, meetingId: string): Promise<Asker | null> {
  const token = bearer(req);
  if (!token) {
    refuse(res, 'unauthorized', 'Authorization: Bearer <token> required');
    return null;
  }
  if (sameSecret(token, deps.adminToken)) return { kind: 'admin' };
  const auth = await authenticate(token, { store: deps.store, meeting: roomStates(deps.rooms) }, meetingId);
  if (auth.ok) return { kind: 'participant', participant: auth.participant };
  if (auth.failure === 'other-meeting') refuse(res, 'forbidden', 'this link belongs to another meeting');
  else refuse(res, 'unauthorized', 'this link is not valid (anymore)');
  return null;
}
