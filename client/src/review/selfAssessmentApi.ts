import type { ErrorCode } from '../../../shared/errors.js';
import type { OwnSelfAssessment } from '../../../shared/review/selfAssessmentWire.js';

export type Fetched<T> = { ok: true; value: T } | { ok: false; code: ErrorCode | 'offline'; message: string };

/**
 * One's own self-assessment as stored (`GET /api/meetings/:id/self-assessment`, with this device's
 * link token), parsed with the shared schema before the form shows it.
 */
export async function fetchOwnAssessment(meetingId: string, token: string, signal?: AbortSignal): Promise<Fetched<OwnSelfAssessment>> {
  const { OwnSelfAssessment: schema } = await import('./selfAssessmentSchemas.js');
  let response: Response;
  try {
    response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/self-assessment`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal });
  } catch (e) {
    return { ok: false, code: 'offline', message: e instanceof Error ? e.message : String(e) };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
    return { ok: false, code: error?.code ?? 'internal', message: error?.message ?? `HTTP ${response.status}` };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'internal', message: 'unexpected answer' };
}
