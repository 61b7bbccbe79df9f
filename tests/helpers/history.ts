import * as Y from 'yjs';
import { CurrentContent, VersionContent, VersionList } from '../../shared/notes/history.js';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';

/** GET one of a document's history endpoints with a participant's token; the parsed body on 200. */
export async function getHistory(baseUrl: string, meetingId: string, docName: string, token: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}/api/meetings/${meetingId}/docs/${docName}/${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

export async function versionsOf(baseUrl: string, meetingId: string, docName: string, token: string): Promise<VersionList['versions']> {
  const { status, body } = await getHistory(baseUrl, meetingId, docName, token, 'versions');
  if (status !== 200) throw new Error(`versions: ${status} ${JSON.stringify(body)}`);
  return VersionList.parse(body).versions;
}

export async function versionContent(baseUrl: string, meetingId: string, docName: string, token: string, versionId: string): Promise<VersionContent> {
  const { status, body } = await getHistory(baseUrl, meetingId, docName, token, `versions/${versionId}`);
  if (status !== 200) throw new Error(`version: ${status} ${JSON.stringify(body)}`);
  return VersionContent.parse(body);
}

export async function currentOf(baseUrl: string, meetingId: string, docName: string, token: string): Promise<CurrentContent> {
  const { status, body } = await getHistory(baseUrl, meetingId, docName, token, 'current');
  if (status !== 200) throw new Error(`current: ${status} ${JSON.stringify(body)}`);
  return CurrentContent.parse(body);
}

/** Deletes the whole text in one change, as select-all and delete does (TipTap leaves one empty paragraph). */
export function wipe(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(TIPTAP_FIELD);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, [new Y.XmlElement('paragraph')]);
  });
}
