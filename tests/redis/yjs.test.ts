import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { compactStoredDoc, loadStoredDoc } from '../../server/yjs/persistence.js';
import type { RedisStore } from '../../server/store/redis.js';
import { startCluster, startPrivateRedis, type Cluster, type PrivateRedis } from '../helpers/cluster.js';
import { redisAvailable } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const available = await redisAvailable();
const DOC = 'notes-collective';

describe.runIf(available)('Yjs documents across two instances', () => {
  let cluster: Cluster;
  const docs: DocClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterEach(() => {
    for (const d of docs.splice(0)) d.destroy();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  function open(instance: number, participantId: string, docName = DOC): DocClient {
    const client = connectDoc(cluster.instances[instance].url, cluster.meeting.meetingId, docName, cluster.tokenOf(participantId));
    docs.push(client);
    return client;
  }
  const storedText = async (docName = DOC) => {
    const { doc } = await loadStoredDoc(cluster.instances[0].opened.store, cluster.meeting.meetingId, docName);
    return textOf(doc);
  };

  it('an edit through A reaches editors and readers on B, both ways, and B loads everything when it joins', async () => {
    const onA = open(0, 'm1');
    await onA.synced();
    appendParagraph(onA.doc, 'Ý kiến thứ nhất');
    const onB = open(1, 'm2');
    const readerB = open(1, 'obs');
    await Promise.all([onB.synced(), readerB.synced()]);
    expect(textOf(onB.doc)).toBe('Ý kiến thứ nhất');

    appendParagraph(onA.doc, 'Từ A');
    await waitFor(() => textOf(onB.doc).includes('Từ A') && textOf(readerB.doc).includes('Từ A'), 10_000, "A's edit on B");
    appendParagraph(onB.doc, 'Từ B');
    await waitFor(() => textOf(onA.doc).includes('Từ B'), 10_000, "B's edit on A");
    const expected = 'Ý kiến thứ nhất\nTừ A\nTừ B';
    await waitFor(() => textOf(readerB.doc) === expected, 10_000, 'the reader on B');
    expect(textOf(onA.doc)).toBe(expected);
    // Stored once per update: B relayed A's edit without storing it again.
    const stored = await cluster.instances[0].opened.store.loadDoc(cluster.meeting.meetingId, DOC);
    expect(stored.updates.length).toBeLessThanOrEqual(4);
    expect(await storedText()).toBe(expected);

    const late = open(1, 'm3');
    await late.synced();
    expect(textOf(late.doc)).toBe(expected);
  });

  it('presence crosses instances: shown to B at once when B opens the document, gone when the client leaves or its instance vanishes', async () => {
    const docName = 'notes-review-m1';
    const onA = open(0, 'm1', docName);
    await onA.synced();
    onA.provider.awareness.setLocalStateField('user', { name: 'Lê Văn Một' });
    const onB = open(1, 'm2', docName);
    await onB.synced();
    const seesA = () => onB.provider.awareness.getStates().get(onA.doc.clientID)?.user?.name === 'Lê Văn Một';
    // Well before the 15 s renewal: B asked who is present when it opened the document.
    await waitFor(seesA, 5000, "A's presence on B");

    onB.provider.awareness.setLocalStateField('user', { name: 'Phạm Thị Hai' });
    await waitFor(() => onA.provider.awareness.getStates().get(onB.doc.clientID)?.user?.name === 'Phạm Thị Hai', 5000, "B's presence on A");

    onA.provider.disconnect();
    await waitFor(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), 5000, "A's presence gone from B");
  });

  it('forgets the presence of an instance that vanished without a word', async () => {
    const docName = 'notes-review-m2';
    const [a, b] = cluster.instances;
    const onA = open(0, 'm4', docName);
    const onB = open(1, 'm2', docName);
    await Promise.all([onA.synced(), onB.synced()]);
    onA.provider.awareness.setLocalStateField('user', { name: 'Đỗ Thị Bốn' });
    await waitFor(() => onB.provider.awareness.getStates().has(onA.doc.clientID), 5000, "A's presence on B");
    // A's key expires as if it were killed: its heartbeat stops and the key is gone.
    const fanoutA = a.opened.docFanout as unknown as { instanceId: string };
    const storeA = a.opened.store as RedisStore;
    await storeA.redis.del(storeA.instanceKey(fanoutA.instanceId));
    await waitFor(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), 10_000, "B to forget A's client");
    expect(b.logs.join('\n')).not.toContain('error');
    // Back on its next heartbeat; the client's next renewal shows it again.
  });

  it('compacting on A while both instances take edits loses nothing', async () => {
    const docName = 'minutes';
    const writers = [open(0, 'chair', docName), open(1, 'sec', docName)];
    await Promise.all(writers.map((w) => w.synced()));
    const store = cluster.instances[0].opened.store;
    let editing = true;
    const compactions = (async () => {
      let n = 0;
      while (editing) {
        await compactStoredDoc(store, cluster.meeting.meetingId, docName);
        n++;
      }
      return n;
    })();
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      const line = `Dòng ${i}`;
      lines.push(line);
      appendParagraph(writers[i % 2].doc, line);
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => writers.every((w) => lines.every((l) => textOf(w.doc).includes(l))), 15_000, 'every line on both writers');
    // Whatever a client has seen is stored: wait for the server to be done appending, then compare.
    await waitFor(async () => (await storedLines(docName)).length === lines.length, 15_000, 'every line stored');
    editing = false;
    expect(await compactions).toBeGreaterThan(1);
    await compactStoredDoc(store, cluster.meeting.meetingId, docName);
    expect((await store.loadDoc(cluster.meeting.meetingId, docName)).updates).toHaveLength(1);
    expect((await storedLines(docName)).sort()).toEqual([...lines].sort());
    const late = open(1, 'm1', docName);
    await late.synced();
    expect(textOf(late.doc).split('\n').sort()).toEqual([...lines].sort());
  });

  async function storedLines(docName: string): Promise<string[]> {
    const text = await storedText(docName);
    return text === '' ? [] : text.split('\n');
  }

  it('an update stored but never announced still reaches the other instance (the seq gap is noticed)', async () => {
    const onB = open(1, 'm2');
    await onB.synced();
    // As if the announcement had been lost: the update goes into the log directly.
    const writer = new Y.Doc();
    const { doc: current } = await loadStoredDoc(cluster.instances[0].opened.store, cluster.meeting.meetingId, DOC);
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(current));
    const before = Y.encodeStateVector(writer);
    appendParagraph(writer, 'Ghi thẳng vào kho');
    await cluster.instances[0].opened.store.appendDocUpdate(cluster.meeting.meetingId, DOC, Y.encodeStateAsUpdate(writer, before));
    await waitFor(() => textOf(onB.doc).includes('Ghi thẳng vào kho'), 10_000, 'the unannounced update on B');
  });
});

describe.runIf(available)('Yjs across instances when Redis drops out', () => {
  let redis: PrivateRedis;
  let cluster: Cluster;
  const docs: DocClient[] = [];
  beforeAll(async () => {
    redis = await startPrivateRedis();
    cluster = await startCluster(2, { redisUrl: redis.url });
  });
  afterAll(async () => {
    for (const d of docs) d.destroy();
    await cluster?.stop();
    await redis?.remove();
  });
  function open(instance: number, participantId: string): DocClient {
    const client = connectDoc(cluster.instances[instance].url, cluster.meeting.meetingId, DOC, cluster.tokenOf(participantId));
    docs.push(client);
    return client;
  }

  it('heals what went by while the subscriber connections were cut', async () => {
    const onA = open(0, 'm1');
    const onB = open(1, 'm2');
    await Promise.all([onA.synced(), onB.synced()]);
    appendParagraph(onA.doc, 'Trước');
    await waitFor(() => textOf(onB.doc) === 'Trước', 10_000, 'the first edit on B');

    const admin = new Redis(redis.url);
    try {
      await admin.client('KILL', 'TYPE', 'PUBSUB');
      // Edits while nobody listens: stored, announced to no one.
      for (const text of ['Trong lúc mất kết nối 1', 'Trong lúc mất kết nối 2']) appendParagraph(onA.doc, text);
    } finally {
      admin.disconnect();
    }
    await waitFor(() => textOf(onB.doc) === 'Trước\nTrong lúc mất kết nối 1\nTrong lúc mất kết nối 2', 10_000, 'B to heal');
    appendParagraph(onB.doc, 'Sau');
    await waitFor(() => textOf(onA.doc).endsWith('Sau'), 10_000, "B's edit on A after the blip");
  });

  it('converges again after Redis is stopped and started, with edits made meanwhile on both sides', async () => {
    const onA = open(0, 'm3');
    const onB = open(1, 'm4');
    await Promise.all([onA.synced(), onB.synced()]);
    const base = textOf(onB.doc);
    await redis.stop();
    appendParagraph(onA.doc, 'Ngoại tuyến A');
    appendParagraph(onB.doc, 'Ngoại tuyến B');
    // Each instance has tried to store its side's edit, and failed, once it closes that connection
    // with storeFailed: the edits were made while Redis was away, on both sides.
    await waitFor(() => onA.closes.includes(DOC_CLOSE.storeFailed) && onB.closes.includes(DOC_CLOSE.storeFailed), 10_000, 'both instances to fail storing');
    await redis.start();
    await waitFor(async () => (await fetch(`${cluster.instances[0].url}/healthz`)).ok && (await fetch(`${cluster.instances[1].url}/healthz`)).ok, 15_000, 'both instances healthy');
    appendParagraph(onA.doc, 'Sau khi có lại Redis');
    const done = (d: DocClient) => ['Ngoại tuyến A', 'Ngoại tuyến B', 'Sau khi có lại Redis'].every((l) => textOf(d.doc).includes(l));
    await waitFor(() => done(onA) && done(onB), 20_000, 'both sides to converge');
    expect(textOf(onA.doc)).toBe(textOf(onB.doc));
    expect(textOf(onA.doc).startsWith(base)).toBe(true);
    const stored = async () => textOf((await loadStoredDoc(cluster.instances[1].opened.store, cluster.meeting.meetingId, DOC)).doc);
    await waitFor(async () => (await stored()) === textOf(onA.doc), 10_000, 'the store to hold it all');
  });
});
