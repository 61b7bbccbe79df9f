import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const EVERYONE = ['chair', 'sec', 'm1', 'm2', 'm3', 'm4', 'guest', 'screen', 'obs'];
/** Written out here rather than taken from canEditDoc, so the test checks the rule. */
const EDITORS: Record<string, string[]> = {
  [notesDocName('collective')]: ['chair', 'sec', 'm1', 'm2', 'm3', 'm4'],
  [MINUTES_DOC]: ['chair', 'sec'],
};

const lines = (doc: Y.Doc) =>
  textOf(doc)
    .split('\n')
    .filter((l) => l !== '')
    .sort();
const editLine = (id: string) => `sửa bởi ${id}`;
const BARRIER = 'chủ trì: dòng cuối';

describe('who edits which document', () => {
  let server: TestServer;
  const clients: DocClient[] = [];

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  async function storedLines(docName: string): Promise<string[]> {
    const stored = await server.store.loadDoc(server.meeting.meetingId, docName);
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return lines(doc);
  }

  for (const [docName, editors] of Object.entries(EDITORS)) {
    const readers = EVERYONE.filter((id) => !editors.includes(id));

    it(`${docName}: ${editors.join(', ')} edit; ${readers.join(', ')} read, see everyone and are seen to read, and their edits reach nobody`, async () => {
      const byId = new Map(
        EVERYONE.map((id) => {
          const client = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf(id));
          clients.push(client);
          return [id, client] as const;
        }),
      );
      await Promise.all([...byId.values()].map((c) => c.synced()));
      // The server shows each state under the participant's own id, whatever the client says.
      for (const c of byId.values()) c.provider.awareness.setLocalStateField('user', { color: '#333333' });

      // Everyone edits their own copy.
      for (const [id, c] of byId) appendParagraph(c.doc, editLine(id));
      const expected = [...editors.map(editLine), BARRIER].sort();

      // Readers then leave; once the chair has seen them go, the server has handled their edits
      // (same connection, in order), and anything it relays after is behind them. They come back for it.
      const chair = byId.get('chair')!;
      const follows = (id: string) => [...chair.provider.awareness.getStates().values()].some((s) => (s.user as { participantId?: string } | undefined)?.participantId === id);
      await waitFor(() => readers.every(follows), 5000, "the readers' presence");
      for (const id of readers) byId.get(id)!.provider.disconnect();
      await waitFor(() => !readers.some(follows), 5000, 'the readers to leave');
      appendParagraph(chair.doc, BARRIER);
      for (const id of readers) byId.get(id)!.provider.connect();
      await Promise.all(readers.map((id) => byId.get(id)!.synced()));
      // A provider that reconnects ignores states whose clock it has seen (y-protocols): the editors
      // move theirs on, as they do when they type.
      for (const id of editors) byId.get(id)!.provider.awareness.setLocalStateField('after', 'barrier');

      // Every client ends with the editors' lines; a reader also keeps its own line, locally only.
      for (const [id, c] of byId) {
        const want = readers.includes(id) ? [...expected, editLine(id)].sort() : expected;
        await waitFor(() => lines(c.doc).length >= want.length && lines(c.doc).includes(BARRIER), 5000, `${id} to have every edit`);
        expect(lines(c.doc), id).toEqual(want);
      }
      expect(await storedLines(docName)).toEqual(expected);

      // Read-only connections still get everyone's presence, and everyone sees who reads (the server
      // announces readers itself: tests/security/awareness.test.ts). (A provider's own entry is its
      // local state; the others' come from the server, a reader's own announcement included.)
      const present = (c: DocClient) =>
        [
          ...new Set(
            [...c.provider.awareness.getStates()].map(([clientID, s]) =>
              clientID === c.doc.clientID ? [...byId].find(([, other]) => other === c)![0] : (s.user as { participantId?: string } | undefined)?.participantId,
            ),
          ),
        ].sort();
      for (const [id, c] of byId) {
        await waitFor(() => present(c).length === EVERYONE.length, 5000, `${id} to see everyone`);
        expect(present(c), id).toEqual([...EVERYONE].sort());
      }

      // Nor does a restart bring a reader's edit back: the fresh copy is the store's.
      for (const c of clients.splice(0)) c.destroy();
      await server.restart();
      expect(await storedLines(docName)).toEqual(expected);
      const fresh = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf('obs'));
      clients.push(fresh);
      await fresh.synced();
      expect(lines(fresh.doc)).toEqual(expected);
    });
  }

  it('a reader that keeps editing after reconnecting still reaches nobody', async () => {
    const docName = MINUTES_DOC;
    const sec = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf('sec'));
    const member = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf('m1'));
    clients.push(sec, member);
    await Promise.all([sec.synced(), member.synced()]);
    appendParagraph(member.doc, 'thành viên sửa biên bản');
    appendParagraph(sec.doc, 'thư ký ghi');
    await waitFor(() => lines(member.doc).includes('thư ký ghi'), 5000, "the member to get the secretary's line");

    // The member's copy, with its dropped edit, reconnects: the resync must not carry it in.
    member.provider.disconnect();
    appendParagraph(member.doc, 'thành viên sửa khi mất mạng');
    member.provider.connect();
    await member.synced();
    appendParagraph(sec.doc, 'thư ký ghi tiếp');
    await waitFor(() => lines(member.doc).includes('thư ký ghi tiếp'), 5000, 'the member to get the next line');
    expect(lines(sec.doc)).toEqual(['thư ký ghi', 'thư ký ghi tiếp']);
    expect(await storedLines(docName)).toEqual(['thư ký ghi', 'thư ký ghi tiếp']);
  });
});
