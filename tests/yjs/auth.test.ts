import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { createMeeting } from '../../server/meetings/create.js';
import { testDefinition } from '../helpers/definitions.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, docUpgrade, textOf } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

// The token goes in the WebSocket subprotocol, as the app sends it (tests/security/yjs-auth.test.ts
// has the subprotocol's own rules and the deprecated ?token= form).
describe('the Yjs endpoint checks the link at the upgrade', () => {
  let server: TestServer;
  const docUrl = (docName: string, meetingId = server.meeting.meetingId) => `${server.url}/yjs/${meetingId}/${docName}`;

  /** A refused upgrade: the HTTP status and error code, and not a single WebSocket message. */
  async function refused(url: string, token?: string): Promise<{ status: number; code: string }> {
    const outcome = await docUpgrade(url, { token });
    expect(outcome.socket, `expected ${url} to be refused`).toBeNull();
    expect(outcome.received).toHaveLength(0);
    return { status: outcome.status, code: (JSON.parse(outcome.body) as { error: { code: string } }).error.code };
  }

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('opens a document for a valid link, and the server starts the sync', async () => {
    const outcome = await docUpgrade(docUrl(NOTES), { token: server.tokenOf('m1') });
    expect(outcome.status).toBe(101);
    await waitFor(() => outcome.received.length > 0, 5000, 'the sync step 1');
    outcome.socket!.close();
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect(await refused(docUrl(NOTES))).toEqual({ status: 401, code: 'unauthorized' });
    expect(await refused(docUrl(NOTES), 'not-a-token-of-anyone')).toEqual({ status: 401, code: 'unauthorized' });
    expect(await refused(docUrl(NOTES), 'x'.repeat(5000))).toEqual({ status: 401, code: 'unauthorized' });
  });

  it('refuses a link of another meeting with 403, whichever meeting the path names', async () => {
    const other = await createMeeting(server.store, testDefinition({ title: 'Cuộc họp khác' }), server.url);
    const otherToken = other.links
      .find((l) => l.participantId === 'chair')!
      .url.split('/')
      .at(-1)!;
    expect(await refused(docUrl(NOTES), otherToken)).toEqual({ status: 403, code: 'forbidden' });
    expect(await refused(docUrl(NOTES, other.meetingId), server.tokenOf('chair'))).toEqual({ status: 403, code: 'forbidden' });
    // A meeting that does not exist reveals nothing more than a wrong meeting does.
    expect(await refused(docUrl(NOTES, 'nosuchmeeting'), server.tokenOf('chair'))).toEqual({ status: 403, code: 'forbidden' });
  });

  it('refuses unknown documents and the notes of an unknown item with 404, after the token', async () => {
    const token = server.tokenOf('m1');
    for (const name of ['agenda', 'notes-', 'notes-nosuchitem', 'Minutes', 'notes-collective%2Fx', '%E0%A4%A', 'notes-..']) {
      expect(await refused(docUrl(name), token), name).toEqual({ status: 404, code: 'not-found' });
    }
    // Without a valid link, nobody learns which documents exist.
    expect(await refused(docUrl('notes-nosuchitem'), 'wrong')).toEqual({ status: 401, code: 'unauthorized' });
    // Every real document opens.
    for (const name of [MINUTES_DOC, ...['open', 'collective', 'review-m1', 'review-m2', 'close'].map(notesDocName)]) {
      const outcome = await docUpgrade(docUrl(name), { token });
      expect(outcome.status, name).toBe(101);
      outcome.socket!.close();
    }
  });

  it('refuses upgrades on any other path, and Socket.IO still works beside it', async () => {
    const token = server.tokenOf('m1');
    for (const path of ['/', '/ws', '/yjs', `/yjs/${server.meeting.meetingId}`, `/yjs/${server.meeting.meetingId}/${NOTES}/extra`, '/api/meetings']) {
      expect(await refused(`${server.url}${path}`, token), path).toEqual({ status: 404, code: 'not-found' });
    }
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'attendance.mark', participantId: 'm1', status: 'present' })).toMatchObject({ ok: true });
  });

  it('closes the open documents of a reissued link with 4401 and refuses the old token after', async () => {
    const oldToken = server.tokenOf('m1');
    const m1Notes = connectDoc(server.url, server.meeting.meetingId, NOTES, oldToken);
    const m1Minutes = connectDoc(server.url, server.meeting.meetingId, MINUTES_DOC, oldToken);
    const m2 = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('m2'));
    try {
      await Promise.all([m1Notes.synced(), m1Minutes.synced(), m2.synced()]);
      const terminal = new Promise<number>((resolve) => m1Notes.provider.on('closed', ({ code }) => resolve(code)));

      const chair = await server.connectAs('chair');
      const ack = await chair.send({ type: 'link.reissue', participantId: 'm1' });
      expect(ack).toMatchObject({ ok: true });
      expect(await terminal).toBe(DOC_CLOSE.revoked);
      await waitFor(() => m1Minutes.closes.includes(DOC_CLOSE.revoked), 5000, 'the minutes connection to close');
      // 4401 is final: the provider does not come back with the old link.
      expect(m1Notes.provider.shouldConnect).toBe(false);
      expect(await refused(docUrl(NOTES), oldToken)).toEqual({ status: 401, code: 'unauthorized' });

      // Others are untouched, and the new link works.
      appendParagraph(m2.doc, 'vẫn hoạt động');
      const { link } = ack as { link: string };
      const renewed = connectDoc(server.url, server.meeting.meetingId, NOTES, link.split('/').at(-1)!);
      await renewed.synced();
      await waitFor(() => textOf(renewed.doc) === 'vẫn hoạt động', 5000, 'the new link to load the notes');
      renewed.destroy();
    } finally {
      for (const c of [m1Notes, m1Minutes, m2]) c.destroy();
    }
  });

  it('closes a connection whose link is reissued while it is being set up', async () => {
    // Hold the document's load (the step between the token check and the join) until the link is reissued.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let loading = false;
    const store = server.store;
    const loadDoc = store.loadDoc.bind(store);
    store.loadDoc = async (...args) => {
      loading = true;
      await gate;
      return loadDoc(...args);
    };

    const m1 = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('m1'));
    try {
      const terminal = new Promise<number>((resolve) => m1.provider.on('closed', ({ code }) => resolve(code)));
      await waitFor(() => loading, 5000, 'the load to start');
      const chair = await server.connectAs('chair');
      expect(await chair.send({ type: 'link.reissue', participantId: 'm1' })).toMatchObject({ ok: true });
      release();
      expect(await terminal).toBe(DOC_CLOSE.revoked);
    } finally {
      store.loadDoc = loadDoc;
      release();
      m1.destroy();
    }
  });
});
