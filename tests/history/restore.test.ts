import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import * as encoding from 'lib0/encoding';
import { DOC_CLOSE, DOC_SUBPROTOCOL } from '../../shared/notes/protocol.js';
import { tryUpgrade } from '../helpers/upgrade.js';
import { currentOf, getHistory, versionContent, versionsOf, wipe } from '../helpers/history.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');
const LINES = ['Đồng chí Một: cần làm rõ trách nhiệm cá nhân trong công tác cán bộ.', 'Đồng chí Hai: đề nghị bổ sung số liệu quý IV.', 'Kết luận: thống nhất.'];

/** A y-websocket update message (sync type 2). */
function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

async function storedText(server: TestServer, docName: string): Promise<string> {
  const stored = await server.store.loadDoc(server.meeting.meetingId, docName);
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return textOf(doc);
}

describe('a document wiped by a member is restored by the chair', () => {
  let server: TestServer;
  const docs: DocClient[] = [];
  const open = async (id: string, docName = NOTES) => {
    const client = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf(id));
    docs.push(client);
    await client.synced();
    return client;
  };

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const d of docs.splice(0)) d.destroy();
    await server.stop();
  });

  it('keeps the text before the wipe as a version, and the restore brings it back for everyone, with a notice', async () => {
    const id = server.meeting.meetingId;
    const [m1, m2, sec] = [await open('m1'), await open('m2'), await open('sec')];
    for (const line of LINES) appendParagraph(m1.doc, line);
    const full = textOf(m1.doc);
    await waitFor(() => textOf(sec.doc) === full && textOf(m2.doc) === full, 10_000, 'the text everywhere');

    wipe(m2.doc);
    await waitFor(() => textOf(sec.doc) === '' && textOf(m1.doc) === '', 10_000, 'the wipe everywhere');
    expect(await storedText(server, NOTES)).toBe('');

    const versions = await versionsOf(server.url, id, NOTES, server.tokenOf('chair'));
    const before = versions.find((v) => v.kind === 'before-wipe');
    expect(before).toMatchObject({ docName: NOTES, label: null, by: null, textLength: LINES.join('').length });
    // Who changed the document before the wipe: m1 typed it.
    expect(before!.editors).toEqual(['m1']);
    const content = await versionContent(server.url, id, NOTES, server.tokenOf('sec'), before!.id);
    expect(content.blocks.map((b) => b.text)).toEqual(LINES);

    const chair = await server.connectAs('chair');
    const ack = await chair.send({ type: 'notes.restore', docName: NOTES, versionId: before!.id });
    expect(ack).toMatchObject({ ok: true, versionId: expect.any(String) });
    const savedAs = (ack as { versionId: string }).versionId;

    await waitFor(() => textOf(m1.doc) === full && textOf(m2.doc) === full && textOf(sec.doc) === full, 10_000, 'the restored text everywhere');
    expect(await storedText(server, NOTES)).toBe(full);

    // The text as it was before the restore (empty) is a version too, under the id the ack gave.
    const after = await versionsOf(server.url, id, NOTES, server.tokenOf('chair'));
    expect(after[0]).toMatchObject({ id: savedAs, kind: 'before-restore', by: 'chair', textLength: 0 });
    // The wiper is among those who changed it since the previous version.
    expect(after[0].editors).toContain('m2');

    const notice = chair.state.notices.at(-1);
    expect(notice).toMatchObject({ kind: 'notes-restored', participantId: 'chair', docName: NOTES, versionAt: before!.at, label: null });
    const member = await server.connectAs('m1');
    expect(member.state.notices.at(-1)).toMatchObject({ kind: 'notes-restored', docName: NOTES });

    // The restored text is the chair's (a fresh client id of the server's, recorded for the chair).
    const current = await currentOf(server.url, id, NOTES, server.tokenOf('m1'));
    expect(current.blocks.map((b) => b.runs.map((r) => r.text).join(''))).toEqual(LINES);
    expect(new Set(current.blocks.flatMap((b) => b.runs.map((r) => r.author)))).toEqual(new Set(['chair']));
  });

  it('names versions for the chair and the secretary only, and refuses unknown documents and versions with their reasons', async () => {
    const id = server.meeting.meetingId;
    const sec = await open('sec', MINUTES_DOC);
    appendParagraph(sec.doc, 'Biên bản hội nghị, phiên sáng.');
    await waitFor(async () => (await storedText(server, MINUTES_DOC)) !== '', 10_000, 'the minutes stored');

    const secretary = await server.connectAs('sec');
    const named = await secretary.send({ type: 'notes.nameVersion', docName: MINUTES_DOC, label: 'Bản trình Hội nghị' });
    expect(named).toMatchObject({ ok: true, versionId: expect.any(String) });
    const versions = await versionsOf(server.url, id, MINUTES_DOC, server.tokenOf('chair'));
    expect(versions[0]).toMatchObject({ id: (named as { versionId: string }).versionId, kind: 'named', label: 'Bản trình Hội nghị', by: 'sec', editors: ['sec'] });
    expect(secretary.state.notices).toEqual([]);
    // Naming is on the record: an event, no notice.
    expect(secretary.batches.at(-1)?.events).toEqual([expect.objectContaining({ type: 'notes.versionNamed', label: 'Bản trình Hội nghị', by: 'sec' })]);

    const member = await server.connectAs('m1');
    for (const command of [
      { type: 'notes.nameVersion', docName: MINUTES_DOC, label: 'của tôi' },
      { type: 'notes.restore', docName: MINUTES_DOC, versionId: versions[0].id },
    ]) {
      expect(await member.send(command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await secretary.send({ type: 'notes.restore', docName: MINUTES_DOC, versionId: 'khong-co' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', reason: 'no-such-version' },
    });
    for (const docName of ['notes-khong-co', 'khong-phai']) {
      expect(await secretary.send({ type: 'notes.nameVersion', docName, label: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found', reason: 'no-such-document' } });
      expect(await secretary.send({ type: 'notes.restore', docName, versionId: versions[0].id })).toMatchObject({ ok: false, error: { reason: 'no-such-document' } });
    }
    // A version of another document is not this document's.
    expect(await secretary.send({ type: 'notes.restore', docName: NOTES, versionId: versions[0].id })).toMatchObject({ ok: false, error: { reason: 'no-such-version' } });
    expect((await versionsOf(server.url, id, MINUTES_DOC, server.tokenOf('chair'))).length).toBe(1);
  });

  it('shows versions to the chair and the secretary only, and authors to those in the room', async () => {
    const id = server.meeting.meetingId;
    const status = async (who: string, path: string) => (await getHistory(server.url, id, NOTES, server.tokenOf(who), path)).status;
    for (const who of ['m1', 'guest', 'obs', 'screen']) expect([who, await status(who, 'versions')]).toEqual([who, 403]);
    for (const who of ['m1', 'guest', 'obs', 'screen']) expect([who, await status(who, 'versions/abc')]).toEqual([who, 403]);
    for (const who of ['chair', 'sec']) expect([who, await status(who, 'versions')]).toEqual([who, 200]);
    for (const who of ['obs', 'screen']) expect([who, await status(who, 'current')]).toEqual([who, 403]);
    for (const who of ['chair', 'sec', 'm1', 'guest']) expect([who, await status(who, 'current')]).toEqual([who, 200]);
    expect(await status('chair', 'versions/khong-co')).toBe(404);
    expect((await getHistory(server.url, id, 'notes-khong-co', server.tokenOf('chair'), 'versions')).status).toBe(404);
    const res = await fetch(`${server.url}/api/meetings/${id}/docs/${NOTES}/versions`);
    expect(res.status).toBe(401);
  });

  it('attributes each passage to the member who wrote it, and refuses an update written under another member’s client id', async () => {
    const id = server.meeting.meetingId;
    const [m1, m2, chair] = [await open('m1'), await open('m2'), await open('chair')];
    appendParagraph(m1.doc, 'Ý kiến của đồng chí Một.');
    await waitFor(() => textOf(m2.doc).includes('Một'), 10_000, 'm1 seen by m2');
    appendParagraph(m2.doc, 'Ý kiến của đồng chí Hai.');
    await waitFor(() => textOf(chair.doc).includes('Hai'), 10_000, 'm2 seen by the chair');

    const current = await currentOf(server.url, id, NOTES, server.tokenOf('m1'));
    expect(current.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'Ý kiến của đồng chí Một.', author: 'm1' }] },
      { type: 'paragraph', runs: [{ text: 'Ý kiến của đồng chí Hai.', author: 'm2' }] },
    ]);

    // m2 writes as m1: a copy of the document under m1's client id continues m1's structs, and
    // m2's own connection sends the change.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(m2.doc));
    // Set after the copy: Yjs would otherwise take a new id on seeing its own written by someone else.
    forged.clientID = m1.doc.clientID;
    const vector = Y.encodeStateVector(forged);
    appendParagraph(forged, 'Đồng chí Một tự nhận không hoàn thành nhiệm vụ.');
    const forger = await tryUpgrade(`${server.url}/yjs/${id}/${NOTES}`, { protocols: [DOC_SUBPROTOCOL, server.tokenOf('m2')] });
    forger.socket!.send(updateMessage(Y.encodeStateAsUpdate(forged, vector)));
    expect((await forger.closed).code).toBe(DOC_CLOSE.malformed);

    // A barrier: the chair's edit after it is stored, the forged one never was.
    appendParagraph(chair.doc, 'Chủ trì: hết.');
    await waitFor(async () => (await storedText(server, NOTES)).includes('hết'), 10_000, "the chair's edit stored");
    expect(await storedText(server, NOTES)).not.toContain('tự nhận');
    expect(textOf(m1.doc)).not.toContain('tự nhận');
    const after = await currentOf(server.url, id, NOTES, server.tokenOf('m1'));
    expect(after.blocks.map((b) => b.runs.map((r) => r.author))).toEqual([['m1'], ['m2'], ['chair']]);

    // The record names the authors of the item's notes.
    const record = await fetch(`${server.url}/api/meetings/${id}/export?format=md`, { headers: { authorization: `Bearer ${server.tokenOf('sec')}` } });
    expect(await record.text()).toContain('*Người viết: Lê Văn Một, Phạm Thị Hai, Nguyễn Văn Chủ*');
  });
});
