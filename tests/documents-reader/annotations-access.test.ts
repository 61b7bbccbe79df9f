import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationsDocName } from '../../shared/notes/access.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { connectDoc, docUpgrade, docUrl, type DocClient } from '../helpers/yjs.js';

const OWNER = 'm1';
const DOC = annotationsDocName(OWNER);
const NOTE = { id: 'a1', documentId: 'report', version: 1, page: 2, rect: { x: 0.1, y: 0.2, w: 0.5, h: 0.05 }, color: 'yellow', note: 'Hỏi lại số liệu quý III', at: 1 };

/** A member's private annotations (docs/DOCUMENTS.md, "Annotations"): their own link, and nobody else's, by any route. */
describe("a participant's annotations document", () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  const open = (token: string, docName = DOC) => {
    const c = connectDoc(server.url, server.meeting.meetingId, docName, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
  });

  it('syncs between two devices of its owner', async () => {
    const tablet = open(server.tokenOf(OWNER));
    await tablet.synced();
    tablet.doc.getMap('annotations').set(NOTE.id, NOTE);
    const phone = open(server.tokenOf(OWNER));
    await phone.synced();
    await waitFor(() => phone.doc.getMap('annotations').has(NOTE.id), 10_000, 'the note on the second device');
    expect(phone.doc.getMap('annotations').get(NOTE.id)).toEqual(NOTE);
  });

  it('refuses every other link: chair, secretary, another member, a guest, the screen, the observer link', async () => {
    for (const who of ['chair', 'sec', 'm2', 'guest', 'screen', 'obs']) {
      const outcome = await docUpgrade(docUrl(server.url, server.meeting.meetingId, DOC), { token: server.tokenOf(who) });
      expect(outcome.status, who).toBe(403);
      expect(outcome.received).toEqual([]);
      // Nor under the deprecated ?token= form.
      expect((await docUpgrade(docUrl(server.url, server.meeting.meetingId, DOC), { token: server.tokenOf(who), via: 'query' })).status, who).toBe(403);
    }
    // The owner's own link opens no one else's, existing or not.
    for (const other of ['m2', 'chair', 'nobody']) {
      const outcome = await docUpgrade(docUrl(server.url, server.meeting.meetingId, annotationsDocName(other)), { token: server.tokenOf(OWNER) });
      expect(outcome.status, other).toBe(403);
    }
    // A name that is no participant id at all is no document.
    expect((await docUpgrade(docUrl(server.url, server.meeting.meetingId, 'annotations-..%2Fminutes'), { token: server.tokenOf(OWNER) })).status).toBe(404);
  });

  it('is not a meeting document: no history, attribution, versions or record shows it, to anyone', async () => {
    const id = server.meeting.meetingId;
    for (const who of ['chair', 'sec', OWNER]) {
      const auth = { headers: { authorization: `Bearer ${server.tokenOf(who)}` } };
      for (const path of [`docs/${DOC}/versions`, `docs/${DOC}/current`, `docs/${DOC}/versions/x`]) {
        const res = await fetch(`${server.url}/api/meetings/${id}/${path}`, auth);
        // 403 for a role that reviews no history at all, 404 for those who do: never the document.
        expect([403, 404], `${who} ${path}`).toContain(res.status);
        expect(await res.text()).not.toContain(NOTE.note);
      }
      const record = await fetch(`${server.url}/api/meetings/${id}/export?format=md`, auth);
      expect(await record.text()).not.toContain(NOTE.note);
    }
    const chair = await server.connectAs('chair', { app: true });
    for (const command of [
      { type: 'notes.nameVersion', docName: DOC, label: 'x' },
      { type: 'notes.restore', docName: DOC, versionId: 'x' },
    ])
      expect(await chair.send(command)).toMatchObject({ ok: false });
    chair.close();
  });

  it('survives a restart of the server, and keeps no version beside it', async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const again = open(server.tokenOf(OWNER));
    await again.synced();
    expect(again.doc.getMap('annotations').get(NOTE.id)).toEqual(NOTE);
    expect(await server.store.listDocVersions(server.meeting.meetingId, DOC)).toEqual([]);
  });
});
