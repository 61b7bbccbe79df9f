import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { tryUpgrade, type UpgradeOutcome } from '../helpers/upgrade.js';
import { pong, waitFor } from '../helpers/wait.js';
import { awarenessMessage, connectDoc, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

type State = { user?: { name?: string; participantId?: string; role?: string; readOnly?: boolean }; connections?: number; cursor?: unknown };
const states = (c: DocClient) => [...c.provider.awareness.getStates()].filter(([id]) => id !== c.doc.clientID).map(([id, s]) => ({ id, ...(s as State) }));
const entryOf = (c: DocClient, participantId: string) => states(c).filter((s) => s.user?.participantId === participantId);

/**
 * Read-only connections' presence is never relayed: the editors see who follows (one entry per
 * reader, with how many connections they hold), never a reader's cursor or anything a reader sent,
 * and a reader's awareness floods nobody.
 */
describe("readers' awareness", () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  const raws: UpgradeOutcome[] = [];
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.socket?.terminate();
    await server.stop();
  });
  const open = (id: string, doc = NOTES) => {
    const c = connectDoc(server.url, server.meeting.meetingId, doc, server.tokenOf(id));
    clients.push(c);
    return c;
  };
  const raw = async (id: string, doc = NOTES) => {
    const r = await tryUpgrade(`${server.url}/yjs/${server.meeting.meetingId}/${doc}?token=${server.tokenOf(id)}`);
    raws.push(r);
    return r;
  };

  it("shows editors who follows and how many, never a reader's own state", async () => {
    const chair = open('chair');
    const followers = [open('obs'), open('obs'), open('obs'), open('screen'), open('guest')];
    await Promise.all([chair, ...followers].map((c) => c.synced()));
    for (const f of followers) f.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 5 });
    followers[0].provider.awareness.setLocalStateField('user', { name: 'Nguyễn Văn Chủ', color: '#ff0000' });

    await waitFor(() => entryOf(chair, 'obs')[0]?.connections === 3 && entryOf(chair, 'screen').length === 1 && entryOf(chair, 'guest').length === 1, 5000, "the readers' entries");
    expect(entryOf(chair, 'obs')).toEqual([{ id: expect.any(Number), user: { name: 'Theo dõi', participantId: 'obs', role: 'observer', readOnly: true }, connections: 3 }]);
    expect(entryOf(chair, 'guest')[0].user).toEqual({ name: 'Vũ Văn Khách', participantId: 'guest', role: 'guest', readOnly: true });
    // None of the readers' own client ids, cursors or claims reached the editor.
    const readerIds = new Set(followers.map((f) => f.doc.clientID));
    expect(states(chair).filter((s) => readerIds.has(s.id))).toEqual([]);
    expect(states(chair).some((s) => s.cursor !== undefined)).toBe(false);

    // Two followers leave: the count goes down; the last one leaving takes the entry away.
    followers[1].destroy();
    followers[2].destroy();
    await waitFor(() => entryOf(chair, 'obs')[0]?.connections === 1, 5000, 'the count to go down');
    followers[0].destroy();
    await waitFor(() => entryOf(chair, 'obs').length === 0, 5000, 'the observer to be gone');
  });

  it('readers still see the editors, cursors and all', async () => {
    const m1 = open('m1');
    const obs = open('obs');
    await Promise.all([m1.synced(), obs.synced()]);
    m1.provider.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
    await waitFor(() => entryOf(obs, 'm1')[0]?.cursor !== undefined, 5000, "m1's cursor on the observer's copy");
  });

  it('a member is a reader of the minutes', async () => {
    const sec = open('sec', MINUTES_DOC);
    const m2 = open('m2', MINUTES_DOC);
    await Promise.all([sec.synced(), m2.synced()]);
    m2.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    await waitFor(() => entryOf(sec, 'm2').length === 1, 5000, 'm2 as a reader');
    expect(entryOf(sec, 'm2')[0]).toMatchObject({ user: { readOnly: true }, connections: 1 });
    expect(entryOf(sec, 'm2')[0].cursor).toBeUndefined();
  });

  it("a reader's awareness flood reaches nobody; nobody can take over a reader's entry", async () => {
    const editor = await raw('m1');
    let received = 0;
    let chairMoved = false;
    editor.socket!.on('message', (data: Buffer) => {
      received += data.byteLength;
      chairMoved ||= data.toString('latin1').includes('"anchor":9,"head":9');
    });
    const watcher = open('chair');
    await watcher.synced();
    const reader = await raw('obs');
    await waitFor(() => entryOf(watcher, 'obs').length === 1, 5000, "the observer's entry");
    const before = received;
    // 300 updates of 30 KB (9 MB), within the connection's rate limit: relayed, that was 9 MB to every editor.
    for (let clock = 1; clock <= 300; clock++) reader.socket!.send(awarenessMessage([{ clientID: 777, clock, state: { blob: 'z'.repeat(30 * 1024) } }]));
    // Once the reader's ping is answered the server has read all of it (and relays as it reads); a
    // later change of the chair's is then a barrier: the editor has everything relayed before it.
    await pong(reader.socket!);
    watcher.provider.awareness.setLocalStateField('cursor', { anchor: 9, head: 9 });
    await waitFor(() => chairMoved, 5000, "the chair's change at the editor");
    expect(received - before).toBeLessThan(64 * 1024);
    expect(reader.socket!.readyState).toBe(reader.socket!.OPEN);

    // An editor claiming the reader entry's client id changes nothing.
    const [{ id }] = entryOf(watcher, 'obs');
    editor.socket!.send(awarenessMessage([{ clientID: id, clock: 1000, state: { user: { name: 'x' } } }]));
    editor.socket!.send(awarenessMessage([{ clientID: id, clock: 1001, state: null }]));
    editor.socket!.send(awarenessMessage([{ clientID: 4242, clock: 1, state: {} }]));
    await waitFor(() => states(watcher).some((s) => s.id === 4242), 5000, "the editor's own state, as a barrier");
    expect(entryOf(watcher, 'obs')).toMatchObject([{ id, user: { participantId: 'obs', readOnly: true } }]);
  });
});
