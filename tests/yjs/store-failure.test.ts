import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

describe('the store failing while an edit is saved', () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('relays nothing unsaved, closes with 1011, and the reconnect saves the edit after all', async () => {
    const open = (id: string) => {
      const c = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf(id));
      clients.push(c);
      return c;
    };
    const m1 = open('m1');
    const m2 = open('m2');
    await Promise.all([m1.synced(), m2.synced()]);
    appendParagraph(m1.doc, 'đã lưu');
    await waitFor(() => textOf(m2.doc) === 'đã lưu', 5000, 'the first line');

    // The next write fails (a full disk, Redis gone for a moment); the ones after succeed.
    const store = server.store;
    const append = store.appendDocUpdate.bind(store);
    let failures = 1;
    store.appendDocUpdate = async (...args) => {
      if (failures-- > 0) throw new Error('disk full');
      return append(...args);
    };
    const seenBeforeClose: string[] = [];
    m2.provider.on('connection-close', () => seenBeforeClose.push(textOf(m2.doc)));
    appendParagraph(m1.doc, 'chưa lưu được');

    await waitFor(() => m1.closes.includes(DOC_CLOSE.storeFailed) && m2.closes.includes(DOC_CLOSE.storeFailed), 5000, 'both to be closed with 1011');
    // m2 never got the line the store refused.
    expect(seenBeforeClose[0]).toBe('đã lưu');
    // Both reconnect by themselves; m1's resync re-sends the line, which is now stored and relayed.
    await waitFor(() => textOf(m2.doc) === 'đã lưu\nchưa lưu được', 10_000, 'the line to arrive after the reconnect');
    const stored = await store.loadDoc(server.meeting.meetingId, NOTES);
    const doc = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(textOf(doc)).toBe('đã lưu\nchưa lưu được');
    expect(server.logs.some((l) => l.includes('storing a document update failed'))).toBe(true);
  });
});
