import type { z } from 'zod';
import type { ErrorCode } from '../../../shared/errors.js';

export type Fetched<T> = { ok: true; value: T } | { ok: false; code: ErrorCode | 'offline'; message: string };

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
