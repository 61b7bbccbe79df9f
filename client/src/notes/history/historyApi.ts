import { getJson, type Fetched } from '../../live/getJson.js';
import type { CurrentContent, VersionContent, VersionList } from '../../../../shared/notes/history.js';

const schemas = () => import('./historySchemas.js');

/** `/api/meetings/:id/docs/:docName/…`, each part escaped. */
function docUrl(meetingId: string, docName: string, ...rest: string[]): string {
  return ['/api/meetings', meetingId, 'docs', docName, ...rest].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
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
