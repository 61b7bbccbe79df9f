import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { MAX_PENDING_BYTES } from '../../shared/notes/limits.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { tryUpgrade, type UpgradeOutcome } from '../helpers/upgrade.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

function syncMessage(step: number, body: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, body);
  return encoding.toUint8Array(e);
}
const BARRIER = syncMessage(0, Y.encodeStateVector(new Y.Doc()));
const isStep2 = (m: Uint8Array) => m[0] === 0 && m[1] === 1;
const isStep1 = (m: Uint8Array) => m[0] === 0 && m[1] === 0;

/** Two updates of one author, the second depending on the first. */
function chainedUpdates(second: string): { first: Uint8Array; second: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  appendParagraph(doc, 'đoạn thứ nhất');
  const text = doc.getXmlFragment('default').get(0) as Y.XmlElement;
  (text.get(0) as Y.XmlText).insert(0, second);
  return { first: updates[0], second: updates[1], doc };
}

/**
 * An update whose dependencies the server lacks cannot be integrated; Yjs keeps it aside
 * ("pending") until they arrive. It was neither stored nor relayed, so it must not reach anyone by
 * another route either, and what a connection can park there is bounded.
 */
describe('updates the server cannot integrate yet', () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  const sockets: UpgradeOutcome[] = [];
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.socket?.close();
    await server.stop();
  });

  async function raw(participantId: string): Promise<UpgradeOutcome> {
    const outcome = await tryUpgrade(`${server.url}/yjs/${server.meeting.meetingId}/${NOTES}?token=${server.tokenOf(participantId)}`);
    sockets.push(outcome);
    return outcome;
  }
  async function barrier(conn: UpgradeOutcome): Promise<void> {
    const before = conn.received.filter(isStep2).length;
    conn.socket!.send(BARRIER);
    await waitFor(() => conn.received.filter(isStep2).length > before, 5000, 'the barrier');
  }
  async function storedText(): Promise<string> {
    const stored = await server.store.loadDoc(server.meeting.meetingId, NOTES);
    const doc = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return textOf(doc);
  }

  it('are held back from every sync until they can be integrated, stored and relayed', async () => {
    const { first, second, doc } = chainedUpdates('Bổ sung: ');
    const m2 = await raw('m2');
    m2.socket!.send(syncMessage(2, second));
    await barrier(m2);

    // A client that syncs now gets nothing of it: it is not in the store either.
    const reader = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('obs'));
    clients.push(reader);
    await reader.synced();
    expect(reader.doc.store.pendingStructs).toBeNull();
    expect(textOf(reader.doc)).toBe('');
    expect(await storedText()).toBe('');

    // Once its dependency arrives, both go in, stored and relayed together.
    m2.socket!.send(syncMessage(2, first));
    await waitFor(() => textOf(reader.doc) === textOf(doc), 5000, 'the reader to get both');
    expect(reader.doc.store.pendingStructs).toBeNull();
    expect(await storedText()).toBe(textOf(doc));
  });

  it('are bounded: past the limit they are dropped, the sender is closed and editors are asked to resend', async () => {
    const m1 = await raw('m1');
    await barrier(m1);
    const stepOnesBefore = m1.received.filter(isStep1).length;

    const { first, second } = chainedUpdates('x'.repeat(MAX_PENDING_BYTES + 1024));
    const m2 = await raw('m2');
    m2.socket!.send(syncMessage(2, second));
    expect((await m2.closed).code).toBe(DOC_CLOSE.malformed);
    // Whatever a legitimate editor had parked there too, it is asked for again.
    await waitFor(() => m1.received.filter(isStep1).length > stepOnesBefore, 5000, 'a sync step 1 to the editors');

    // The dropped update does not come back when its dependency arrives.
    const m3 = await raw('m3');
    m3.socket!.send(syncMessage(2, first));
    await barrier(m3);
    expect(await storedText()).toBe('đoạn thứ nhất');
  });
});
