import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '../helpers/ballots.js';
import { demoTokens, removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { connectClient, type TestClient } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Socket.IO and Engine.IO print every packet when DEBUG enables them: the handshake with the link
 * token, then the commands on that connection, papers included. The server, started as `npm start`
 * runs it with DEBUG=* and LOG_LEVEL=debug, must print neither, while the rest of DEBUG still works.
 */
/** Voting PINs of the chair and m01: no more a part of any output than the papers they sign. */
const PINS = ['730519', '418263'];

describe('DEBUG=* output of the socket layer', () => {
  let server: ServerProcess;
  let chair: TestClient;
  let member: TestClient;
  let tokens: string[];

  beforeAll(async () => {
    server = await spawnServer({ env: { DEBUG: '*', LOG_LEVEL: 'debug' } });
    const demo = demoTokens(server.dataDir);
    tokens = ['chair', 'm01'].map((id) => demo.tokenOf(id));
    chair = await connectClient(server.url, tokens[0]);
    member = await connectClient(server.url, tokens[1]);
  }, 60_000);
  afterAll(async () => {
    chair?.close();
    member?.close();
    await server?.terminate();
    if (server) removeDataDir(server.dataDir);
  });

  it('prints no packet, so no token and no paper, while other DEBUG namespaces still print', async () => {
    // The demo meeting's quorum: 11 of its 16 members present.
    const present = ['chair', ...Array.from({ length: 10 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`)];
    for (const id of present) versionOf(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' }));
    versionOf(await chair.send({ type: 'pin.set', pin: PINS[0] }));
    versionOf(await member.send({ type: 'pin.set', pin: PINS[1] }));
    // The demo meeting (the example) reviews the collective first: its report is held and its own
    // rating published before individuals are rated. This test is about the log, not the order, so
    // it skips the report and cancels the collective's rating first, explicitly.
    versionOf(await chair.send({ type: 'agenda.skip', itemId: 'collective-report' }));
    versionOf(await chair.send({ type: 'ballot.cancel', ballotId: 'collective-rating', reason: 'Không dùng trong thử nghiệm' }));
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'peer', kind: 'rating', title: 'Xếp loại', subjects: ['m01', 'collective'] } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'peer' }));
    versionOf(await chair.send({ type: 'ballot.vote', ballotId: 'peer', paper: { m01: 'excellent', collective: 'not-completed' }, pin: PINS[0] }));
    const last = versionOf(await member.send({ type: 'ballot.vote', ballotId: 'peer', paper: { collective: 'good' }, pin: PINS[1] }));
    await waitFor(() => server.output().includes(`"version":${last}`), 5000, "the last vote's log line");

    const out = server.output();
    // DEBUG is on: Express's own debug output is there, and the server says what it kept off.
    // (Without a terminal, `debug` writes "<ISO time> <namespace> <message>".)
    expect(out).toMatch(/Z (express|router)[\w:-]* /);
    expect(out).toContain('DEBUG output of socket.io and engine.io stays off');
    expect(out).not.toMatch(/Z (socket\.io|engine)[\w:-]* /);
    // The start-up banner prints the demo links for the organiser; after it, no token ever appears.
    const afterBanner = out.slice(out.indexOf('"msg":"connected"'));
    expect(afterBanner.length).toBeGreaterThan(0);
    for (const token of tokens) expect(afterBanner).not.toContain(token);
    expect(out).not.toMatch(/excellent|not-completed|"good"|"paper"/);
    for (const pin of PINS) expect(out).not.toContain(pin);
  });
});
