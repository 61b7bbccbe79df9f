import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatDateTime } from '../../shared/format.js';
import { notesDocName } from '../../shared/notes/access.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { readDocx } from '../helpers/docx.js';
import { accepted } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, docUpgrade, docUrl, textOf, type DocClient } from '../helpers/yjs.js';

/** A pending item of the test meeting, with notes written before the chair takes it off the agenda. */
const ITEM = 'review-m2';
const DOC = notesDocName(ITEM);
const WRITTEN = ['Đồng chí Hai đã chuẩn bị bản tự kiểm điểm.', 'Góp ý trước: cần làm rõ trách nhiệm cá nhân.'];

/**
 * Removing an agenda item keeps its notes (docs/PROTOCOL.md, "Meeting and agenda"): the endpoint
 * serves them to everyone who could read them, read-only for every role, and the record lists them
 * under the removed items.
 */
describe('the notes of an item removed from the agenda', () => {
  let server: TestServer;
  let chair: TestClient;
  const docs: DocClient[] = [];
  let editorBefore: DocClient;
  let removedAt: number;

  const open = (participantId: string) => {
    const client = connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf(participantId));
    docs.push(client);
    return client;
  };
  const storedText = async () => {
    const { updates } = await server.store.loadDoc(server.meeting.meetingId, DOC);
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, u);
    return textOf(doc);
  };

  beforeAll(async () => {
    server = await startServer();
    chair = await server.connectAs('chair');
    // A member writes notes ahead of the item, and stays connected while it is removed.
    editorBefore = open('m1');
    await editorBefore.synced();
    for (const line of WRITTEN) appendParagraph(editorBefore.doc, line);
    await waitFor(async () => (await storedText()) === WRITTEN.join('\n'), 5000, 'the notes to be stored');
    const version = accepted(await chair.send({ type: 'agenda.remove', itemId: ITEM }));
    await chair.waitForVersion(version);
    removedAt = chair.state.removedItems[0]?.removedAt;
  });

  afterAll(async () => {
    for (const d of docs.splice(0)) d.destroy();
    await server?.stop();
  });

  it('keeps the item, as it was, in removedItems, and off the agenda', () => {
    expect(chair.state.agenda.map((i) => i.id)).not.toContain(ITEM);
    expect(chair.state.removedItems).toEqual([expect.objectContaining({ id: ITEM, title: 'Kiểm điểm đồng chí Phạm Thị Hai', status: 'pending', removedAt: expect.any(Number) })]);
  });

  it('serves the notes to every reader of the meeting, not 404; a document of no item at all is still 404', async () => {
    const ws = server.url.replace(/^http/, 'ws');
    for (const id of ['chair', 'sec', 'm3', 'guest', 'obs']) {
      const outcome = await docUpgrade(docUrl(ws, server.meeting.meetingId, DOC), { token: server.tokenOf(id) });
      expect(outcome.status, id).toBe(101);
      outcome.socket?.close();
    }
    const none = await docUpgrade(docUrl(ws, server.meeting.meetingId, notesDocName('never-was')), { token: server.tokenOf('chair') });
    expect(none.status).toBe(404);
  });

  it('closes the connections that were open when it was removed, so the editor there comes back read-only', async () => {
    await waitFor(() => editorBefore.closes.includes(DOC_CLOSE.goingAway), 5000, 'the open connection to be closed');
    await waitFor(() => editorBefore.provider.wsconnected && editorBefore.provider.synced, 5000, 'the editor to reconnect');
    expect(textOf(editorBefore.doc)).toBe(WRITTEN.join('\n'));
  });

  it('drops every edit, the chair’s included: the notes stay as they were when the item was removed', async () => {
    const writers = ['chair', 'sec', 'm3'].map(open);
    const watcher = open('m4');
    await Promise.all([...writers, watcher].map((c) => c.synced()));
    for (const c of [...writers, watcher]) expect(textOf(c.doc)).toBe(WRITTEN.join('\n'));
    // Each writer types, then leaves; once the watcher has seen a writer's presence go, the server
    // has handled that writer's edit (same connection, in order).
    const present = (participantId: string) =>
      [...watcher.provider.awareness.getStates().values()].some((s) => (s.user as { participantId?: string } | undefined)?.participantId === participantId);
    await waitFor(() => ['chair', 'sec', 'm3'].every(present), 5000, "the writers' presence");
    for (const [i, c] of writers.entries()) appendParagraph(c.doc, `sửa sau khi rút ${i}`);
    appendParagraph(editorBefore.doc, 'sửa sau khi rút: m1');
    for (const c of [...writers, editorBefore]) c.provider.disconnect();
    await waitFor(() => !['chair', 'sec', 'm3', 'm1'].some(present), 5000, 'the writers to leave');

    expect(await storedText()).toBe(WRITTEN.join('\n'));
    expect(textOf(watcher.doc)).toBe(WRITTEN.join('\n'));
    const late = open('chair');
    await late.synced();
    expect(textOf(late.doc)).toBe(WRITTEN.join('\n'));
  });

  it('lists them in the record under "Nội dung đã rút khỏi chương trình": title, when removed, the notes', async () => {
    const exportAs = (format: string) =>
      fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/export?format=${format}`, { headers: { authorization: `Bearer ${server.tokenOf('chair')}` } });
    const md = await (await exportAs('md')).text();
    const section = md.slice(md.indexOf('## Nội dung đã rút khỏi chương trình'));
    expect(md).toContain('## Nội dung đã rút khỏi chương trình');
    expect(section).toContain('### Kiểm điểm đồng chí Phạm Thị Hai');
    expect(section).toContain(`Rút lúc: ${formatDateTime(removedAt, chair.state.timeZone, 'vi')}`);
    for (const line of WRITTEN) expect(section).toContain(line);
    // Not in the agenda's table: it never took place.
    expect(md.slice(0, md.indexOf('## Nội dung đã rút khỏi chương trình')).match(/Kiểm điểm đồng chí Phạm Thị Hai/g)).toBeNull();

    const docx = await readDocx(await (await exportAs('docx')).arrayBuffer());
    const at = docx.paragraphs.indexOf('Nội dung đã rút khỏi chương trình');
    expect(at).toBeGreaterThan(0);
    const after = docx.paragraphs.slice(at);
    expect(after).toContain('Kiểm điểm đồng chí Phạm Thị Hai');
    for (const line of WRITTEN) expect(after).toContain(line);
  });
});
