import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { BallotDraftInput } from '../../shared/ballots/draft.js';
import type { MeetingDefinitionInput } from '../../shared/definition.js';
import type { Ack, Snapshot } from '../../shared/protocol.js';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

/**
 * The observer link is public (its QR code is on the room screen): it shows the agenda, the
 * speakers and the announcements, and the notes and published results only as far as the body's
 * definition allows. Default: no notes, and of a rating only the collective's row.
 */
const MEMBERS = committeeIds(6);
const CHAIR = MEMBERS[0];
/** The definition's defaults for the public link (the test definitions open it wider for older tests). */
const DEFAULTS = { observers: {} } as const;

describe('the public observer link shows what the body allows', () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.stop();
  });

  async function meeting(overrides: Partial<MeetingDefinitionInput>): Promise<Map<string, TestClient>> {
    server = await startServer({ definition: committeeDefinition(6, overrides), commandsPerSecond: 1000, commandBurst: 1000 });
    const clients = new Map<string, TestClient>();
    for (const id of [...MEMBERS, 'obs', 'screen']) clients.set(id, await server.connectAs(id));
    await markPresent(clients.get(CHAIR)!, MEMBERS);
    return clients;
  }

  /** Opens, fills, closes and publishes a ballot; every member answers every row. */
  async function published(clients: Map<string, TestClient>, ballot: BallotDraftInput & { id: string }, answer: (voter: string) => Record<string, string>): Promise<number> {
    const chair = clients.get(CHAIR)!;
    versionOf(await chair.send({ type: 'ballot.create', ballot }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: ballot.id }));
    for (const id of MEMBERS) versionOf(await clients.get(id)!.send({ type: 'ballot.vote', ballotId: ballot.id, paper: answer(id) }));
    return versionOf(await chair.send({ type: 'ballot.publish', ballotId: ballot.id }));
  }

  const rating: BallotDraftInput & { id: string } = { id: 'r', kind: 'rating', title: 'Xếp loại', subjects: ['u01', 'u02', 'collective'] };
  const ratePaper = (voter: string) => Object.fromEntries(['u01', 'u02', 'collective'].filter((s) => s !== voter).map((s) => [s, 'good']));

  /** What the observer holds by every path: its copy from events, a new snapshot, and `sync`. */
  async function observerPaths(clients: Map<string, TestClient>, version: number): Promise<[string, unknown][]> {
    const obs = clients.get('obs')!;
    await obs.waitForVersion(version);
    const fresh = await server.connectAs('obs');
    const sync = (await obs.socket.timeout(5000).emitWithAck('sync', {})) as Ack<{ snapshot: Snapshot }>;
    if (!sync.ok) throw new Error('sync refused');
    return [
      ['events', obs.state],
      ['snapshot', fresh.snapshot.state],
      ['sync', sync.snapshot.state],
      ['batches', obs.batches],
    ];
  }

  it("by default: a rating shows only the collective's row to the public, every row to the room", async () => {
    const clients = await meeting(DEFAULTS);
    const version = await published(clients, rating, ratePaper);
    for (const [path, payload] of await observerPaths(clients, version)) {
      const json = JSON.stringify(payload);
      expect(json, path).not.toMatch(/"subject":"u0[12]","counts"/);
      expect(json, path).toContain('"subject":"collective","counts"');
      expect(json, path).toContain('"subject":"u01","eligible":5,"reason":"not-public"');
    }
    const screen = clients.get('screen')!;
    await screen.waitForVersion(version);
    expect(screen.state.ballots[0].results!.subjects.map((s) => s.subject)).toEqual(['u01', 'u02', 'collective']);
  });

  it('ratings "none" and motions off hide those results from the public, outcome included', async () => {
    const clients = await meeting({ observers: { ratings: 'none', motions: false } });
    await published(clients, rating, ratePaper);
    const version = await published(clients, { id: 'm', kind: 'motion', title: 'Thông qua' }, () => ({ question: 'agree' }));
    for (const [path, payload] of await observerPaths(clients, version)) {
      const json = JSON.stringify(payload);
      expect(json, path).not.toContain('"counts"');
    }
    const obs = clients.get('obs')!;
    expect(obs.state.ballots.find((b) => b.id === 'm')!.results).toMatchObject({ turnout: 6, passed: null, subjects: [] });
    const chair = clients.get(CHAIR)!;
    expect(chair.state.ballots.find((b) => b.id === 'm')!.results).toMatchObject({ passed: true });
  });

  /** The HTTP status of a document upgrade with `token` (101 when it opens). */
  const upgrade = (docName: string, token: string) =>
    new Promise<number>((resolve) => {
      const url = `${server.url.replace('http', 'ws')}/yjs/${server.meeting.meetingId}/${docName}?token=${token}`;
      const ws = new WebSocket(url, ['phong-hop', token]);
      ws.on('upgrade', (res) => {
        resolve(res.statusCode ?? 0);
        ws.close();
      });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('error', () => undefined);
    });

  it('the notes and the minutes: closed to the public link by default, open where the definition says', async () => {
    await meeting(DEFAULTS);
    expect(await upgrade('notes-open', server.tokenOf('obs'))).toBe(403);
    expect(await upgrade('minutes', server.tokenOf('obs'))).toBe(403);
    expect(await upgrade('notes-open', server.tokenOf('screen'))).toBe(101);
    await server.stop();
    await meeting({ observers: { notes: true } });
    expect(await upgrade('notes-open', server.tokenOf('obs'))).toBe(101);
  });
});
