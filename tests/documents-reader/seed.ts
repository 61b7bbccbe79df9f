import { documentsPath } from '../../shared/documents/urls.js';
import type { MeetingDocument } from '../../shared/documents/types.js';
import { ADMIN_TOKEN, type TestServer } from '../helpers/server.js';

/** Uploads a document over the real HTTP route (shared/documents/urls.ts) as the organiser does. */
export async function upload(
  server: TestServer,
  bytes: Buffer,
  fields: { title: string; visibility: 'everyone' | 'participants' | 'presidium'; itemId?: string },
): Promise<MeetingDocument> {
  const query = new URLSearchParams({ title: fields.title, visibility: fields.visibility, ...(fields.itemId ? { itemId: fields.itemId } : {}) });
  const res = await fetch(`${server.url}${documentsPath(server.meeting.meetingId)}?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  const body = (await res.json()) as { ok: boolean; document?: MeetingDocument; error?: unknown };
  if (!body.ok || !body.document) throw new Error(`upload of ${fields.title} refused: ${res.status} ${JSON.stringify(body.error)}`);
  return body.document;
}
