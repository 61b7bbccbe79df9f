import express, { type NextFunction, type Request, type Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { error, type ErrorCode } from '../../shared/errors.js';
import { forbiddenKeyMessage, forbiddenKeyPath } from '../../shared/forbiddenKeys.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/limits.js';
import type { Logger } from '../log.js';
import { joinCardsHtml } from '../meetings/cards.js';
import { createMeeting } from '../meetings/create.js';
import { parseDefinition, summarise } from '../meetings/validate.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import { resetPin, type PinDeps } from '../ballots/pinCommands.js';
import type { Rooms } from '../realtime/rooms.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  'invalid-payload': 400,
  'payload-too-large': 413,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'store-unavailable': 503,
  internal: 500,
};

const CreateQuery = z.object({
  cards: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export function sendError(res: Response, code: ErrorCode, message: string): void {
  res.status(STATUS[code] ?? 400).json({ ok: false, error: error(code, message) });
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token of an `Authorization: Bearer <token>` header, or '' when there is none. */
export function bearer(req: Request): string {
  const header = req.get('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

export interface ApiOptions {
  store: Store;
  log: Logger;
  adminToken: string;
  publicUrl: string;
  rooms: Rooms;
  pins: PinDeps;
}

const Ids = z.object({ id: z.string().max(64), participantId: z.string().max(64) });

export function apiRouter({ store, log, adminToken, publicUrl, rooms, pins }: ApiOptions): express.Router {
  const api = express.Router();

  const admin = (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    if (!token || !sameSecret(token, adminToken)) return sendError(res, 'unauthorized', 'Authorization: Bearer <ADMIN_TOKEN> required');
    next();
  };

  api.get('/healthz', async (_req, res) => {
    const ok = await store.healthy().catch(() => false);
    res.status(ok ? 200 : 503).json({ ok, store: store.kind });
  });

  api.use('/api', express.json({ limit: MAX_PAYLOAD_BYTES, strict: true }));
  api.use('/api', (req, res, next) => {
    const forbidden = forbiddenKeyPath(req.body);
    if (forbidden) return sendError(res, 'invalid-payload', forbiddenKeyMessage(forbidden));
    next();
  });

  api.post('/api/meetings', admin, async (req, res) => {
    const query = CreateQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 'invalid-payload', 'cards: expected 0, 1, true or false');
    // express.json leaves the body undefined for any other Content-Type.
    if (req.body === undefined) return sendError(res, 'invalid-payload', 'send the definition as JSON, with Content-Type: application/json');
    const def = parseDefinition(req.body);
    if (!def.ok) {
      res.status(400).json({ ok: false, error: error('invalid-payload', summarise(def.issues)), issues: def.issues.slice(0, 50) });
      return;
    }
    const created = await createMeeting(store, def.definition, publicUrl);
    log.info('meeting created', { meetingId: created.meetingId, participants: created.links.length });
    // The plain links exist only in this answer, so this is the one moment the cards can be drawn.
    const cardsHtml = query.data.cards ? await joinCardsHtml({ ...def.definition, meetingId: created.meetingId }, created.links) : undefined;
    res.status(201).json({ ok: true, ...created, ...(cardsHtml === undefined ? {} : { cardsHtml }) });
  });

  api.get('/api/meetings', admin, async (_req, res) => {
    res.json({ ok: true, meetings: await store.listMeetings() });
  });

  api.get('/api/meetings/:id', admin, async (req, res) => {
    const id = z.string().max(64).safeParse(req.params.id);
    const meeting = id.success ? await store.loadMeeting(id.data) : null;
    if (!meeting) return sendError(res, 'not-found', 'no such meeting');
    res.json({ ok: true, version: meeting.version, state: meeting.state });
  });

  // The organiser's reset of a voter's PIN (and of a lock after wrong PINs). Never the chair's: the
  // chair could otherwise reset a member's PIN, set a new one with a reissued link, and vote for them.
  api.post('/api/meetings/:id/participants/:participantId/pin/reset', admin, async (req, res) => {
    const ids = Ids.safeParse(req.params);
    const room = ids.success ? await rooms.get(ids.data.id) : null;
    if (!ids.success || !room) return sendError(res, 'not-found', 'no such meeting');
    const done = await resetPin(room, ids.data.participantId, pins);
    if (!done.ok) return sendError(res, done.error.code, done.error.message);
    log.info('voting PIN reset', { meetingId: room.id, participant: ids.data.participantId });
    res.json({ ok: true, version: done.version });
  });

  api.use('/api', (_req, res) => sendError(res, 'not-found', 'no such endpoint'));

  // Express 5 forwards rejected promises here; body-parser errors carry `type`.
  api.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(res, 'payload-too-large', `bodies are limited to ${MAX_PAYLOAD_BYTES} bytes`);
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return sendError(res, 'invalid-payload', 'the body is not valid JSON');
    // Any other 4xx from body-parser (e.g. a gzip body that does not inflate) is the request's fault too.
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, 'invalid-payload', 'the body could not be read');
    if (err instanceof StoreUnavailableError) return sendError(res, 'store-unavailable', 'the store is unavailable');
    log.error('http failure', { err: err instanceof Error ? err.stack : String(err) });
    sendError(res, 'internal', 'unexpected server error');
  });

  return api;
}
