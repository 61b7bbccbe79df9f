import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesDocName } from '../../shared/notes/access.js';
import { hashToken } from '../../server/ids.js';
import { createMeeting } from '../../server/meetings/create.js';
import { DOC_SUBPROTOCOL } from '../../shared/notes/protocol.js';
import { testDefinition } from '../helpers/definitions.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, docUpgrade, docUrl, textOf, type DocClient, type DocClientOptions, type DocUpgradeOptions } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');
const FOREIGN = 'https://evil.example';

/**
 * The notes connection authenticates without a token in its URL: the token travels in the
 * WebSocket subprotocol (`phong-hop, <token>`), the server answers `phong-hop` alone, checks the
 * page's Origin, and decides everything before the upgrade (docs/YJS.md, "Connecting").
 */
describe('Yjs: the token in the subprotocol, the Origin checked, nothing in the URL or the logs', () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  const url = () => docUrl(server.url, server.meeting.meetingId, NOTES);
  const open = (participantId: string, opts: DocClientOptions = {}) => {
    const client = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf(participantId), opts);
    clients.push(client);
    return client;
  };

  /** A refused upgrade: status and error code; never a WebSocket, never a Yjs message. */
  async function refused(opts: DocUpgradeOptions): Promise<{ status: number; code: string }> {
    const outcome = await docUpgrade(url(), opts);
    expect(outcome.socket, 'expected the upgrade to be refused').toBeNull();
    expect(outcome.received).toHaveLength(0);
    return { status: outcome.status, code: (JSON.parse(outcome.body) as { error: { code: string } }).error.code };
  }

  async function opens(opts: DocUpgradeOptions): Promise<string> {
    const outcome = await docUpgrade(url(), opts);
    expect(outcome.status).toBe(101);
    outcome.socket!.close();
    return outcome.protocol;
  }

  beforeEach(async () => {
    server = await startServer({ logLevel: 'debug' });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('an unmodified provider with the token in the subprotocol syncs, with no token in its URL', async () => {
    const m1 = open('m1');
    const m2 = open('m2');
    await Promise.all([m1.synced(), m2.synced()]);
    appendParagraph(m1.doc, 'Góp ý qua giao thức con');
    await waitFor(() => textOf(m2.doc) === 'Góp ý qua giao thức con', 5000, 'm2 to see m1');
    for (const [client, id] of [
      [m1, 'm1'],
      [m2, 'm2'],
    ] as const) {
      expect(client.provider.url).not.toContain(server.tokenOf(id));
      expect(client.provider.url).not.toContain('?');
      // The server chose `phong-hop`: the token is offered, never echoed.
      expect(client.provider.ws?.protocol).toBe(DOC_SUBPROTOCOL);
    }
  });

  it('answers with the subprotocol phong-hop only, never the token', async () => {
    expect(await opens({ token: server.tokenOf('m1') })).toBe(DOC_SUBPROTOCOL);
    // The order of the offer does not matter.
    expect(await opens({ protocols: [server.tokenOf('m1'), DOC_SUBPROTOCOL] })).toBe(DOC_SUBPROTOCOL);
  });

  it('refuses a wrong, missing or ambiguous token in the subprotocol before the upgrade', async () => {
    expect(await refused({ token: 'not-a-token-of-anyone' })).toEqual({ status: 401, code: 'unauthorized' });
    expect(await refused({ protocols: [DOC_SUBPROTOCOL] })).toEqual({ status: 401, code: 'unauthorized' });
    expect(await refused({ protocols: [DOC_SUBPROTOCOL, server.tokenOf('m1'), server.tokenOf('m2')] })).toEqual({ status: 401, code: 'unauthorized' });
    // Without phong-hop the server does not guess which subprotocol is a token.
    expect(await refused({ protocols: [server.tokenOf('m1')] })).toEqual({ status: 401, code: 'unauthorized' });
    // Another meeting's valid token.
    const other = await createMeeting(server.store, testDefinition({ title: 'Cuộc họp khác' }), server.url);
    const otherToken = other.links
      .find((l) => l.participantId === 'chair')!
      .url.split('/')
      .at(-1)!;
    expect(await refused({ token: otherToken })).toEqual({ status: 403, code: 'forbidden' });
  });

  it('refuses a page of a foreign origin with 403, valid token or not', async () => {
    expect(await refused({ token: server.tokenOf('m1'), origin: FOREIGN })).toEqual({ status: 403, code: 'forbidden' });
    expect(await refused({ token: 'wrong', origin: FOREIGN })).toEqual({ status: 403, code: 'forbidden' });
    // An opaque origin (sandboxed frame, file://) is no origin of the meeting's either.
    expect(await refused({ token: server.tokenOf('m1'), origin: 'null' })).toEqual({ status: 403, code: 'forbidden' });
    const outcome = await docUpgrade(url(), { token: server.tokenOf('m1'), origin: FOREIGN });
    expect(JSON.parse(outcome.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(outcome.body).not.toMatch(/node_modules|\/work\/|\.[jt]s:\d/);

    // The unmodified provider from that origin never gets the document.
    const foreign = open('m1', { origin: FOREIGN });
    await waitFor(() => foreign.provider.wsUnsuccessfulReconnects >= 2, 10_000, 'a few refused attempts');
    expect(foreign.provider.synced).toBe(false);
  });

  it("allows the server's own origin, PUBLIC_URL's, and a client without Origin (not a browser page)", async () => {
    expect(await opens({ token: server.tokenOf('m1'), origin: server.url })).toBe(DOC_SUBPROTOCOL);
    // startServer's PUBLIC_URL is http://placeholder.
    expect(await opens({ token: server.tokenOf('m1'), origin: 'http://placeholder' })).toBe(DOC_SUBPROTOCOL);
    expect(await opens({ token: server.tokenOf('m1') })).toBe(DOC_SUBPROTOCOL);
    const page = open('m1', { origin: server.url });
    const node = open('m2');
    await Promise.all([page.synced(), node.synced()]);
  });

  it('still accepts the deprecated ?token= form; the subprotocol wins when both are there', async () => {
    const old = open('m1', { via: 'query' });
    await old.synced();
    expect(old.provider.ws?.protocol).toBe('');
    expect(await opens({ token: server.tokenOf('m2'), via: 'query' })).toBe('');
    // With phong-hop offered, the query is not read at all.
    const both = `${url()}?token=${server.tokenOf('m1')}`;
    expect((await docUpgrade(both, { protocols: [DOC_SUBPROTOCOL, 'wrong'] })).status).toBe(401);
    const upgraded = await docUpgrade(`${url()}?token=wrong`, { token: server.tokenOf('m1') });
    expect(upgraded.status).toBe(101);
    upgraded.socket!.close();
    await waitFor(() => server.logs.some((l) => l.includes('deprecated ?token=')), 5000, 'the deprecation to be logged');
  });

  it('never writes a token or its hash to the server log, at debug level', async () => {
    const ids = ['chair', 'm1', 'm2', 'obs'];
    const m1 = open('m1');
    const old = open('m2', { via: 'query' });
    const obs = open('obs');
    await Promise.all([m1.synced(), old.synced(), obs.synced()]);
    appendParagraph(m1.doc, 'ghi chú');
    await refused({ token: server.tokenOf('chair'), origin: FOREIGN });
    await refused({ protocols: [DOC_SUBPROTOCOL, 'wrong', server.tokenOf('chair')] });
    await refused({ token: `${server.tokenOf('chair')}x` });
    const chair = await server.connectAs('chair');
    const ack = await chair.send({ type: 'link.reissue', participantId: 'm1' });
    expect(ack).toMatchObject({ ok: true });
    await waitFor(() => m1.closes.length > 0, 5000, 'the reissued link to close');
    const renewed = (ack as { link: string }).link.split('/').at(-1)!;
    const back = connectDoc(server.url, server.meeting.meetingId, NOTES, renewed);
    clients.push(back);
    await back.synced();
    for (const c of clients.splice(0)) c.destroy();

    expect(server.logs.length).toBeGreaterThan(3);
    const text = server.logs.join('\n');
    for (const token of [...ids.map(server.tokenOf), renewed]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }
  });
});
