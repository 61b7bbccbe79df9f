import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { dumpTables } from '../helpers/sqliteDump.js';
import { expectRefused, markPresent, pinOf, setPins, versionOf } from '../helpers/ballots.js';
import { testDefinition } from '../helpers/definitions.js';
import { ADMIN_TOKEN, connectClient, startServer, type TestClient, type TestServer } from '../helpers/server.js';

/**
 * Attacks on "only the member casts the member's paper", as the chair (or whoever prints the join
 * cards) would try them with ordinary commands. The link identifies; the PIN, which only the member
 * knows, authorises a paper (docs/BALLOTS.md, "Voting PIN").
 */
describe("voting PIN: nobody votes in another's name", () => {
  let server: TestServer;
  const clients = new Map<string, TestClient>();
  const as = (id: string) => clients.get(id)!;
  const tokenOfLink = (link: string) => link.slice(link.lastIndexOf('/') + 1);
  let ballots = 0;

  /** A fresh motion, open, so every test has its own papers to count. */
  async function openMotion(): Promise<string> {
    const id = `b${++ballots}`;
    versionOf(await as('chair').send({ type: 'ballot.create', ballot: { id, kind: 'motion', title: `Biểu quyết ${ballots}`, closeWhenAllVoted: false } }));
    versionOf(await as('chair').send({ type: 'ballot.open', ballotId: id }));
    return id;
  }
  const paper = (ballotId: string, pin?: string) => ({ type: 'ballot.vote', ballotId, paper: { question: 'agree' }, ...(pin === undefined ? {} : { pin }) });
  const voted = async (ballotId: string) => (await server.store.loadMeeting(server.meeting.meetingId))!.state.ballots.find((b) => b.id === ballotId)!.voted;
  const resetByOrganiser = (participantId: string) =>
    fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/participants/${participantId}/pin/reset`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });

  beforeAll(async () => {
    server = await startServer({ definition: testDefinition({ ballotRules: { votingPin: 'required' } }), logLevel: 'debug', commandsPerSecond: 1000, commandBurst: 1000 });
    for (const id of ['chair', 'sec', 'm1', 'm2', 'm3', 'm4', 'obs']) clients.set(id, await server.connectAs(id));
    await markPresent(as('chair'), ['chair', 'm1', 'm2', 'm3', 'm4']);
    // Every voter but m4 sets a PIN on their own device when they first join.
    await setPins(['chair', 'm1', 'm2', 'm3'].map((id) => [id, as(id)] as [string, TestClient]));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a paper without the PIN, or from a voter who set none, is refused and counts nothing', async () => {
    const b = await openMotion();
    expectRefused(await as('m1').send(paper(b)), 'pin-required');
    expectRefused(await as('m4').send(paper(b, '482915')), 'pin-not-set');
    expect(await voted(b)).toEqual([]);
    versionOf(await as('m1').send(paper(b, pinOf('m1'))));
    expect(await voted(b)).toEqual(['m1']);
  });

  it('weak PINs are refused, and nobody but the voter sets a PIN: there is no command for it', async () => {
    for (const pin of ['1111', '123456', '98765', '0123']) {
      expect(await as('m4').send({ type: 'pin.set', pin })).toMatchObject({ ok: false, error: { code: 'invalid-payload', reason: 'weak-pin' } });
    }
    expectRefused(await as('m4').send({ type: 'pin.set', pin: '12ab' }), 'invalid-payload');
    expectRefused(await as('chair').send({ type: 'pin.reset', participantId: 'm2' }), 'unknown-command');
    expectRefused(await as('sec').send({ type: 'pin.set', pin: '480261' }), 'forbidden');
    expectRefused(await as('obs').send({ type: 'pin.set', pin: '480261' }), 'forbidden');
  });

  it('the chair, holding a freshly reissued link of a member who joined before, cannot get a paper accepted in their name', async () => {
    const b = await openMotion();
    const reissued = await as('chair').send({ type: 'link.reissue', participantId: 'm2' });
    const link = (reissued as { link: string }).link;
    const impostor = await connectClient(server.url, tokenOfLink(link));
    expect(impostor.snapshot.you.participantId).toBe('m2');

    expectRefused(await impostor.send(paper(b)), 'pin-required');
    // Changing the PIN needs the current one; setting a new one over it is refused.
    expectRefused(await impostor.send({ type: 'pin.set', pin: '906142' }), 'pin-required');
    const guesses = ['000001', '135790', '246801', '975310'];
    for (const [i, guess] of guesses.entries()) {
      expect(await impostor.send(paper(b, guess))).toMatchObject({ ok: false, error: { code: 'wrong-pin', detail: { attemptsLeft: 4 - i } } });
    }
    // The fifth wrong PIN locks voting, and the room is told.
    expectRefused(await impostor.send({ type: 'pin.set', pin: '906142', currentPin: '864209' }), 'voting-locked');
    const locked = versionOf(await as('chair').send({ type: 'announcement.post', text: 'Tiếp tục' }));
    await as('obs').waitForVersion(locked);
    expect(as('obs').state.pins?.m2).toBe('locked');
    expect(
      as('obs')
        .state.notices?.filter((n) => n.participantId === 'm2')
        .map((n) => n.kind),
    ).toEqual(['pin-set', 'link-reissued', 'voting-locked']);

    // Locked means locked: the real member with the right PIN waits for the organiser, and the chair has no way round it.
    expectRefused(await impostor.send(paper(b, pinOf('m2'))), 'voting-locked');
    expect(await voted(b)).toEqual([]);
    impostor.close();

    // The organiser resets (admin API; the CLI does the same): announced, and the member sets a new PIN.
    expect((await resetByOrganiser('m2')).status).toBe(200);
    const member = await connectClient(server.url, tokenOfLink(link));
    expect(member.state.pins?.m2).toBeUndefined();
    expect(member.state.notices?.filter((n) => n.participantId === 'm2').map((n) => n.kind)).toEqual(['pin-set', 'link-reissued', 'voting-locked', 'pin-reset']);
    versionOf(await member.send({ type: 'pin.set', pin: '592047' }));
    versionOf(await member.send(paper(b, '592047')));
    expect(await voted(b)).toEqual(['m2']);
    member.close();
  });

  it("someone holding only a printed card (the member's current link) cannot vote or change the PIN", async () => {
    const b = await openMotion();
    const card = await connectClient(server.url, server.tokenOf('m3'));
    expect(card.snapshot.you.participantId).toBe('m3');
    expectRefused(await card.send(paper(b)), 'pin-required');
    expectRefused(await card.send(paper(b, '731902')), 'wrong-pin');
    expectRefused(await card.send({ type: 'pin.set', pin: '906142' }), 'pin-required');
    expectRefused(await card.send({ type: 'pin.set', pin: '906142', currentPin: '553190' }), 'wrong-pin');
    expect(await voted(b)).toEqual([]);
    // The member's own right PIN clears the wrong tries.
    versionOf(await as('m3').send(paper(b, pinOf('m3'))));
    expect((await server.store.readPin(server.meeting.meetingId, 'm3'))!.failures).toBe(0);
    card.close();
  });

  it('twenty papers sent at once with twenty guesses get five tries between them', async () => {
    const b = await openMotion();
    const guesses = Array.from({ length: 20 }, (_, i) => String(200_000 + i * 7919));
    const acks = await Promise.all(guesses.map((g) => as('m1').send(paper(b, g))));
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'wrong-pin')).toHaveLength(4);
    expect(codes.filter((c) => c === 'voting-locked')).toHaveLength(16);
    expectRefused(await as('m1').send(paper(b, pinOf('m1'))), 'voting-locked');
    expect(await voted(b)).toEqual([]);
    expect((await resetByOrganiser('m1')).status).toBe(200);
    versionOf(await as('m1').send({ type: 'pin.set', pin: pinOf('m1') }));
  });

  it('a reissued link keeps the PIN, and the PIN survives a restart', async () => {
    const b = await openMotion();
    const ack = (await as('chair').send({ type: 'link.reissue', participantId: 'm3' })) as { ok: true; link: string };
    await server.restart();
    const member = await connectClient(server.url, tokenOfLink(ack.link));
    versionOf(await member.send(paper(b, pinOf('m3'))));
    expect(await voted(b)).toEqual(['m3']);
    member.close();
    for (const id of clients.keys()) if (id !== 'm2' && id !== 'm3') clients.set(id, await server.connectAs(id));
  });

  it('no PIN is stored or logged in plain: only a salted scrypt hash per voter', async () => {
    const tables = dumpTables((server.store as SqliteStore).db);
    const pins = ['chair', 'm1', 'm3'].map(pinOf);
    for (const t of tables) for (const row of t.rows) for (const pin of pins) expect(row, t.name).not.toContain(pin);
    for (const line of server.logs) for (const pin of pins) expect(line).not.toContain(pin);
    const stored = tables.find((t) => t.name === 'voting_pins')!;
    expect(stored.rows.length).toBeGreaterThanOrEqual(4);
    for (const row of stored.rows) expect(row).toMatch(/scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}/);
  });
});
