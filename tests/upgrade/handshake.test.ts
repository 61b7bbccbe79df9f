import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesDocName } from '../../shared/notes/access.js';
import { DOC_SUBPROTOCOL } from '../../shared/notes/protocol.js';
import { docProtocolEntry, MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION } from '../../shared/versions.js';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { appendParagraph, connectDoc, docUpgrade, textOf } from '../helpers/yjs.js';
import { waitFor } from '../helpers/wait.js';

const DOC = notesDocName('collective');

/** A socket.io-client whose handshake carries `auth` as given: what it got, the snapshot or the refusal. */
function handshake(url: string, auth: Record<string, unknown>): Promise<{ ok: true } | { ok: false; data: { code: string; detail?: unknown } }> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('snapshot', () => {
      socket.close();
      resolve({ ok: true });
    });
    socket.once('connect_error', (e) => {
      socket.close();
      resolve({ ok: false, data: (e as Error & { data: { code: string } }).data });
    });
  });
}

describe('the protocol version in the handshake', () => {
  let server: TestServer;
  const docUrl = () => `${server.url}/yjs/${server.meeting.meetingId}/${DOC}`;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('serves every protocol from MIN_CLIENT_PROTOCOL to its own, and the old client that names none', async () => {
    const token = server.tokenOf('m1');
    expect(MIN_CLIENT_PROTOCOL).toBe(1);
    expect(await handshake(server.url, { token })).toEqual({ ok: true });
    for (let v = MIN_CLIENT_PROTOCOL; v <= PROTOCOL_VERSION; v++) expect(await handshake(server.url, { token, protocol: v })).toEqual({ ok: true });
  });

  it('answers any other protocol upgrade-required, with the range it serves, before looking at the token', async () => {
    const expected = {
      ok: false,
      data: { code: 'upgrade-required', message: expect.stringContaining('load the app again'), detail: { min: MIN_CLIENT_PROTOCOL, max: PROTOCOL_VERSION } },
    };
    for (const protocol of [PROTOCOL_VERSION + 1, 99, 0, -1, 1.5, '2', null, { v: 2 }]) {
      const outcome = await handshake(server.url, { token: server.tokenOf('m1'), protocol });
      // null is "no version" to the server, as absent is.
      if (protocol === null) expect(outcome).toEqual({ ok: true });
      else expect(outcome, JSON.stringify(protocol)).toEqual(expected);
    }
    expect(await handshake(server.url, { token: 'not-a-token', protocol: PROTOCOL_VERSION + 1 })).toEqual(expected);
    expect(await handshake(server.url, { token: 'not-a-token', protocol: PROTOCOL_VERSION })).toMatchObject({ ok: false, data: { code: 'unauthorized' } });
  });

  it('on the Yjs endpoint: an unmodified provider without a version, or with a served one, syncs', async () => {
    const token = server.tokenOf('m1');
    for (const protocols of [
      [DOC_SUBPROTOCOL, token],
      [DOC_SUBPROTOCOL, docProtocolEntry(PROTOCOL_VERSION), token],
      [docProtocolEntry(1), DOC_SUBPROTOCOL, token],
    ]) {
      const outcome = await docUpgrade(docUrl(), { protocols });
      expect(outcome.status, protocols.join()).toBe(101);
      // The server names only `phong-hop`, never the version entry nor the token.
      expect(outcome.protocol).toBe(DOC_SUBPROTOCOL);
      outcome.socket!.close();
    }
    // An unmodified WebsocketProvider with the app's own options: the version travels beside the token.
    const reader = connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf('chair'));
    const doc = new Y.Doc();
    const writer = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs/${server.meeting.meetingId}`, DOC, doc, {
      protocols: [DOC_SUBPROTOCOL, docProtocolEntry(PROTOCOL_VERSION), token],
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await waitFor(() => writer.synced, 10_000, 'the versioned provider to sync');
      appendParagraph(doc, 'Ý kiến gửi kèm phiên bản giao thức.');
      await waitFor(() => textOf(reader.doc).includes('Ý kiến gửi kèm phiên bản giao thức.'), 10_000, 'the edit relayed');
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });

  it('on the Yjs endpoint: any other version, or a malformed or doubled one, is refused 426 upgrade-required', async () => {
    const token = server.tokenOf('m1');
    for (const entries of [[docProtocolEntry(PROTOCOL_VERSION + 1)], ['phong-hop.v0'], ['phong-hop.vx'], ['phong-hop.v'], [docProtocolEntry(1), docProtocolEntry(2)]]) {
      const outcome = await docUpgrade(docUrl(), { protocols: [DOC_SUBPROTOCOL, ...entries, token] });
      expect(outcome.status, entries.join()).toBe(426);
      expect(JSON.parse(outcome.body)).toMatchObject({ ok: false, error: { code: 'upgrade-required' } });
      expect(outcome.received).toHaveLength(0);
    }
    // Before the token: an outdated app is told to update whoever's link it holds.
    expect((await docUpgrade(docUrl(), { protocols: [DOC_SUBPROTOCOL, docProtocolEntry(99), 'not-a-token'] })).status).toBe(426);
  });
});
