import { afterEach, describe, expect, it } from 'vitest';
import { expectRefused, markPresent, versionOf } from '../helpers/ballots.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/**
 * The server closes a ballot at its deadline by itself. Deadlines are whole minutes, so the rooms
 * get a clock the test moves forward instead of waiting.
 */
describe('closing at the deadline', () => {
  let server: TestServer;
  let skew = 0;
  afterEach(async () => {
    await server.stop();
    skew = 0;
  });

  async function openWithDeadline() {
    server = await startServer({ clock: () => Date.now() + skew, commandsPerSecond: 1000, commandBurst: 1000 });
    const chair = await server.connectAs('chair');
    const [m1, m2, obs] = [await server.connectAs('m1'), await server.connectAs('m2'), await server.connectAs('obs')];
    await markPresent(chair, ['chair', 'm1', 'm2', 'm3']);
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'b', kind: 'motion', title: 'Thông qua', deadlineMinutes: 1 } }));
    const opened = versionOf(await chair.send({ type: 'ballot.open', ballotId: 'b' }));
    await obs.waitForVersion(opened);
    const ballot = obs.state.ballots.find((b) => b.id === 'b')!;
    expect(ballot.deadline! - ballot.openedAt!).toBe(60_000);
    return { chair, m1, m2, obs };
  }

  it('the server closes the ballot when the deadline passes, with nobody sending anything', async () => {
    const { chair, m1, obs } = await openWithDeadline();
    versionOf(await m1.send({ type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } }));
    skew = 30_000;
    // Half-way through, the room looks at the deadline before every command and finds nothing due.
    const midway = versionOf(await chair.send({ type: 'announcement.post', text: 'Còn 30 giây' }));
    await obs.waitForVersion(midway);
    expect(obs.state.ballots.find((b) => b.id === 'b')!.status).toBe('open');
    skew = 61_000;
    await waitFor(() => obs.state.ballots.find((b) => b.id === 'b')!.status === 'closed', 5000, 'the deadline to close the ballot');
    const closing = obs.batches.flatMap((b) => b.events).find((e) => e.type === 'ballot.closed');
    expect(closing).toMatchObject({ ballotId: 'b', reason: 'deadline' });
    expect(await server.store.readCounts(server.meeting.meetingId, 'b')).toEqual({ 'question/agree': 1 });
  });

  it('a paper sent after the deadline is refused and not counted, even before the timer has fired', async () => {
    const { m1, m2, obs } = await openWithDeadline();
    versionOf(await m1.send({ type: 'ballot.vote', ballotId: 'b', paper: { question: 'disagree' } }));
    skew = 60_001;
    expectRefused(await m2.send({ type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } }), 'invalid-state');
    const stored = (await server.store.loadMeeting(server.meeting.meetingId))!.state.ballots.find((b) => b.id === 'b')!;
    expect(stored).toMatchObject({ status: 'closed', voted: ['m1'] });
    expect(await server.store.readCounts(server.meeting.meetingId, 'b')).toEqual({ 'question/disagree': 1 });
    await waitFor(() => obs.state.ballots.find((b) => b.id === 'b')!.status === 'closed', 5000, 'the observer to see the closing');
    expect(obs.batches.flatMap((b) => b.events).filter((e) => e.type === 'ballot.closed')).toEqual([
      { type: 'ballot.closed', ballotId: 'b', at: stored.closedAt, reason: 'deadline' },
    ]);
  });

  it('the chair may still close before the deadline, and the deadline then does nothing', async () => {
    const { chair, m1, m2, obs } = await openWithDeadline();
    // Closing early needs the ballot's quorum: three of the four eligible.
    for (const voter of [chair, m1, m2]) versionOf(await voter.send({ type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } }));
    const closed = versionOf(await chair.send({ type: 'ballot.close', ballotId: 'b' }));
    skew = 120_000;
    const after = versionOf(await chair.send({ type: 'announcement.post', text: 'Nghỉ giải lao 15 phút' }));
    await obs.waitForVersion(after);
    expect(after).toBe(closed + 1);
    expect(obs.batches.flatMap((b) => b.events).filter((e) => e.type === 'ballot.closed')).toMatchObject([{ reason: 'chair' }]);
  });
});
