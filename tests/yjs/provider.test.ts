import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

describe('an unmodified y-websocket WebsocketProvider on /yjs/', () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  const open = (participantId: string, docName = NOTES) => {
    const client = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf(participantId));
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('loads what the store holds on the first sync', async () => {
    const seed = new Y.Doc();
    appendParagraph(seed, 'Ý kiến đã lưu từ hôm qua');
    await server.store.appendDocUpdate(server.meeting.meetingId, NOTES, Y.encodeStateAsUpdate(seed));

    const m1 = open('m1');
    await m1.synced();
    expect(textOf(m1.doc)).toBe('Ý kiến đã lưu từ hôm qua');
  });

  it('relays live edits both ways and stores them', async () => {
    const m1 = open('m1');
    const m2 = open('m2');
    await Promise.all([m1.synced(), m2.synced()]);

    appendParagraph(m1.doc, 'Đồng chí Một: đề nghị bổ sung số liệu.');
    await waitFor(() => textOf(m2.doc) === 'Đồng chí Một: đề nghị bổ sung số liệu.', 5000, 'm2 to see m1');
    appendParagraph(m2.doc, 'Đồng chí Hai: nhất trí.');
    await waitFor(() => textOf(m1.doc).endsWith('Đồng chí Hai: nhất trí.'), 5000, 'm1 to see m2');
    expect(textOf(m1.doc)).toBe(textOf(m2.doc));

    // What the clients saw was stored first: a document rebuilt from the store has it all.
    const stored = await server.store.loadDoc(server.meeting.meetingId, NOTES);
    const rebuilt = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    expect(textOf(rebuilt)).toBe(textOf(m1.doc));
  });

  it('shows each connected user to the others through awareness', async () => {
    const m1 = open('m1');
    const chair = open('chair');
    await Promise.all([m1.synced(), chair.synced()]);
    m1.provider.awareness.setLocalStateField('user', { name: 'Lê Văn Một', color: '#1d4ed8' });
    chair.provider.awareness.setLocalStateField('user', { name: 'Nguyễn Văn Chủ', color: '#b91c1c' });

    const names = (c: DocClient) => [...c.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name).sort();
    await waitFor(() => names(m1).length === 2 && names(chair).length === 2, 5000, 'both presences');
    expect(names(m1)).toEqual(['Lê Văn Một', 'Nguyễn Văn Chủ']);
    expect(names(chair)).toEqual(['Lê Văn Một', 'Nguyễn Văn Chủ']);

    // A latecomer gets everyone already present; a leaver disappears from the others. (A provider
    // announces itself once it has a state of its own, as TipTap's caret does at once.)
    const m2 = open('m2');
    await m2.synced();
    m2.provider.awareness.setLocalStateField('user', { name: 'Phạm Thị Hai', color: '#047857' });
    await waitFor(() => names(m2).length === 3 && names(chair).length === 3, 5000, 'the latecomer to see both');
    expect(names(m2)).toEqual(['Lê Văn Một', 'Nguyễn Văn Chủ', 'Phạm Thị Hai']);
    m1.destroy();
    await waitFor(() => names(chair).length === 2 && names(m2).length === 2, 5000, 'm1 to leave');
    expect(names(chair)).toEqual(['Nguyễn Văn Chủ', 'Phạm Thị Hai']);
  });

  it('re-syncs after a server restart, merging the edits made while disconnected', async () => {
    const m1 = open('m1');
    const m2 = open('m2');
    await Promise.all([m1.synced(), m2.synced()]);
    appendParagraph(m1.doc, 'Trước khi khởi động lại');
    await waitFor(() => textOf(m2.doc) === 'Trước khi khởi động lại', 5000, 'm2 to see the first edit');

    const wasDown = Promise.all(
      [m1, m2].map(
        (c) =>
          new Promise<void>((resolve) => {
            c.provider.on('status', ({ status }) => {
              if (status === 'disconnected') resolve();
            });
          }),
      ),
    );
    const restarted = server.restart();
    await wasDown;
    // Both edit while the server is down: each edit lives only on its own tablet for now.
    appendParagraph(m1.doc, 'Một sửa khi mất kết nối');
    appendParagraph(m2.doc, 'Hai sửa khi mất kết nối');
    await restarted;

    await Promise.all([m1.synced(), m2.synced()]);
    const merged = (c: DocClient) => textOf(c.doc).split('\n').sort();
    const expected = ['Hai sửa khi mất kết nối', 'Một sửa khi mất kết nối', 'Trước khi khởi động lại'];
    await waitFor(() => merged(m1).length === 3 && merged(m2).length === 3, 10_000, 'offline edits to merge');
    expect(merged(m1)).toEqual(expected);
    expect(textOf(m1.doc)).toBe(textOf(m2.doc));

    // And the server has them: a fresh client after one more restart loads the merged document.
    await waitFor(
      async () => {
        const stored = await server.store.loadDoc(server.meeting.meetingId, NOTES);
        const d = new Y.Doc();
        for (const u of stored.updates) Y.applyUpdate(d, u);
        return textOf(d) === textOf(m1.doc);
      },
      5000,
      'the store to hold the merged edits',
    );
    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const fresh = open('m3');
    await fresh.synced();
    expect(textOf(fresh.doc)).toBe(textOf(m1.doc));
  });
});
