import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { DOC_MESSAGE_BURST, MAX_DOC_MESSAGE_BYTES } from '../../shared/notes/limits.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { tryUpgrade } from '../helpers/upgrade.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';
import { seeded } from '../helpers/random.js';

const NOTES = notesDocName('collective');

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}
const syncMessage = (step: number, body: Uint8Array) =>
  bytes((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, body);
  });
const awarenessMessage = (body: Uint8Array) =>
  bytes((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, body);
  });
/** Sync step 1 with an empty state vector: the server always answers it with a step 2. */
const BARRIER = syncMessage(0, Y.encodeStateVector(new Y.Doc()));

/** Real messages as a provider sends them, made from a real document and awareness. */
function realMessages(): Record<string, Uint8Array> {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  appendParagraph(doc, 'Nội dung có dấu: Hoàn thành tốt nhiệm vụ');
  doc.once('update', (u: Uint8Array) => {
    update = u;
  });
  appendParagraph(doc, 'Một đoạn nữa');
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name: 'Kẻ thử', color: '#123456' });
  return {
    'sync step 1': syncMessage(0, Y.encodeStateVector(doc)),
    'sync step 2': syncMessage(1, Y.encodeStateAsUpdate(doc)),
    update: syncMessage(2, update),
    awareness: awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
  };
}

type Frame = Uint8Array | string;
interface Outcome {
  code: number | null;
}

describe('bad input closes only the connection that sent it', () => {
  let server: TestServer;
  let editor: DocClient;
  let reader: DocClient;
  let contentBefore: string;

  beforeAll(async () => {
    // Probes run 12 at a time on one link and document, hundreds a second: far more than a link may
    // hold, or open, in real use (docs/SECURITY.md).
    server = await startServer({ maxConnectionsPerToken: 10_000, maxObserverConnections: 10_000 });
    editor = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('m1'));
    reader = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('obs'));
    await Promise.all([editor.synced(), reader.synced()]);
    appendParagraph(editor.doc, 'Góp ý của đồng chí Một, phải còn nguyên.');
    await waitFor(() => textOf(reader.doc) === textOf(editor.doc), 5000, 'the reader to get the line');
    contentBefore = textOf(editor.doc);
  });
  afterAll(async () => {
    editor.destroy();
    reader.destroy();
    await server.stop();
  });

  /**
   * Opens a raw connection as `participantId`, sends `frames`, then a sync step 1 as a barrier.
   * Returns the close code, or null when the connection survived (the barrier was answered).
   */
  async function probe(frames: Frame[], participantId = 'm2'): Promise<Outcome> {
    const outcome = await tryUpgrade(`${server.url}/yjs/${server.meeting.meetingId}/${NOTES}?token=${server.tokenOf(participantId)}`);
    const ws = outcome.socket!;
    for (const frame of frames) ws.send(frame, { binary: typeof frame !== 'string' });
    ws.send(BARRIER);
    const answered = waitFor(() => outcome.received.some((m) => m[0] === 0 && m[1] === 1), 10_000, 'the barrier');
    const result = await Promise.race([outcome.closed.then(({ code }) => ({ code })), answered.then(() => ({ code: null }))]);
    if (result.code === null) {
      ws.close();
      await outcome.closed;
    }
    return result;
  }

  /** Runs probes a few at a time. */
  async function probeAll(cases: Frame[][], participantId?: string): Promise<Outcome[]> {
    const results: Outcome[] = new Array(cases.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (next < cases.length) {
          const i = next++;
          results[i] = await probe(cases[i], participantId);
        }
      }),
    );
    return results;
  }

  async function expectIntact(): Promise<void> {
    expect(editor.closes, 'the editor was never disconnected').toEqual([]);
    expect(reader.closes, 'the reader was never disconnected').toEqual([]);
    expect(editor.provider.wsconnected && reader.provider.wsconnected).toBe(true);
    expect(textOf(editor.doc)).toContain(contentBefore);
    // The other clients keep working: an edit goes round as before.
    const line = `kiểm tra ${Math.random().toString(36).slice(2)}`;
    appendParagraph(editor.doc, line);
    await waitFor(() => textOf(reader.doc) === textOf(editor.doc), 5000, 'the reader to get the check line');
    const stored = await server.store.loadDoc(server.meeting.meetingId, NOTES);
    const fromStore = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(fromStore, u);
    expect(textOf(fromStore)).toBe(textOf(editor.doc));
    // And the server still answers everything else.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'attendance.mark', participantId: 'm3', status: 'present' })).toMatchObject({ ok: true });
    chair.close();
  }

  it('accepts the real messages whole (the harness itself is sound)', async () => {
    const results = await probeAll(Object.values(realMessages()).map((m) => [m]));
    expect(results.map((r) => r.code)).toEqual([null, null, null, null]);
  });

  it('closes with 4400 on every truncation of every real message', async () => {
    for (const [name, message] of Object.entries(realMessages())) {
      const cuts = Array.from({ length: message.length }, (_, n) => [message.subarray(0, n)]);
      const results = await probeAll(cuts);
      const wrong = results.map((r, n) => ({ n, code: r.code })).filter((r) => r.code !== DOC_CLOSE.malformed);
      expect(wrong, `${name} (${message.length} bytes)`).toEqual([]);
    }
    await expectIntact();
  }, 120_000);

  it('closes with 4400 on trailing bytes, wrong types and huge varints', async () => {
    const real = realMessages();
    const cases: Record<string, Uint8Array> = {
      ...Object.fromEntries(Object.entries(real).map(([name, m]) => [`${name} + 1 byte`, Uint8Array.from([...m, 0])])),
      'auth message (server only)': Uint8Array.from([2, 0]),
      'unknown message type 4': Uint8Array.from([4]),
      'unknown message type 127': Uint8Array.from([127, 1, 2, 3]),
      'unknown sync step 3': syncMessage(3, new Uint8Array([0])),
      'huge message type': Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      'huge sync length': Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]),
      'unterminated varint': Uint8Array.from([0, 2, 0xff, 0xff, 0xff]),
      'awareness with a huge count': awarenessMessage(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f])),
      'awareness with bad JSON': awarenessMessage(
        bytes((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 7);
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, '{"user":');
        }),
      ),
      'update that is a state vector': syncMessage(2, Uint8Array.from([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 5])),
      'state vector with a huge clock': syncMessage(0, Uint8Array.from([1, 7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])),
      'empty message': new Uint8Array(),
    };
    const results = await probeAll(Object.values(cases).map((m) => [m]));
    const codes = Object.fromEntries(Object.keys(cases).map((name, i) => [name, results[i].code]));
    expect(codes).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, DOC_CLOSE.malformed])));
    await expectIntact();
  });

  it('survives random bytes, raw and inside each message type, as an editor and as a reader', async () => {
    const rand = seeded(0xfacade);
    const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
    const cases: Frame[][] = [];
    for (let i = 0; i < 400; i++) {
      const body = randomBytes(Math.floor(rand() * 96));
      const shape = i % 5;
      // Raw, and wrapped so that the bytes reach the Yjs update, state vector and awareness decoders.
      cases.push([shape === 0 ? body : shape === 1 ? syncMessage(2, body) : shape === 2 ? syncMessage(1, body) : shape === 3 ? syncMessage(0, body) : awarenessMessage(body)]);
    }
    for (const participantId of ['m2', 'obs']) {
      const results = await probeAll(cases, participantId);
      const unexpected = results.filter((r) => r.code !== null && r.code !== DOC_CLOSE.malformed && r.code !== DOC_CLOSE.docTooLarge);
      expect(unexpected).toEqual([]);
      // Most random bytes are not a message at all.
      expect(results.filter((r) => r.code === DOC_CLOSE.malformed).length).toBeGreaterThan(cases.length / 2);
    }
    expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
    await expectIntact();
  }, 120_000);

  it('survives real messages with random bytes changed (reaching deep into Yjs)', async () => {
    const rand = seeded(0xbadd0c);
    const real = Object.values(realMessages());
    const cases: Frame[][] = [];
    for (let i = 0; i < 600; i++) {
      const message = Uint8Array.from(real[i % real.length]);
      const flips = 1 + Math.floor(rand() * 3);
      // Past the header, so the envelope stays valid and the body is what is wrong.
      for (let f = 0; f < flips; f++) message[3 + Math.floor(rand() * (message.length - 3))] = Math.floor(rand() * 256);
      cases.push([message]);
    }
    const results = await probeAll(cases, 'm2');
    const unexpected = results.map((r, i) => ({ i, code: r.code })).filter((r) => r.code !== null && r.code !== DOC_CLOSE.malformed);
    expect(unexpected).toEqual([]);
    expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
    await expectIntact();
  }, 120_000);

  it('closes text frames with 1003 and frames over the size limit with 1009', async () => {
    expect(await probe(['hello'])).toEqual({ code: DOC_CLOSE.unsupportedData });
    expect(await probe([new Uint8Array(MAX_DOC_MESSAGE_BYTES + 1)])).toEqual({ code: DOC_CLOSE.tooBig });
    await expectIntact();
  });

  it('closes a connection flooding past the rate limit with 4429', async () => {
    // Valid, harmless messages (an empty awareness update), more at once than the burst allows.
    const empty = awarenessMessage(Uint8Array.from([0]));
    expect(await probe(Array.from({ length: DOC_MESSAGE_BURST * 2 }, () => empty))).toEqual({ code: DOC_CLOSE.rateLimited });
    // A burst within the limit is fine.
    expect(await probe(Array.from({ length: DOC_MESSAGE_BURST / 2 }, () => empty))).toEqual({ code: null });
    await expectIntact();
  });
});
