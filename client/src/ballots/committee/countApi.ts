import type { CommitteeCount } from '../../../../shared/review/count.js';
import { getJson, type Fetched } from '../../live/getJson.js';

/** The tally a committee member confirms (`GET /api/meetings/:id/ballots/:ballotId/count`), parsed with the shared schema. */
export async function fetchCount(meetingId: string, ballotId: string, token: string, signal?: AbortSignal): Promise<Fetched<CommitteeCount>> {
  const url = ['/api/meetings', meetingId, 'ballots', ballotId, 'count'].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
  return getJson(url, token, (await import('./countSchemas.js')).CommitteeCount, signal);
}
