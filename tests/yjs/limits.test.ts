import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { tryUpgrade } from '../helpers/upgrade.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

describe('document limits', () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });
  const open = (id: string, docName = NOTES) => {
    const c = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf(id));
    clients.push(c);
    return c;
  };
  async function storedText(docName = NOTES): Promise<string> {
    const stored = await server.store.loadDoc(server.meeting.meetingId, docName);
    const doc = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return textOf(doc);
  }

  it('closes an edit that would grow the document past its size with 4413, and keeps the rest', async () => {
    server = await startServer({ maxDocBytes: 20_000 });
    const m1 = open('m1');
    const m2 = open('m2');
    await Promise.all([m1.synced(), m2.synced()]);
    appendParagraph(m1.doc, 'Ý kiến ngắn');
    await waitFor(() => textOf(m2.doc) === 'Ý kiến ngắn', 5000, 'the short line');

    const refused = new Promise<number>((resolve) => m2.provider.on('closed', ({ code }) => resolve(code)));
    appendParagraph(m2.doc, 'dán cả một văn bản '.repeat(2000));
    expect(await refused).toBe(DOC_CLOSE.docTooLarge);
    // 4413 is final for the provider: it does not retry the same paste.
    expect(m2.provider.shouldConnect).toBe(false);

    // Everyone else goes on; the oversized paste reached nobody and nothing.
    appendParagraph(m1.doc, 'Vẫn gõ tiếp được');
    await waitFor(async () => (await storedText()).endsWith('Vẫn gõ tiếp được'), 5000, 'the next line to be stored');
    expect(textOf(m1.doc)).toBe('Ý kiến ngắn\nVẫn gõ tiếp được');
    expect(await storedText()).toBe(textOf(m1.doc));
    expect(m1.closes).toEqual([]);
  });

  it('refuses a connection past the per-document limit with 503, and takes one again once a place is free', async () => {
    server = await startServer({ maxDocConnections: 3 });
    const three = [open('m1'), open('m2'), open('m3')];
    await Promise.all(three.map((c) => c.synced()));

    const url = `${server.url}/yjs/${server.meeting.meetingId}/${NOTES}?token=${server.tokenOf('m4')}`;
    const full = await tryUpgrade(url);
    expect(full.status).toBe(503);
    expect(JSON.parse(full.body)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    // Another document of the meeting is not affected.
    const minutes = await tryUpgrade(`${server.url}/yjs/${server.meeting.meetingId}/${MINUTES_DOC}?token=${server.tokenOf('m4')}`);
    expect(minutes.status).toBe(101);
    minutes.socket!.close();

    three[0].destroy();
    await waitFor(
      async () => {
        const retry = await tryUpgrade(url);
        retry.socket?.close();
        return retry.status === 101;
      },
      5000,
      'a free place',
    );
  });
});
