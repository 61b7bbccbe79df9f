import { request } from 'node:http';
import { decidePinReset } from '../../shared/ballots/pin.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import type { Store } from '../store/store.js';

/**
 * The organiser's reset of a voter's PIN (and of a lock after wrong PINs), from the CLI. Never the
 * chair's console: see docs/BALLOTS.md, "Voting PIN".
 */
export type ResetOutcome = { ok: true; version: number; via: 'server' | 'store' } | { ok: false; error: ErrorInfo };

/** Version races lost in a row before giving up; each one is another writer's commit in between. */
const MAX_ATTEMPTS = 20;

/** A POST with no body; node:http rather than fetch, which refuses some ports (6000, 6665…) a server may still use. */
function post(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': 0 }, timeout: 15_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 15 s')));
    req.on('error', reject);
    req.end();
  });
}

type Answer = { ok?: boolean; version?: number; error?: ErrorInfo };

/** The admin API's JSON answer, or null when something else answered (not JSON: not this server). */
function answerOf(text: string): Answer | null {
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return null;
  }
}

/**
 * Through the server running on this machine, so the live room announces the reset at once and
 * forgets the remembered PIN. Null when nothing listens on the port: then the store is the way.
 */
export async function resetThroughServer(port: number, adminToken: string, meetingId: string, participantId: string): Promise<ResetOutcome | null> {
  // PORT=0 asks the server for any free port: there is no knowing which one it got.
  if (port === 0) return null;
  const url = `http://127.0.0.1:${port}/api/meetings/${encodeURIComponent(meetingId)}/participants/${encodeURIComponent(participantId)}/pin/reset`;
  let res: { status: number; body: string };
  try {
    res = await post(url, adminToken);
  } catch (e) {
    if ((e as { code?: string }).code === 'ECONNREFUSED') return null;
    // Anything else (a timeout) may have reached the server: applying it a second time would be harmless,
    // but a server that hangs is the organiser's to look at first.
    return { ok: false, error: { code: 'internal', message: `the server on port ${port} did not answer: ${(e as Error).message}` } };
  }
  const body = answerOf(res.body);
  if (body?.ok === true && typeof body.version === 'number') return { ok: true, version: body.version, via: 'server' };
  if (body?.ok === false && body.error) {
    const hint = body.error.code === 'unauthorized' ? " (give the CLI the server's ADMIN_TOKEN, or the same DATA_DIR)" : '';
    return { ok: false, error: { code: body.error.code, message: `${body.error.message}${hint}` } };
  }
  return { ok: false, error: { code: 'internal', message: `something other than this server answers on port ${port} (HTTP ${res.status})` } };
}

/**
 * Straight into the store, when no server runs here: the PIN goes, and a `pin.reset` event is
 * committed against the version it was decided on, so the notice is in the state and the record. A
 * server that starts later, or an instance elsewhere on the same Redis, meets the new version (its
 * next change reloads the meeting); the remembered PIN of such an instance is tied to the old hash,
 * which no longer exists, so it never matches again.
 */
export async function resetInStore(store: Store, meetingId: string, participantId: string, now: () => number): Promise<ResetOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const meeting = await store.loadMeeting(meetingId);
    if (!meeting) return { ok: false, error: { code: 'not-found', message: `no meeting ${meetingId}` } };
    const at = now();
    const decision = decidePinReset(meeting.state, participantId, at);
    if (!decision.ok) return decision;
    await store.resetPin(meetingId, participantId);
    const outcome = await store.commit({
      meetingId,
      expectedVersion: meeting.version,
      state: evolveAll(meeting.state, decision.events),
      events: decision.events,
      at,
      actor: null,
    });
    if (outcome === 'ok') return { ok: true, version: meeting.version + 1, via: 'store' };
  }
  return { ok: false, error: { code: 'conflict', message: 'the meeting changed too often; try again' } };
}
