import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, Snapshot } from '../../shared/protocol.js';
import { expectRefused, markPresent, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds, testDefinition } from '../helpers/definitions.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';

/**
 * Attacks on "no published count singles out a paper", with nothing but the chair's ordinary
 * commands: close after one or two papers, shrink the electorate, publish an invalid ballot, publish
 * a row that only one or two papers answered. Each path a result can leave by is checked.
 */
const MEMBERS = committeeIds(16);
const CHAIR = MEMBERS[0];
const COUNT = /u\d\d\/(excellent|good|completed|not-completed)|question\/(agree|disagree)|"counts"/;

describe('no published count singles out a paper', () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.stop();
  });

  async function committee(opts: Parameters<typeof startServer>[0] = {}): Promise<Map<string, TestClient>> {
    server = await startServer({ definition: committeeDefinition(16), commandsPerSecond: 1000, commandBurst: 1000, ...opts });
    const clients = new Map<string, TestClient>();
    for (const id of [...MEMBERS, 'obs', 'screen']) clients.set(id, await server.connectAs(id));
    await markPresent(clients.get(CHAIR)!, MEMBERS);
    return clients;
  }
  const motion = (id: string, extra: object = {}) => ({ type: 'ballot.create', ballot: { id, kind: 'motion', title: `Biểu quyết ${id}`, ...extra } });

  it('the chair cannot close after one paper, nor after two: below the quorum only a cancel remains', async () => {
    const clients = await committee();
    const chair = clients.get(CHAIR)!;
    versionOf(await chair.send(motion('m')));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'm' }));
    versionOf(await clients.get('u05')!.send({ type: 'ballot.vote', ballotId: 'm', paper: { question: 'disagree' } }));
    expect(await chair.send({ type: 'ballot.close', ballotId: 'm' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state', reason: 'ballot-quorum-not-met', detail: { turnout: 1, required: 11, eligible: 16 } },
    });
    versionOf(await clients.get('u06')!.send({ type: 'ballot.vote', ballotId: 'm', paper: { question: 'agree' } }));
    expect(await chair.send({ type: 'ballot.close', ballotId: 'm' })).toMatchObject({ ok: false, error: { reason: 'ballot-quorum-not-met', detail: { turnout: 2 } } });
    expectRefused(await chair.send({ type: 'ballot.publish', ballotId: 'm' }), 'invalid-state');
    // Cancelling deletes the counts, records the reason, and the room is told.
    const cancelled = versionOf(await chair.send({ type: 'ballot.cancel', ballotId: 'm', reason: 'Không đủ người bỏ phiếu' }));
    expect(await server.store.readCounts(server.meeting.meetingId, 'm')).toEqual({});
    await clients.get('screen')!.waitForVersion(cancelled);
    expect(clients.get('screen')!.state.notices?.at(-1)).toMatchObject({ kind: 'ballot-cancelled', ballotId: 'm', reason: 'Không đủ người bỏ phiếu' });
  });

  it("shrinking the electorate does not open a ballot: the meeting's quorum, and at least minCast voters", async () => {
    const clients = await committee();
    const chair = clients.get(CHAIR)!;
    // Everyone but u05 (and the chair) marked absent.
    for (const id of MEMBERS.filter((m) => m !== 'u05' && m !== CHAIR)) versionOf(await chair.send({ type: 'attendance.mark', participantId: id, status: 'absent' }));
    versionOf(await chair.send(motion('m', { eligibility: 'present-members' })));
    expect(await chair.send({ type: 'ballot.open', ballotId: 'm' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state', reason: 'meeting-quorum-not-met', detail: { present: 2, required: 11, members: 16 } },
    });
    await server.stop();

    // A body whose quorum is small still needs minCast (3) eligible voters to open a ballot.
    server = await startServer({ definition: testDefinition({ quorum: [1, 3] }), commandsPerSecond: 1000, commandBurst: 1000 });
    const small = await server.connectAs('chair');
    await markPresent(small, ['chair', 'm1']);
    versionOf(await small.send(motion('s')));
    expect(await small.send({ type: 'ballot.open', ballotId: 's' })).toMatchObject({ ok: false, error: { reason: 'too-few-eligible', detail: { eligible: 2, minCast: 3 } } });
    // Nor can the chair draft a ballot valid with fewer papers than the meeting allows (half, by default).
    expect(await small.send(motion('low', { quorum: [1, 10] }))).toMatchObject({ ok: false, error: { code: 'invalid-payload', reason: 'quorum-below-floor' } });
  });

  it('a ballot that missed its quorum publishes turnout only, on every path', async () => {
    let skew = 0;
    const clients = await committee({ clock: () => Date.now() + skew });
    const chair = clients.get(CHAIR)!;
    versionOf(await chair.send(motion('m', { deadlineMinutes: 1 })));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'm' }));
    versionOf(await clients.get('u05')!.send({ type: 'ballot.vote', ballotId: 'm', paper: { question: 'disagree' } }));
    skew = 61_000;
    // The deadline closes it with one paper; publishing says "not valid" and shows that paper nowhere.
    const published = versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'm' }));
    const obs = clients.get('obs')!;
    await obs.waitForVersion(published);
    const results = obs.state.ballots.find((b) => b.id === 'm')!.results!;
    expect(results).toMatchObject({ turnout: 1, eligible: 16, valid: false, passed: false, subjects: [], withheld: [{ subject: 'question', reason: 'not-valid' }] });
    const sync = (await obs.socket.timeout(5000).emitWithAck('sync', {})) as Ack<{ snapshot: Snapshot }>;
    const admin = await (await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    const record = await (
      await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/export?format=md`, { headers: { authorization: `Bearer ${server.tokenOf(CHAIR)}` } })
    ).text();
    const late = await server.connectAs('screen');
    for (const [path, payload] of [
      ['events', obs.batches],
      ['sync', sync],
      ['admin API', admin],
      ['record', record],
      ['snapshot', late.snapshot],
      ['state', chair.state],
    ] as const) {
      expect(typeof payload === 'string' ? payload : JSON.stringify(payload), path).not.toMatch(COUNT);
    }
  });

  it('a row that fewer than three papers answered is published as turnout only; the others in full', async () => {
    const clients = await committee();
    const chair = clients.get(CHAIR)!;
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'r', kind: 'rating', title: 'Xếp loại', subjects: ['u05', 'collective'], allowAbstain: true } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'r' }));
    // Eleven papers (the quorum): two rate u05, everyone rates the collective.
    const voters = MEMBERS.filter((m) => m !== 'u05').slice(0, 11);
    for (const [i, id] of voters.entries()) {
      const paper = { u05: i < 2 ? 'not-completed' : 'abstain', collective: i % 2 ? 'good' : 'excellent' };
      versionOf(await clients.get(id)!.send({ type: 'ballot.vote', ballotId: 'r', paper }));
    }
    versionOf(await chair.send({ type: 'ballot.close', ballotId: 'r' }));
    const published = versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'r' }));
    const obs = clients.get('obs')!;
    await obs.waitForVersion(published);
    const results = obs.state.ballots.find((b) => b.id === 'r')!.results!;
    expect(results).toMatchObject({ turnout: 11, valid: true, minCast: 3, withheld: [{ subject: 'u05', reason: 'too-few-answers', eligible: 15 }] });
    expect(results.subjects.map((s) => s.subject)).toEqual(['collective']);
    expect(results.subjects[0].counts).toEqual({ excellent: 6, good: 5, completed: 0, 'not-completed': 0 });
    expect(JSON.stringify(obs.batches)).not.toMatch(/u05\/|"not-completed":2/);
  });

  it('cancelling and running the same ballot again is in plain sight: both ballots, the cancel and its reason, in the state and the record', async () => {
    const clients = await committee();
    const chair = clients.get(CHAIR)!;
    versionOf(await chair.send(motion('first')));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'first' }));
    for (const id of MEMBERS.slice(1, 6)) versionOf(await clients.get(id)!.send({ type: 'ballot.vote', ballotId: 'first', paper: { question: 'agree' } }));
    versionOf(await chair.send({ type: 'ballot.cancel', ballotId: 'first', reason: 'Biểu quyết lại' }));
    versionOf(await chair.send(motion('again')));
    const opened = versionOf(await chair.send({ type: 'ballot.open', ballotId: 'again' }));
    const screen = clients.get('screen')!;
    await screen.waitForVersion(opened);
    expect(screen.state.ballots.map((b) => [b.id, b.status, b.voted.length])).toEqual([
      ['first', 'cancelled', 5],
      ['again', 'open', 0],
    ]);
    expect(screen.state.notices?.filter((n) => n.kind === 'ballot-cancelled')).toEqual([
      { kind: 'ballot-cancelled', at: expect.any(Number), participantId: null, ballotId: 'first', reason: 'Biểu quyết lại' },
    ]);
    const record = await (
      await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/export?format=md`, { headers: { authorization: `Bearer ${server.tokenOf(CHAIR)}` } })
    ).text();
    expect(record).toContain('Biểu quyết first');
    expect(record).toContain('Biểu quyết again');
    expect(record).toContain('Biểu quyết lại');
  });

  it('what could be abused is in the state for all to see: an early close, attendance changed while open', async () => {
    const clients = await committee();
    const chair = clients.get(CHAIR)!;
    versionOf(await chair.send(motion('m')));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'm' }));
    for (const id of MEMBERS.slice(1, 12)) versionOf(await clients.get(id)!.send({ type: 'ballot.vote', ballotId: 'm', paper: { question: 'agree' } }));
    versionOf(await chair.send({ type: 'attendance.mark', participantId: 'u15', status: 'excused' }));
    const closed = versionOf(await chair.send({ type: 'ballot.close', ballotId: 'm' }));
    const screen = clients.get('screen')!;
    await screen.waitForVersion(closed);
    expect(screen.state.notices?.slice(-2)).toEqual([
      { kind: 'attendance-changed', at: expect.any(Number), participantId: 'u15', ballotId: 'm', status: 'excused' },
      { kind: 'ballot-closed-early', at: expect.any(Number), participantId: null, ballotId: 'm', turnout: [11, 16] },
    ]);
  });
});
