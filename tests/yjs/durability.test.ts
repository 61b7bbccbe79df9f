import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { compactStoredDoc } from '../../server/yjs/persistence.js';
import { testDefinition } from '../helpers/definitions.js';
import { removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');
const linesOf = (doc: Y.Doc) =>
  textOf(doc)
    .split('\n')
    .filter((l) => l !== '');

async function storedDoc(server: TestServer, docName: string): Promise<{ doc: Y.Doc; updates: number }> {
  const stored = await server.store.loadDoc(server.meeting.meetingId, docName);
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return { doc, updates: stored.updates.length };
}

describe('kill -9 while people type', () => {
  let proc: ServerProcess | null = null;
  const clients: DocClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    if (proc) {
      await proc.kill9();
      removeDataDir(proc.dataDir);
      proc = null;
    }
  });

  async function createMeeting(server: ServerProcess): Promise<{ meetingId: string; tokenOf(id: string): string }> {
    const res = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(testDefinition()),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { meetingId: string; links: { participantId: string; url: string }[] };
    return {
      meetingId: created.meetingId,
      tokenOf: (id) =>
        created.links
          .find((l) => l.participantId === id)!
          .url.split('/')
          .at(-1)!,
    };
  }

  it('keeps every edit that any other client had received', async () => {
    proc = await spawnServer();
    const meeting = await createMeeting(proc);
    const open = (id: string, docName: string) => {
      const c = connectDoc(proc!.url, meeting.meetingId, docName, meeting.tokenOf(id));
      clients.push(c);
      return c;
    };
    // Writers on both kinds of document, and readers who only watch.
    const writers = [
      { id: 'm1', doc: NOTES },
      { id: 'm2', doc: NOTES },
      { id: 'chair', doc: NOTES },
      { id: 'sec', doc: MINUTES_DOC },
      { id: 'chair', doc: MINUTES_DOC },
    ].map((w) => ({ ...w, client: open(w.id, w.doc), written: 0 }));
    const watchers = [open('obs', NOTES), open('m3', NOTES), open('guest', MINUTES_DOC), open('m4', MINUTES_DOC)];
    await Promise.all([...writers.map((w) => w.client), ...watchers].map((c) => c.synced()));

    let typing = true;
    const loops = writers.map(async (w, i) => {
      while (typing) {
        appendParagraph(w.client.doc, `${w.id}@${w.doc}#${w.written++}`);
        await new Promise((r) => setTimeout(r, 2 + (i % 3)));
      }
    });
    // Kill it mid-stream, once plenty has gone round.
    await waitFor(() => watchers.every((c) => linesOf(c.doc).length > 150), 20_000, 'edits to flow');
    await proc.kill9();
    typing = false;
    await Promise.all(loops);

    // What each client had from others when the server died. Writers' own lines may be lost (no one
    // got them, so no one was told they exist); a line received from someone else may not be.
    const received = new Map<string, Set<string>>([
      [NOTES, new Set()],
      [MINUTES_DOC, new Set()],
    ]);
    for (const c of watchers) for (const line of linesOf(c.doc)) received.get(c.provider.roomname)!.add(line);
    for (const w of writers) {
      for (const line of linesOf(w.client.doc)) if (!line.startsWith(`${w.id}@`)) received.get(w.doc)!.add(line);
    }
    for (const c of clients.splice(0)) c.destroy();

    proc = await spawnServer({ dataDir: proc.dataDir, port: proc.port });
    for (const [docName, lines] of received) {
      const fresh = open('obs', docName);
      await fresh.synced();
      const after = new Set(linesOf(fresh.doc));
      const lost = [...lines].filter((l) => !after.has(l));
      expect(lost, `${docName}: lost ${lost.length} of ${lines.size} received lines`).toEqual([]);
      expect(lines.size).toBeGreaterThan(100);
    }
  }, 120_000);
});

describe('compaction', () => {
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

  it('merges the log once N updates are in and the typing pauses, and to one update when the last client leaves', async () => {
    server = await startServer({ compactEvery: 10 });
    const m1 = open('m1');
    const m2 = open('m2');
    await Promise.all([m1.synced(), m2.synced()]);
    for (let i = 0; i < 35; i++) appendParagraph(i % 2 ? m1.doc : m2.doc, `dòng ${i}`);
    await waitFor(() => linesOf(m1.doc).length === 35 && linesOf(m2.doc).length === 35, 5000, 'every line on both');

    // 35 updates went in; compaction once the typing pauses keeps the log near N, and loses nothing.
    await waitFor(async () => (await storedDoc(server, NOTES)).updates <= 11, 5000, 'compaction after the pause');
    expect(textOf((await storedDoc(server, NOTES)).doc)).toBe(textOf(m1.doc));

    const content = textOf(m1.doc);
    m1.destroy();
    m2.destroy();
    await waitFor(async () => (await storedDoc(server, NOTES)).updates === 1, 5000, 'compaction on the last leave');
    expect(textOf((await storedDoc(server, NOTES)).doc)).toBe(content);

    // A fresh client loads the merged document.
    const fresh = open('obs');
    await fresh.synced();
    expect(textOf(fresh.doc)).toBe(content);
  });

  it('does not compact while someone types (it would hold up every relay), but right after they pause', async () => {
    server = await startServer({ compactEvery: 5 });
    const m1 = open('m1');
    await m1.synced();
    // Each line stored before the next is typed, so each is an entry of the log of its own.
    for (let i = 0; i < 8; i++) {
      appendParagraph(m1.doc, `dòng ${i}`);
      await waitFor(async () => linesOf((await storedDoc(server, NOTES)).doc).length === i + 1, 5000, `line ${i} stored`);
    }
    expect((await storedDoc(server, NOTES)).updates).toBe(8);
    await waitFor(async () => (await storedDoc(server, NOTES)).updates === 1, 5000, 'compaction after the pause');
    expect(linesOf((await storedDoc(server, NOTES)).doc)).toHaveLength(8);
  });

  it('loses nothing when compactions run while everyone is typing', async () => {
    server = await startServer({ compactEvery: 3, compactPauseMs: 0 });
    const editors = ['chair', 'sec', 'm1', 'm2', 'm3'].map((id) => ({ id, client: open(id) }));
    await Promise.all(editors.map((e) => e.client.synced()));
    const meetingId = server.meeting.meetingId;

    // The server compacts after every 3 updates, without waiting for a pause; an outside compaction
    // (another instance, say) races too.
    let typing = true;
    const outside = (async () => {
      while (typing) {
        await compactStoredDoc(server.store, meetingId, NOTES);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await Promise.all(
      editors.map(async ({ id, client }) => {
        for (let i = 0; i < 60; i++) {
          appendParagraph(client.doc, `${id} ${i}`);
          if (i % 7 === 0) await new Promise((r) => setTimeout(r, 1));
        }
      }),
    );
    const total = editors.length * 60;
    await waitFor(() => editors.every((e) => linesOf(e.client.doc).length === total), 10_000, 'every line everywhere');
    typing = false;
    await outside;

    const expected = textOf(editors[0].client.doc);
    expect(editors.every((e) => textOf(e.client.doc) === expected)).toBe(true);
    await waitFor(async () => textOf((await storedDoc(server, NOTES)).doc) === expected, 5000, 'the store to hold every line');

    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const stored = await storedDoc(server, NOTES);
    expect(stored.updates).toBe(1);
    expect(linesOf(stored.doc)).toHaveLength(total);
    const fresh = open('obs');
    await fresh.synced();
    expect(textOf(fresh.doc)).toBe(expected);
  });

  it('merges a log left long by a crash when the document is next opened', async () => {
    server = await startServer({ compactEvery: 5 });
    const writer = new Y.Doc();
    writer.on('update', (u: Uint8Array) => void server.store.appendDocUpdate(server.meeting.meetingId, MINUTES_DOC, u));
    for (let i = 0; i < 20; i++) appendParagraph(writer, `đoạn ${i}`);
    await waitFor(async () => (await storedDoc(server, MINUTES_DOC)).updates === 20, 5000, 'the log to be written');

    const sec = open('sec', MINUTES_DOC);
    await sec.synced();
    expect(textOf(sec.doc)).toBe(textOf(writer));
    await waitFor(async () => (await storedDoc(server, MINUTES_DOC)).updates === 1, 5000, 'the load to compact');
    expect(textOf((await storedDoc(server, MINUTES_DOC)).doc)).toBe(textOf(writer));
  });
});
