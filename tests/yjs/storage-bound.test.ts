import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import type { Store } from '../../server/store/store.js';
import { notesDocName } from '../../shared/notes/access.js';
import { MAX_DOC_BYTES } from '../../shared/notes/limits.js';
import { startCluster, type Cluster } from '../helpers/cluster.js';
import { redisAvailable } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, type DocClient } from '../helpers/yjs.js';

/**
 * The cycle (#13): 3.9 MB of text inserted, then deleted, in separate updates, eight times
 * on one document. Before the growth rule, the log kept every cycle (some 31 MB) until the 200th
 * update or an unload. Now it is compacted as soon as the bytes appended exceed DOC_COMPACT_GROWTH
 * times the document (docs/YJS.md, "Compaction"), so at every step the log stays within
 * BOUND = 3 × MAX_DOC_BYTES: the last compaction, one cycle's insert, and one more in flight.
 * (Versions kept by the history are stored apart from the log and are not counted here.)
 */
const TEXT_BYTES = 3_900_000;
const CYCLES = 8;
const BOUND = 3 * MAX_DOC_BYTES;
const DOC = notesDocName('collective');

interface Target {
  url: string;
  meetingId: string;
  store: Store;
  tokenOf(participantId: string): string;
}

/** Runs the cycle through real y-websocket providers and reads the log's size after every step. */
async function cycle(target: Target): Promise<{ steps: number[]; settled: number }> {
  const writer = connectDoc(target.url, target.meetingId, DOC, target.tokenOf('m1'));
  // The server relays an update only once it is stored: when the watcher has it, the log has it.
  const watcher = connectDoc(target.url, target.meetingId, DOC, target.tokenOf('m2'));
  const clients: DocClient[] = [writer, watcher];
  try {
    await Promise.all(clients.map((c) => c.synced()));
    const paragraphs = () => watcher.doc.getXmlFragment(TIPTAP_FIELD).length;
    const stored = () => target.store.docStoredBytes(target.meetingId, DOC);
    const steps: number[] = [];
    // ASCII, so 3.9 MB is 3.9 M characters (a Vietnamese letter with its marks takes 2 or 3 bytes).
    const text = 'Gop y dai. '.repeat(Math.ceil(TEXT_BYTES / 11)).slice(0, TEXT_BYTES);
    for (let i = 0; i < CYCLES; i++) {
      // One update: a paragraph of 3.9 MB…
      appendParagraph(writer.doc, text);
      await waitFor(() => paragraphs() === 1, 20_000, `insert ${i + 1} to be stored and relayed`);
      steps.push(await stored());
      // …then another: the whole of it deleted.
      writer.doc.getXmlFragment(TIPTAP_FIELD).delete(0, 1);
      await waitFor(() => paragraphs() === 0, 20_000, `delete ${i + 1} to be stored and relayed`);
      steps.push(await stored());
    }
    // Once the last compaction it started has run, the log is about the (empty) document.
    await waitFor(async () => (await stored()) < MAX_DOC_BYTES, 20_000, 'the last compaction');
    return { steps, settled: await stored() };
  } finally {
    for (const c of clients) c.destroy();
  }
}

function expectBounded({ steps, settled }: { steps: number[]; settled: number }): void {
  expect(steps).toHaveLength(2 * CYCLES);
  for (const [i, bytes] of steps.entries()) expect(bytes, `after step ${i + 1} (${i % 2 === 0 ? 'insert' : 'delete'})`).toBeLessThanOrEqual(BOUND);
  // Without the growth rule the log only grows through these 16 updates: it was compacted on the way.
  expect(Math.max(...steps.slice(CYCLES))).toBeLessThan(CYCLES * TEXT_BYTES);
  expect(steps.filter((bytes, i) => i > 0 && bytes < steps[i - 1]).length, 'compactions seen between steps').toBeGreaterThanOrEqual(CYCLES / 2 - 1);
  expect(settled).toBeLessThan(MAX_DOC_BYTES);
}

describe('the stored log of a document is bounded by what it holds, not by how it was typed', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The pause does not matter to the growth rule; a short one keeps the count rule out of the way too.
    server = await startServer({ compactPauseMs: 50 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`SQLite: 3.9 MB inserted and deleted ${CYCLES} times stays within 3 × MAX_DOC_BYTES at every step`, async () => {
    const result = await cycle({ url: server.url, meetingId: server.meeting.meetingId, store: server.store, tokenOf: server.tokenOf });
    expectBounded(result);
    // Nothing was lost on the way: the document is empty, as the editors left it, and still takes edits.
    const late = connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf('m3'));
    await late.synced();
    expect(late.doc.getXmlFragment(TIPTAP_FIELD).length).toBe(0);
    late.destroy();
  }, 120_000);
});

describe('a log left large by an earlier version (few updates, many bytes)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is compacted as soon as the document is opened, not at the 200th update or the last leave', async () => {
    const meetingId = server.meeting.meetingId;
    const docName = notesDocName('review-m1');
    // What the cycle left in the store before this fix: inserts and deletes of 1 MB, six updates.
    const source = new Y.Doc();
    for (let i = 0; i < 3; i++)
      for (const change of [() => appendParagraph(source, 'x'.repeat(1_000_000)), () => source.getXmlFragment(TIPTAP_FIELD).delete(0, 1)]) {
        const update = await new Promise<Uint8Array>((resolve) => {
          source.once('update', (u: Uint8Array) => resolve(u));
          change();
        });
        await server.store.appendDocUpdate(meetingId, docName, update);
      }
    expect(await server.store.docStoredBytes(meetingId, docName)).toBeGreaterThan(3_000_000);
    const reader = connectDoc(server.url, meetingId, docName, server.tokenOf('m1'));
    try {
      await reader.synced();
      // Still connected: only the load can have compacted it.
      await waitFor(async () => (await server.store.docStoredBytes(meetingId, docName)) < 1000, 10_000, 'the compaction on load');
      expect(reader.doc.getXmlFragment(TIPTAP_FIELD).length).toBe(0);
    } finally {
      reader.destroy();
    }
  });
});

const redis = await redisAvailable();

describe.runIf(redis)('the same bound on Redis', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(1);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`Redis: 3.9 MB inserted and deleted ${CYCLES} times stays within 3 × MAX_DOC_BYTES at every step`, async () => {
    const [instance] = cluster.instances;
    const result = await cycle({ url: instance.url, meetingId: cluster.meeting.meetingId, store: instance.opened.store, tokenOf: cluster.tokenOf });
    expectBounded(result);
    const { updates } = await instance.opened.store.loadDoc(cluster.meeting.meetingId, DOC);
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, u);
    expect(doc.getXmlFragment(TIPTAP_FIELD).length).toBe(0);
  }, 120_000);
});
