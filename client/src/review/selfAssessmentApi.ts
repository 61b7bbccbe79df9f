import type { OwnSelfAssessment } from '../../../shared/review/selfAssessmentWire.js';
import { getJson, type Fetched } from '../live/getJson.js';

export type { Fetched };

/**
 * One's own self-assessment as stored (`GET /api/meetings/:id/self-assessment`, with this device's
 * link token), parsed with the shared schema before the form shows it.
 */
export async function fetchOwnAssessment(meetingId: string, token: string, signal?: AbortSignal): Promise<Fetched<OwnSelfAssessment>> {
  const { OwnSelfAssessment: schema } = await import('./selfAssessmentSchemas.js');
  return getJson(`/api/meetings/${encodeURIComponent(meetingId)}/self-assessment`, token, schema, signal);
}
