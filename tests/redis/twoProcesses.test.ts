import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import { RedisStore } from '../../server/store/redis.js';
import { loadStoredDoc } from '../../server/yjs/persistence.js';
import { connectLive, tokenIn, type LiveClient } from '../helpers/cluster.js';
import { testDefinition } from '../helpers/definitions.js';
import { spawnServer, removeDataDir, type ServerProcess } from '../helpers/process.js';
import { dropPrefix, REDIS_URL, redisAvailable, testPrefix } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const available = await redisAvailable();
const NOTES = 'notes-collective';

const linesOf = (text: string) => (text === '' ? [] : text.split('\n'));

describe.runIf(available)('two server processes on one Redis', () => {
  const prefix = testPrefix();
  let a: ServerProcess;
  let b: ServerProcess;
  let store: RedisStore;
  let meetingId: string;
  let tokenOf: (participantId: string) => string;
  const clients: LiveClient[] = [];
  const docs: DocClient[] = [];

  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    [a, b] = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
    store = new RedisStore(REDIS_URL, prefix);
    await store.ready();
    const res = await fetch(`${a.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(testDefinition()),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { meetingId: string; links: { participantId: string; url: string }[] };
    meetingId = created.meetingId;
    tokenOf = (id) => tokenIn(created, id);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const d of docs) d.destroy();
    await Promise.all([a?.kill9(), b?.kill9()]);
    await store?.close();
    await dropPrefix(prefix);
    for (const p of [a, b]) if (p) removeDataDir(p.dataDir);
  });

  async function live(server: ServerProcess, participantId: string): Promise<LiveClient> {
    const client = await connectLive(server.url, tokenOf(participantId));
    clients.push(client);
    return client;
  }
  function doc(server: ServerProcess, participantId: string, docName = NOTES): DocClient {
    const client = connectDoc(server.url, meetingId, docName, tokenOf(participantId));
    docs.push(client);
    return client;
  }
  const stored = async () => (await store.loadMeeting(meetingId))!;
  const storedText = async (docName = NOTES) => textOf((await loadStoredDoc(store, meetingId, docName)).doc);
  async function converged(all: LiveClient[]): Promise<MeetingState> {
    const { version, state } = await stored();
    for (const c of all) await waitFor(() => c.version === version, 15_000, `a client at version ${version} (has ${c.version})`);
    for (const c of all) expect(c.state).toEqual(state);
    return state;
  }

  it('keeps agenda, queue, notes and ballots consistent, then loses nothing acknowledged when one is killed with -9', async () => {
    // Clients spread over both instances, as a proxy would spread them.
    const chair = await live(a, 'chair');
    const m1 = await live(a, 'm1');
    const m3 = await live(a, 'm3');
    const obsA = await live(a, 'obs');
    const sec = await live(b, 'sec');
    const m2 = await live(b, 'm2');
    const m4 = await live(b, 'm4');
    const obsB = await live(b, 'obs');
    const everyone = [chair, m1, m3, obsA, sec, m2, m4, obsB];
    const notesA = doc(a, 'm1');
    const notesB = doc(b, 'm2');
    const readerB = doc(b, 'obs');
    const minutesA = doc(a, 'chair', 'minutes');
    const minutesB = doc(b, 'sec', 'minutes');
    const allDocs = [notesA, notesB, readerB, minutesA, minutesB];
    await Promise.all(allDocs.map((d) => d.synced()));

    // Agenda and queue, driven from both instances.
    expect(await chair.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });
    await m2.waitForVersion(1);
    const requests = await Promise.all([m1, m2, m3].map((c) => c.send({ type: 'queue.request', kind: 'speech' })));
    for (const r of requests) expect(r).toMatchObject({ ok: true });
    expect(await m4.send({ type: 'queue.request', kind: 'point-of-order' })).toMatchObject({ ok: true });
    await sec.waitForVersion((await stored()).version);
    expect(await sec.send({ type: 'queue.give' })).toMatchObject({ ok: true });
    let state = await converged(everyone);
    const item = state.agenda.find((i) => i.id === 'collective')!;
    expect(item.queue.requests.map((r) => r.participantId).sort()).toEqual(['m1', 'm2', 'm3']);

    // Notes typed on both instances reach everyone, readers included.
    appendParagraph(notesA.doc, 'Ý kiến của đồng chí Một');
    appendParagraph(notesB.doc, 'Ý kiến của đồng chí Hai');
    appendParagraph(minutesB.doc, 'Biên bản: khai mạc lúc 08:00');
    const notesDone = (d: DocClient) => ['Ý kiến của đồng chí Một', 'Ý kiến của đồng chí Hai'].every((l) => textOf(d.doc).includes(l));
    await waitFor(() => [notesA, notesB, readerB].every(notesDone) && textOf(minutesA.doc).includes('khai mạc'), 10_000, 'notes on both instances');

    // A ballot with voters on both instances.
    for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) expect(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    const ballot = (id: string) => ({ type: 'ballot.create', ballot: { id, kind: 'rating', title: `Xếp loại ${id}`, subjects: ['m1', 'm2'] } });
    expect(await chair.send(ballot('b1'))).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'ballot.open', ballotId: 'b1' })).toMatchObject({ ok: true });
    await converged(everyone);
    const votes1 = await Promise.all([
      m1.send({ type: 'ballot.vote', ballotId: 'b1', paper: { m2: 'good' } }),
      m2.send({ type: 'ballot.vote', ballotId: 'b1', paper: { m1: 'excellent' } }),
      m3.send({ type: 'ballot.vote', ballotId: 'b1', paper: { m1: 'good', m2: 'good' } }),
      m4.send({ type: 'ballot.vote', ballotId: 'b1', paper: { m1: 'good', m2: 'completed' } }),
      chair.send({ type: 'ballot.vote', ballotId: 'b1', paper: { m1: 'excellent', m2: 'good' } }),
    ]);
    for (const v of votes1) expect(v).toMatchObject({ ok: true });
    await converged(everyone);
    expect(await sec.send({ type: 'ballot.publish', ballotId: 'b1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await chair.send({ type: 'ballot.publish', ballotId: 'b1' })).toMatchObject({ ok: true });
    state = await converged(everyone);
    const b1 = state.ballots.find((x) => x.id === 'b1')!;
    expect(b1.results!.subjects.find((s) => s.subject === 'm1')!.counts).toMatchObject({ excellent: 2, good: 2 });
    expect(b1.results!.subjects.find((s) => s.subject === 'm2')!.counts).toMatchObject({ good: 3, completed: 1 });

    // Now work in flight on A when it dies.
    expect(await chair.send(ballot('b2'))).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'ballot.open', ballotId: 'b2' })).toMatchObject({ ok: true });
    await converged(everyone);
    const titles = Array.from({ length: 40 }, (_, i) => `Mục bổ sung ${i + 1}`);
    let answered = 0;
    const settle = async (p: Promise<Ack<CommandResult>>) =>
      p.then(
        (ack) => {
          answered++;
          return ack;
        },
        () => ({ ok: false as const, error: { code: 'no-answer', message: 'disconnected before the answer' } }),
      );
    const adds = titles.map((title) => settle(chair.send({ type: 'agenda.add', item: { day: 2, title, kind: 'procedure', plannedMinutes: 5 } })));
    const papers: Record<string, Record<string, string>> = {
      m1: { m2: 'excellent' },
      m3: { m1: 'completed', m2: 'good' },
      m2: { m1: 'good' },
      m4: { m1: 'good', m2: 'good' },
      chair: { m1: 'not-completed', m2: 'completed' },
    };
    const inflightVotes = {
      m1: settle(m1.send({ type: 'ballot.vote', ballotId: 'b2', paper: papers.m1 })),
      m3: settle(m3.send({ type: 'ballot.vote', ballotId: 'b2', paper: papers.m3 })),
    };
    const typedOnA = Array.from({ length: 8 }, (_, i) => `Dòng từ A ${i + 1}`);
    const typedOnB = Array.from({ length: 8 }, (_, i) => `Dòng từ B ${i + 1}`);
    typedOnA.forEach((l, i) => {
      appendParagraph(notesA.doc, l);
      appendParagraph(notesB.doc, typedOnB[i]);
    });
    // Killed in the middle: some commands answered, others still in line.
    await waitFor(() => answered >= 3, 10_000, 'the first answers');
    const lateVote = settle(chair.send({ type: 'ballot.vote', ballotId: 'b2', paper: papers.chair }));
    await a.kill9();

    const addAcks = await Promise.all(adds);
    const voteAcks = { m1: await inflightVotes.m1, m3: await inflightVotes.m3, chair: await lateVote };

    // Whatever reached a client on B had been stored before it was relayed.
    const seenOnB = linesOf(textOf(readerB.doc));
    const storedNow = linesOf(await storedText());
    for (const line of seenOnB) expect(storedNow).toContain(line);

    // A's clients come back through B, as a proxy sends them to the live instance.
    for (const c of [chair, m1, m3, obsA]) c.moveTo(b.url);
    for (const d of [notesA, minutesA]) d.provider.serverUrl = `${b.url.replace(/^http/, 'ws')}/yjs/${encodeURIComponent(meetingId)}`;
    await waitFor(() => [chair, m1, m3, obsA].every((c) => c.socket.connected), 15_000, "A's clients on B");

    // Every acknowledged command is in the stored state.
    state = (await stored()).state;
    addAcks.forEach((ack, i) => {
      if (ack.ok) expect(state.agenda.map((x) => x.title)).toContain(titles[i]);
    });
    for (const [voter, ack] of Object.entries(voteAcks)) if (ack.ok) expect(state.ballots.find((x) => x.id === 'b2')!.voted).toContain(voter);

    // Unanswered votes are handed in again: counted, or refused as already counted, never twice.
    for (const [voter, ack] of Object.entries(voteAcks)) {
      if (ack.ok) continue;
      const again = await ({ m1, m3, chair } as Record<string, LiveClient>)[voter].send({ type: 'ballot.vote', ballotId: 'b2', paper: papers[voter] });
      expect(again.ok || (!again.ok && again.error.code === 'already-voted'), JSON.stringify(again)).toBe(true);
    }
    expect(await m2.send({ type: 'ballot.vote', ballotId: 'b2', paper: papers.m2 })).toMatchObject({ ok: true });
    expect(await m4.send({ type: 'ballot.vote', ballotId: 'b2', paper: papers.m4 })).toMatchObject({ ok: true });
    // Every eligible voter's paper is in: the ballot closed itself.
    expect((await stored()).state.ballots.find((x) => x.id === 'b2')!.status).toBe('closed');
    expect(await chair.send({ type: 'ballot.publish', ballotId: 'b2' })).toMatchObject({ ok: true });
    state = await converged(everyone);
    const b2 = state.ballots.find((x) => x.id === 'b2')!;
    expect(b2.voted).toEqual(['chair', 'm1', 'm2', 'm3', 'm4']);
    const counted = (subject: string, option: string) => Object.values(papers).filter((p) => p[subject] === option).length;
    for (const s of b2.results!.subjects) for (const [option, n] of Object.entries(s.counts)) expect(n, `${s.subject}/${option}`).toBe(counted(s.subject, option));

    // Notes: A's clients resent what B lacked; every line anyone typed is stored and shown everywhere.
    const everyLine = ['Ý kiến của đồng chí Một', 'Ý kiến của đồng chí Hai', ...typedOnA, ...typedOnB];
    await waitFor(async () => everyLine.every((l) => linesOf(textOf(readerB.doc)).includes(l)), 20_000, 'every line on the reader');
    await waitFor(async () => (await storedText()) === textOf(readerB.doc), 10_000, 'the store to match');
    for (const d of [notesA, notesB]) await waitFor(() => textOf(d.doc) === textOf(readerB.doc), 10_000, 'every editor to match');
    expect(await storedText('minutes')).toContain('khai mạc lúc 08:00');
    expect(b.output()).not.toMatch(/"level":"error"/);
  });
});
