import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesDocName } from '../../shared/notes/access.js';
import { MAX_AWARENESS_BYTES, MAX_AWARENESS_CLIENTS } from '../../shared/notes/limits.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { tryUpgrade, type UpgradeOutcome } from '../helpers/upgrade.js';
import { waitFor } from '../helpers/wait.js';
import { awarenessMessage, connectDoc, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

type User = { name?: string; participantId?: string; role?: string; color?: string };
const userOf = (c: DocClient, clientID: number) => c.provider.awareness.getStates().get(clientID)?.user as User | undefined;

/** Presence is who is here: nobody may speak for another participant's connection or appear under another name. */
describe('awareness on the Yjs endpoint', () => {
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
  const open = (id: string) => {
    const c = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf(id));
    clients.push(c);
    return c;
  };
  async function raw(id: string): Promise<UpgradeOutcome> {
    const outcome = await tryUpgrade(`${server.url}/yjs/${server.meeting.meetingId}/${NOTES}?token=${server.tokenOf(id)}`);
    sockets.push(outcome);
    return outcome;
  }

  it("shows each state under its participant's own name, id and role, whatever the client claims", async () => {
    const chair = open('chair');
    const m2 = open('m2');
    await Promise.all([chair.synced(), m2.synced()]);
    // m2's client claims to be the chair.
    m2.provider.awareness.setLocalStateField('user', { name: 'Nguyễn Văn Chủ', color: '#ff0000' });
    await waitFor(() => userOf(chair, m2.doc.clientID) !== undefined, 5000, "m2's presence");
    expect(userOf(chair, m2.doc.clientID)).toEqual({ name: 'Phạm Thị Hai', participantId: 'm2', role: 'member', color: '#ff0000' });

    // A client that sets no user still appears as itself. (A reader's own awareness is never
    // relayed: tests/security/awareness.test.ts.)
    const m3 = open('m3');
    await m3.synced();
    m3.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => userOf(chair, m3.doc.clientID) !== undefined, 5000, "m3's presence");
    expect(userOf(chair, m3.doc.clientID)).toEqual({ name: 'Hoàng Văn Ba', participantId: 'm3', role: 'member' });
  });

  it("ignores entries for a client id that another participant's connection holds", async () => {
    const chair = open('chair');
    const m1 = open('m1');
    await Promise.all([chair.synced(), m1.synced()]);
    chair.provider.awareness.setLocalStateField('user', { name: 'Nguyễn Văn Chủ' });
    await waitFor(() => userOf(m1, chair.doc.clientID) !== undefined, 5000, "the chair's presence");

    const m2 = await raw('m2');
    const clock = 1000;
    // Overwrite the chair's state, then remove it; and a state of m2's own, as a barrier.
    m2.socket!.send(awarenessMessage([{ clientID: chair.doc.clientID, clock, state: { user: { name: 'Giả mạo' } } }]));
    m2.socket!.send(awarenessMessage([{ clientID: chair.doc.clientID, clock: clock + 1, state: null }]));
    m2.socket!.send(awarenessMessage([{ clientID: 4242, clock: 1, state: { user: { name: 'x' } } }]));
    await waitFor(() => userOf(m1, 4242) !== undefined, 5000, "m2's own state");
    expect(userOf(m1, chair.doc.clientID)).toMatchObject({ name: 'Nguyễn Văn Chủ', participantId: 'chair' });
    expect(userOf(m1, 4242)).toMatchObject({ name: 'Phạm Thị Hai', participantId: 'm2' });
    expect(chair.closes).toEqual([]);
  });

  it("lets a participant's new connection take over its client id from an old one that has not closed yet", async () => {
    const watcher = open('chair');
    await watcher.synced();
    const first = await raw('m1');
    first.socket!.send(awarenessMessage([{ clientID: 777, clock: 1, state: { cursor: 1 } }]));
    await waitFor(() => userOf(watcher, 777) !== undefined, 5000, "the first connection's state");
    // The same tablet reconnects (the old socket is still half-open on the server).
    const second = await raw('m1');
    second.socket!.send(awarenessMessage([{ clientID: 777, clock: 2, state: { cursor: 2 } }]));
    await waitFor(() => watcher.provider.awareness.getStates().get(777)?.cursor === 2, 5000, "the new connection's state");
    // The old one going away does not take the new one's presence with it.
    first.socket!.close();
    await first.closed;
    second.socket!.send(awarenessMessage([{ clientID: 778, clock: 1, state: {} }]));
    await waitFor(() => userOf(watcher, 778) !== undefined, 5000, 'a later state of the second connection');
    expect(watcher.provider.awareness.getStates().get(777)?.cursor).toBe(2);
  });

  it('closes a connection whose awareness is too large (4413) or names too many clients (4400)', async () => {
    const chair = open('chair');
    await chair.synced();
    const big = await raw('m2');
    big.socket!.send(awarenessMessage([{ clientID: 1, clock: 1, state: { blob: 'x'.repeat(MAX_AWARENESS_BYTES) } }]));
    expect((await big.closed).code).toBe(DOC_CLOSE.docTooLarge);

    const many = await raw('m3');
    const entries = Array.from({ length: MAX_AWARENESS_CLIENTS + 1 }, (_, i) => ({ clientID: 100 + i, clock: 1, state: {} }));
    many.socket!.send(awarenessMessage(entries));
    expect((await many.closed).code).toBe(DOC_CLOSE.malformed);

    const notAnObject = await raw('m4');
    notAnObject.socket!.send(awarenessMessage([{ clientID: 5, clock: 1, state: 'hello' }]));
    expect((await notAnObject.closed).code).toBe(DOC_CLOSE.malformed);
    // None of them left a presence behind.
    expect([...chair.provider.awareness.getStates().keys()]).toEqual([chair.doc.clientID]);
    expect(chair.closes).toEqual([]);
  });
});
