import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import { addPaper, markPresent, versionOf } from '../helpers/ballots.js';
import { connectClient, startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const ROUNDS = 100;
const RACERS = ['m1', 'm2', 'm3'];
const ANSWERS = ['agree', 'disagree', 'abstain'];

/**
 * Exactly once: the same voter's paper sent on two connections at the same moment (two tabs, or a
 * retry after a lost acknowledgement) is counted once; the other copy gets `already-voted`.
 */
describe('double submissions race', () => {
  let server: TestServer;
  let chair: TestClient;
  const tabs = new Map<string, [TestClient, TestClient]>();

  beforeAll(async () => {
    server = await startServer({ commandsPerSecond: 10_000, commandBurst: 10_000 });
    chair = await server.connectAs('chair');
    for (const id of RACERS) tabs.set(id, [await server.connectAs(id), await server.connectAs(id)]);
    await markPresent(chair, ['chair', 'm1', 'm2', 'm3', 'm4']);
  });
  afterAll(async () => {
    await server.stop();
  });

  it(`counts each voter once in each of ${ROUNDS} rounds of two tabs voting at the same moment`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ballotId = `race-${round}`;
      versionOf(await chair.send({ type: 'ballot.create', ballot: { id: ballotId, kind: 'motion', title: `Vòng ${round}`, closeWhenAllVoted: false } }));
      versionOf(await chair.send({ type: 'ballot.open', ballotId }));

      // Each racer's two tabs send different papers, all six at once, so the count shows which one won.
      const sends: { voter: string; paper: Record<string, string>; ack: Promise<Ack<CommandResult>> }[] = [];
      RACERS.forEach((voter, i) =>
        tabs.get(voter)!.forEach((tab, t) => {
          const paper = { question: ANSWERS[(round + i + t) % ANSWERS.length] };
          sends.push({ voter, paper, ack: tab.send({ type: 'ballot.vote', ballotId, paper }) });
        }),
      );
      const acks = await Promise.all(sends.map((s) => s.ack));

      const expected: Record<string, number> = {};
      for (const voter of RACERS) {
        const mine = acks.map((ack, i) => ({ ack, send: sends[i] })).filter((x) => x.send.voter === voter);
        const accepted = mine.filter((x) => x.ack.ok);
        expect(accepted, `round ${round}, ${voter}`).toHaveLength(1);
        expect(mine.filter((x) => !x.ack.ok).map((x) => x.ack)).toEqual([{ ok: false, error: { code: 'already-voted', message: expect.any(String) } }]);
        addPaper(expected, accepted[0].send.paper);
      }
      expect(await server.store.readCounts(server.meeting.meetingId, ballotId), `round ${round}`).toEqual(expected);
      const stored = (await server.store.loadMeeting(server.meeting.meetingId))!.state.ballots.find((b) => b.id === ballotId)!;
      expect(stored.voted).toEqual(RACERS);
      // Three of the members voted, below the ballot's quorum: the round is cancelled rather than closed.
      versionOf(await chair.send({ type: 'ballot.cancel', ballotId, reason: 'Kết thúc vòng thử' }));
    }
  }, 180_000);

  it('a retry after the connection dropped before the acknowledgement is counted once', async () => {
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'retry', kind: 'motion', title: 'Thử lại', closeWhenAllVoted: false } }));
    const opened = versionOf(await chair.send({ type: 'ballot.open', ballotId: 'retry' }));
    const paper = { question: 'agree' };
    for (const voter of RACERS) {
      const lost = await connectClient(server.url, server.tokenOf(voter));
      await lost.waitForVersion(opened);
      // Sent, and the server takes it, but the tablet drops off before any answer comes back.
      lost.socket.emit('command', { meetingId: server.meeting.meetingId, command: { type: 'ballot.vote', ballotId: 'retry', paper } }, () => undefined);
      await waitFor(
        async () => (await server.store.loadMeeting(server.meeting.meetingId))!.state.ballots.find((b) => b.id === 'retry')!.voted.includes(voter),
        5000,
        `${voter}'s first paper to arrive`,
      );
      lost.close();
      // The tablet reconnects and, having no answer, sends the same paper again.
      const again = await connectClient(server.url, server.tokenOf(voter));
      expect(await again.send({ type: 'ballot.vote', ballotId: 'retry', paper })).toMatchObject({ ok: false, error: { code: 'already-voted' } });
      again.close();
    }
    expect(await server.store.readCounts(server.meeting.meetingId, 'retry')).toEqual({ 'question/agree': RACERS.length });
  });
});
