import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BallotResults } from '../../shared/ballots/types.js';
import { tally } from '../../shared/ballots/tally.js';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import { CommitteeCount } from '../../shared/review/count.js';
import { canonicalJson, sha256Hex, tallyFingerprint } from '../../shared/review/fingerprint.js';
import { addPaper, markPresent, versionOf } from '../helpers/ballots.js';
import { connectLive, startCluster, type Cluster } from '../helpers/cluster.js';
import { committeeDefinition, committeeIds, testDefinition } from '../helpers/definitions.js';
import { redisAvailable } from '../helpers/redis.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The counting committee (docs/BALLOTS.md, "Counting committee") against the one who would most
 * like to do without it: the chair. Over the real server and sockets; each attack is its own test.
 * u00 chairs; u01–u03 are the committee; u04–u07 are members; `sec` is a secretary (not a member).
 */
const MEMBERS = committeeIds(8);
const COMMITTEE = ['u01', 'u02', 'u03'];
const SUBJECTS = ['collective', 'u04'];
const LEVELS = ['excellent', 'good', 'good', 'completed', 'good', 'excellent', 'good', 'good'];

function expectReason(ack: Ack<CommandResult>, code: string, reason: string): void {
  expect(ack).toMatchObject({ ok: false, error: { code, reason } });
}

async function getCount(server: { url: string; meeting: { meetingId: string } }, token: string, ballotId: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/ballots/${ballotId}/count`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

describe('the fingerprint', () => {
  it('is SHA-256 of the canonical JSON, the same whatever order the keys come in', () => {
    for (const text of ['', 'abc', 'Tổ kiểm phiếu', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const results: BallotResults = { turnout: 3, eligible: 3, valid: true, passed: null, subjects: [], withheld: [] };
    expect(tallyFingerprint('r', results)).toBe(tallyFingerprint('r', { withheld: [], subjects: [], passed: null, valid: true, eligible: 3, turnout: 3 }));
    expect(tallyFingerprint('r', results)).not.toBe(tallyFingerprint('other', results));
  });
});

describe('the counting committee over real sockets', () => {
  let server: TestServer;
  let clients: Map<string, TestClient>;
  const chair = () => clients.get('u00')!;

  beforeAll(async () => {
    server = await startServer({
      definition: committeeDefinition(8, { review: { countingCommittee: { required: true }, collectiveFirst: false } }),
      commandsPerSecond: 1000,
      commandBurst: 1000,
    });
    clients = new Map(await Promise.all([...MEMBERS, 'sec', 'guest', 'obs', 'screen'].map(async (id) => [id, await server.connectAs(id)] as const)));
    await markPresent(chair(), MEMBERS);
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Creates, opens and fills a rating (or motion); everyone votes, so it closes by itself. Returns the papers' counts. */
  async function closedBallot(id: string, kind: 'rating' | 'motion' = 'rating'): Promise<Record<string, number>> {
    const ballot = kind === 'rating' ? { id, kind, title: `Đánh giá ${id}`, subjects: SUBJECTS } : { id, kind, title: `Biểu quyết ${id}` };
    versionOf(await chair().send({ type: 'ballot.create', ballot }));
    versionOf(await chair().send({ type: 'ballot.open', ballotId: id }));
    const counts: Record<string, number> = {};
    let version = 0;
    for (const [i, voter] of MEMBERS.entries()) {
      const paper = kind === 'rating' ? Object.fromEntries(SUBJECTS.filter((s) => s !== voter).map((s) => [s, LEVELS[i]])) : { question: i < 6 ? 'agree' : 'disagree' };
      addPaper(counts, paper);
      version = versionOf(await clients.get(voter)!.send({ type: 'ballot.vote', ballotId: id, paper }));
    }
    await chair().waitForVersion(version);
    expect(chair().state.ballots.find((b) => b.id === id)?.status).toBe('closed');
    return counts;
  }

  const ballotIn = (client: TestClient, id: string) => client.state.ballots.find((b) => b.id === id)!;

  it('a rating cannot open without the committee the meeting requires; the next step is to appoint it', async () => {
    versionOf(await chair().send({ type: 'ballot.create', ballot: { id: 'early', kind: 'rating', title: 'Quá sớm', subjects: SUBJECTS } }));
    expectReason(await chair().send({ type: 'ballot.open', ballotId: 'early' }), 'invalid-state', 'committee-required');
    // A motion is not a rating: it opens (and, with no committee yet, the chair publishes it).
    versionOf(await chair().send({ type: 'ballot.cancel', ballotId: 'early', reason: 'Chưa có tổ kiểm phiếu' }));
  });

  it('the chair may not sit on the committee, nor name too few or too many, nor anyone twice or outside the body', async () => {
    for (const members of [['u00', 'u01'], ['u01'], ['u01', 'u02', 'u03', 'u04', 'u05', 'u06'], ['u01', 'u01'], ['u01', 'guest'], ['u01', 'sec'], ['u01', 'nobody']]) {
      expectReason(await chair().send({ type: 'committee.appoint', members }), 'invalid-payload', 'committee-invalid');
    }
    // Only the chair appoints.
    expect(await clients.get('u04')!.send({ type: 'committee.appoint', members: ['u04', 'u05'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(chair().state.committee).toBeNull();
  });

  it('an appointment is a notice to the whole room, and the committee is in the state for the record', async () => {
    const version = versionOf(await chair().send({ type: 'committee.appoint', members: COMMITTEE }));
    for (const client of clients.values()) await client.waitForVersion(version);
    for (const client of clients.values()) {
      expect(client.state.committee).toMatchObject({ members: COMMITTEE, basis: { kind: 'named', by: 'u00' } });
      expect(client.state.notices.at(-1)).toMatchObject({ kind: 'committee-appointed', participantId: 'u00', members: COMMITTEE });
    }
  });

  describe('a closed rating', () => {
    let papers: Record<string, number>;
    beforeAll(async () => {
      papers = await closedBallot('r1');
    });

    it('the chair cannot publish it', async () => {
      expectReason(await chair().send({ type: 'ballot.publish', ballotId: 'r1' }), 'forbidden', 'committee-publishes');
      expect(ballotIn(chair(), 'r1').status).toBe('closed');
    });

    it('nobody but the committee reads the count: not the chair, the secretary, other members, the guest, observers, the screen', async () => {
      for (const id of ['u00', 'sec', 'u04', 'u07', 'guest', 'obs', 'screen']) {
        const { status, body } = await getCount(server, server.tokenOf(id), 'r1');
        expect({ id, status }).toEqual({ id, status: 403 });
        expect(JSON.stringify(body)).not.toMatch(/excellent|good"|counts/);
      }
      expect((await getCount(server, 'not-a-token', 'r1')).status).toBe(401);
    });

    it('the committee sees exactly what publication would show, counts and never papers, with its fingerprint', async () => {
      const { status, body } = await getCount(server, server.tokenOf('u01'), 'r1');
      expect(status).toBe(200);
      const count = CommitteeCount.parse(body);
      const ballot = ballotIn(chair(), 'r1');
      const expected = tally(ballot, await server.store.readCounts(server.meeting.meetingId, 'r1'), MEMBERS.length, 3);
      expect(count.results).toEqual(expected);
      expect(count.fingerprint).toBe(tallyFingerprint('r1', expected));
      // The sealed counts are the papers' sums; nothing names a voter.
      expect(count.results.subjects.find((s) => s.subject === 'collective')?.counts).toEqual({
        excellent: papers['collective/excellent'],
        good: papers['collective/good'],
        completed: papers['collective/completed'],
        'not-completed': 0,
      });
      expect(JSON.stringify(body)).not.toMatch(/u0[0-7]"?:|voter/);
      expect((await getCount(server, server.tokenOf('u02'), 'r1')).body).toEqual(body);
    });

    it('the chair cannot confirm, nor can a member off the committee, the secretary, an observer or the screen', async () => {
      const { fingerprint } = CommitteeCount.parse((await getCount(server, server.tokenOf('u01'), 'r1')).body);
      expectReason(await chair().send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint }), 'forbidden', 'not-on-committee');
      expectReason(await clients.get('u05')!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint }), 'forbidden', 'not-on-committee');
      for (const id of ['sec', 'obs', 'screen', 'guest']) {
        expect(await clients.get(id)!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(ballotIn(chair(), 'r1').confirmations).toEqual([]);
    });

    it('the chair cannot swap the counters mid-count', async () => {
      expectReason(await chair().send({ type: 'committee.appoint', members: ['u04', 'u05'] }), 'invalid-state', 'committee-counting');
      expect(chair().state.committee?.members).toEqual(COMMITTEE);
    });

    it('a wrong fingerprint is refused and changes nothing', async () => {
      const before = chair().version;
      const { fingerprint } = CommitteeCount.parse((await getCount(server, server.tokenOf('u01'), 'r1')).body);
      const altered = tallyFingerprint('r1', { ...ballotIn(chair(), 'r1'), turnout: 7, eligible: 8, valid: true, passed: null, subjects: [] });
      for (const wrong of [altered, '0'.repeat(64), fingerprint.replace(/.$/, (c) => (c === '0' ? '1' : '0'))]) {
        expectReason(await clients.get('u01')!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint: wrong }), 'invalid-state', 'tally-changed');
      }
      expect(await clients.get('u01')!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint: 'not hex' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      expect(chair().version).toBe(before);
      expect(ballotIn(chair(), 'r1').confirmations).toEqual([]);
    });

    it('a minority does not publish; the majority publishes exactly what they saw, on the room screen; a late member is recorded', async () => {
      const seen = CommitteeCount.parse((await getCount(server, server.tokenOf('u01'), 'r1')).body);
      const first = versionOf(await clients.get('u01')!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint: seen.fingerprint }));
      await chair().waitForVersion(first);
      expect(ballotIn(chair(), 'r1')).toMatchObject({ status: 'closed', results: null, confirmations: [{ participantId: 'u01' }] });
      expectReason(await clients.get('u01')!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint: seen.fingerprint }), 'invalid-state', 'already-confirmed');
      // Still the committee's: the chair's publish is refused with the progress.
      expect(await chair().send({ type: 'ballot.publish', ballotId: 'r1' })).toMatchObject({
        ok: false,
        error: { reason: 'committee-publishes', detail: { confirmed: 1, needed: 2 } },
      });

      // The room moved on meanwhile: publication brings the ballot back to the screen, as the chair's publish did.
      versionOf(await chair().send({ type: 'screen.show', show: 'agenda' }));
      const second = CommitteeCount.parse((await getCount(server, server.tokenOf('u02'), 'r1')).body);
      const published = versionOf(await clients.get('u02')!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint: second.fingerprint }));
      for (const client of clients.values()) await client.waitForVersion(published);
      for (const client of clients.values()) {
        const ballot = ballotIn(client, 'r1');
        expect(ballot.status).toBe('published');
        expect(ballot.confirmations.map((c) => c.participantId)).toEqual(['u01', 'u02']);
        expect(client.state.screen).toEqual({ show: 'ballot', ballotId: 'r1' });
      }
      expect(ballotIn(chair(), 'r1').results).toEqual(seen.results);
      const batch = chair().batches.find((b) => b.version === published)!;
      expect(batch.events.map((e) => e.type)).toEqual(['ballot.confirmed', 'ballot.published', 'screen.shown']);

      // The count route closes with publication; the third member confirms against the published result.
      expect((await getCount(server, server.tokenOf('u03'), 'r1')).status).toBe(400);
      const late = versionOf(
        await clients.get('u03')!.send({ type: 'ballot.confirm', ballotId: 'r1', fingerprint: tallyFingerprint('r1', ballotIn(clients.get('u03')!, 'r1').results!) }),
      );
      await chair().waitForVersion(late);
      expect(ballotIn(chair(), 'r1').confirmations.map((c) => c.participantId)).toEqual(['u01', 'u02', 'u03']);
      const events = await server.store.readEvents(server.meeting.meetingId);
      expect(events.flatMap((r) => r.events).filter((e) => e.type === 'ballot.published' && e.ballotId === 'r1')).toHaveLength(1);
    });

    it('once published, the committee may be replaced (announced again)', async () => {
      versionOf(await chair().send({ type: 'committee.appoint', members: ['u01', 'u02', 'u03'] }));
      expect(chair().state.notices.filter((n) => n.kind === 'committee-appointed')).toHaveLength(2);
    });
  });

  it('a motion goes through the committee too; a choice keeps the chair publish', async () => {
    await closedBallot('m1', 'motion');
    expectReason(await chair().send({ type: 'ballot.publish', ballotId: 'm1' }), 'forbidden', 'committee-publishes');
    let version = 0;
    for (const id of ['u02', 'u03']) {
      const { fingerprint } = CommitteeCount.parse((await getCount(server, server.tokenOf(id), 'm1')).body);
      version = versionOf(await clients.get(id)!.send({ type: 'ballot.confirm', ballotId: 'm1', fingerprint }));
    }
    await chair().waitForVersion(version);
    expect(ballotIn(chair(), 'm1')).toMatchObject({ status: 'published', results: { passed: true } });
  });

  it('approved by the body: a choice appoints its most chosen candidates, never one passed over; a carried motion those it names', async () => {
    const options = ['u04', 'u05', 'u06', 'u07'].map((id) => ({ id, vi: id, en: id }));
    versionOf(await chair().send({ type: 'ballot.create', ballot: { id: 'c1', kind: 'choice', title: 'Bầu tổ kiểm phiếu', options } }));
    versionOf(await chair().send({ type: 'ballot.open', ballotId: 'c1' }));
    const picks = ['u04', 'u04', 'u04', 'u05', 'u05', 'u05', 'u06', 'u04'];
    for (const [i, voter] of MEMBERS.entries()) versionOf(await clients.get(voter)!.send({ type: 'ballot.vote', ballotId: 'c1', paper: { question: picks[i] } }));
    // Not yet published: it approves nobody.
    expectReason(await chair().send({ type: 'committee.appoint', members: ['u04', 'u05'], ballotId: 'c1' }), 'invalid-state', 'committee-not-approved');
    versionOf(await chair().send({ type: 'ballot.publish', ballotId: 'c1' }));
    // u06 had fewer votes than u05: passing u05 over for u06 is refused, and so is an outsider.
    expectReason(await chair().send({ type: 'committee.appoint', members: ['u04', 'u06'], ballotId: 'c1' }), 'invalid-state', 'committee-not-approved');
    expectReason(await chair().send({ type: 'committee.appoint', members: ['u04', 'u03'], ballotId: 'c1' }), 'invalid-state', 'committee-not-approved');
    const version = versionOf(await chair().send({ type: 'committee.appoint', members: ['u04', 'u05'], ballotId: 'c1' }));
    await chair().waitForVersion(version);
    expect(chair().state.committee).toMatchObject({ members: ['u04', 'u05'], basis: { kind: 'ballot', ballotId: 'c1', by: 'u00' } });
    expect(chair().state.notices.at(-1)).toMatchObject({ kind: 'committee-appointed', ballotId: 'c1', members: ['u04', 'u05'] });

    // A motion: the committee (u04, u05) publishes it; it approves only those its title names.
    const names = (ids: string[]) => ids.map((id) => chair().state.participants.find((p) => p.id === id)!.name).join(', ');
    versionOf(await chair().send({ type: 'ballot.create', ballot: { id: 'm2', kind: 'motion', title: `Thông qua tổ kiểm phiếu gồm các đồng chí ${names(['u06', 'u07'])}` } }));
    versionOf(await chair().send({ type: 'ballot.open', ballotId: 'm2' }));
    for (const voter of MEMBERS) versionOf(await clients.get(voter)!.send({ type: 'ballot.vote', ballotId: 'm2', paper: { question: 'agree' } }));
    expectReason(await chair().send({ type: 'committee.appoint', members: ['u06', 'u07'], ballotId: 'm2' }), 'invalid-state', 'committee-counting');
    for (const id of ['u04', 'u05']) {
      const { fingerprint } = CommitteeCount.parse((await getCount(server, server.tokenOf(id), 'm2')).body);
      versionOf(await clients.get(id)!.send({ type: 'ballot.confirm', ballotId: 'm2', fingerprint }));
    }
    expectReason(await chair().send({ type: 'committee.appoint', members: ['u06', 'u02'], ballotId: 'm2' }), 'invalid-state', 'committee-not-approved');
    versionOf(await chair().send({ type: 'committee.appoint', members: ['u07', 'u06'], ballotId: 'm2' }));
  });
});

describe('a committee named in the definition', () => {
  it('is there from the start, basis definition; the definition refuses the chair on it', async () => {
    const server = await startServer({ definition: testDefinition({ countingCommittee: ['m1', 'm2'] }) });
    try {
      const client = await server.connectAs('m3');
      expect(client.state.committee).toEqual({ members: ['m1', 'm2'], basis: { kind: 'definition' }, at: null });
    } finally {
      await server.stop();
    }
    expect(() => testDefinition({ countingCommittee: ['chair', 'm2'] })).toThrow(/chair/);
  });
});

const redis = await redisAvailable();

describe.skipIf(!redis)('on Redis, two instances', () => {
  let cluster: Cluster | null = null;
  afterEach(async () => {
    await cluster?.stop();
    cluster = null;
  });

  it('confirmations on different instances publish once', async () => {
    const definition = testDefinition({ countingCommittee: ['m1', 'm2', 'm3'], review: { countingCommittee: { required: true }, collectiveFirst: false } });
    cluster = await startCluster(2, { definition, commandsPerSecond: 1000 });
    const [a, b] = cluster.instances;
    const at = (url: string, id: string) => connectLive(url, cluster!.tokenOf(id));
    const chair = await at(a.url, 'chair');
    const voters = new Map(await Promise.all(['chair', 'm1', 'm2', 'm3', 'm4'].map(async (id, i) => [id, id === 'chair' ? chair : await at(i % 2 ? b.url : a.url, id)] as const)));
    for (const id of voters.keys()) versionOf(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' }));
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'r', kind: 'rating', title: 'Đánh giá tập thể', subjects: ['collective'] } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'r' }));
    for (const [id, client] of voters) versionOf(await client.send({ type: 'ballot.vote', ballotId: 'r', paper: { collective: id === 'm4' ? 'excellent' : 'good' } }));

    const committee = { m1: await at(a.url, 'm1'), m2: await at(a.url, 'm2'), m3: await at(b.url, 'm3') };
    const fingerprints = await Promise.all(
      (['m1', 'm2', 'm3'] as const).map(async (id, i) => {
        const server = { url: i === 2 ? b.url : a.url, meeting: cluster!.meeting };
        const { status, body } = await getCount(server, cluster!.tokenOf(id), 'r');
        expect(status).toBe(200);
        return CommitteeCount.parse(body);
      }),
    );
    expect(new Set(fingerprints.map((f) => f.fingerprint)).size).toBe(1);
    const fingerprint = fingerprints[0].fingerprint;
    versionOf(await committee.m1.send({ type: 'ballot.confirm', ballotId: 'r', fingerprint }));
    // m2 on one instance and m3 on the other, at the same moment: one of them makes the majority.
    const acks = await Promise.all([
      committee.m2.send({ type: 'ballot.confirm', ballotId: 'r', fingerprint }),
      committee.m3.send({ type: 'ballot.confirm', ballotId: 'r', fingerprint }),
    ]);
    for (const ack of acks) versionOf(ack);

    const events = (await a.opened.store.readEvents(cluster.meeting.meetingId)).flatMap((r) => r.events);
    expect(events.filter((e) => e.type === 'ballot.published')).toHaveLength(1);
    expect(
      events
        .filter((e) => e.type === 'ballot.confirmed')
        .map((e) => (e.type === 'ballot.confirmed' ? e.participantId : ''))
        .sort(),
    ).toEqual(['m1', 'm2', 'm3']);
    const published = events.find((e) => e.type === 'ballot.published');
    expect(published?.type === 'ballot.published' && published.results).toEqual(fingerprints[0].results);
    await waitFor(() => chair.state.ballots.find((x) => x.id === 'r')?.status === 'published', 10_000, 'the chair sees it published');
    for (const client of [...voters.values(), ...Object.values(committee)]) client.close();
  });
});
