import type { z } from 'zod';
import type { ErrorCode } from '../../../../shared/errors.js';
import type { CurrentContent, VersionContent, VersionList } from '../../../../shared/notes/history.js';

const schemas = () => import('./historySchemas.js');

export type Fetched<T> = { ok: true; value: T } | { ok: false; code: ErrorCode | 'offline'; message: string };

/** `/api/meetings/:id/docs/:docName/…`, each part escaped. */
function docUrl(meetingId: string, docName: string, ...rest: string[]): string {
  return ['/api/meetings', meetingId, 'docs', docName, ...rest].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}

/**
 * A GET with this participant's own token (as the record's download does: a link cannot carry the
 * Authorization header), its answer parsed with the shared schema before anything shows it: a
 * server of another version answering another shape is an error, not a blank screen.
 */
export async function getJson<S extends z.ZodTypeAny>(url: string, token: string, schema: S, signal?: AbortSignal): Promise<Fetched<z.infer<S>>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal });
  } catch (e) {
    return { ok: false, code: 'offline', message: e instanceof Error ? e.message : String(e) };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
    return { ok: false, code: error?.code ?? 'internal', message: error?.message ?? `HTTP ${response.status}` };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, code: 'internal', message: `unexpected answer from ${url}` };
  return { ok: true, value: parsed.data };
}

/** The document's versions, newest first (chair and secretary). */
export async function fetchVersions(meetingId: string, docName: string, token: string, signal?: AbortSignal): Promise<Fetched<VersionList>> {
  return getJson(docUrl(meetingId, docName, 'versions'), token, (await schemas()).VersionList, signal);
}

/** One version's text (chair and secretary). */
export async function fetchVersion(meetingId: string, docName: string, versionId: string, token: string, signal?: AbortSignal): Promise<Fetched<VersionContent>> {
  return getJson(docUrl(meetingId, docName, 'versions', versionId), token, (await schemas()).VersionContent, signal);
}

/** The text as it is now, each run with the participant who wrote it (everyone but observers and the screen). */
export async function fetchCurrent(meetingId: string, docName: string, token: string, signal?: AbortSignal): Promise<Fetched<CurrentContent>> {
  return getJson(docUrl(meetingId, docName, 'current'), token, (await schemas()).CurrentContent, signal);
}
