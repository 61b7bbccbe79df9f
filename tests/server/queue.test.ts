import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { positionOf } from '../../shared/meeting/queue.js';
import { activeItem } from '../../shared/meeting/state.js';
import { speakingStats } from '../../shared/meeting/stats.js';
import { remainingSec } from '../../shared/meeting/timing.js';
import { accepted, connectRoom, expectConverged } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

describe('the speaker queue, live', () => {
  let server: TestServer;
  let room: Record<string, TestClient>;
  let all: TestClient[];
  const queueOf = (c: TestClient) => activeItem(c.state)!.queue;
  const waiting = (c: TestClient) => queueOf(c).requests.map((r) => `${r.participantId}:${r.kind}`);

  beforeEach(async () => {
    server = await startServer();
    room = await connectRoom(server);
    all = Object.values(room);
    accepted(await room.chair.send({ type: 'agenda.open', itemId: 'review-m1' }));
  });
  afterEach(async () => {
    await server.stop();
  });

  it('requests, points of order and replies line up the same on every device, each seeing their place', async () => {
    const { m1, m2, guest, sec } = room;
    accepted(await m2.send({ type: 'queue.request', kind: 'speech' }));
    accepted(await guest.send({ type: 'queue.request', kind: 'speech' }));
    accepted(await m1.send({ type: 'queue.request', kind: 'reply' }));
    accepted(await guest.send({ type: 'queue.request', kind: 'point-of-order' }));
    accepted(await sec.send({ type: 'queue.request', kind: 'speech', participantId: 'm3' }));
    expect(await m2.send({ type: 'queue.request', kind: 'reply' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectConverged(server, all);

    expect(waiting(room.obs)).toEqual(['guest:point-of-order', 'm2:speech', 'guest:speech', 'm1:reply', 'm3:speech']);
    expect(positionOf(queueOf(m2), 'm2')).toBe(2);
    expect(positionOf(queueOf(m1), 'm1')).toBe(4);
    expect(queueOf(room.chair).requests[4]).toMatchObject({ participantId: 'm3', addedBy: 'sec' });
  });

  it('the chair gives the floor, extends, ends; durations recorded; statistics agree everywhere', async () => {
    const { chair, m1, m2 } = room;
    accepted(await m1.send({ type: 'queue.request', kind: 'speech' }));
    accepted(await m2.send({ type: 'queue.request', kind: 'speech' }));
    const before = Date.now();
    accepted(await chair.send({ type: 'queue.give' }));
    await expectConverged(server, all);
    const speech = queueOf(room.guest).current!;
    expect(speech).toMatchObject({ participantId: 'm1', kind: 'speech', limitSec: 180 });
    expect(speech.startedAt).toBeGreaterThanOrEqual(before);
    expect(remainingSec(speech, speech.startedAt)).toBe(180);

    accepted(await chair.send({ type: 'queue.extend', seconds: 60, participantId: 'm1' }));
    accepted(await chair.send({ type: 'queue.give', participantId: 'm2' }));
    accepted(await chair.send({ type: 'queue.end', participantId: 'm2' }));
    // The secretary's screen still showed m2 speaking.
    expect(await room.sec.send({ type: 'queue.end', participantId: 'm2' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await room.sec.send({ type: 'queue.end' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    await expectConverged(server, all);

    const { speeches, current } = queueOf(room.obs);
    expect(current).toBeNull();
    expect(speeches.map((s) => [s.participantId, s.limitSec])).toEqual([
      ['m1', 240],
      ['m2', 180],
    ]);
    for (const s of speeches) expect(s.endedAt).toBeGreaterThanOrEqual(s.startedAt);
    const stats = speakingStats(room.chair.state, Date.now());
    expect(
      stats
        .filter((r) => r.times > 0)
        .map((r) => r.participantId)
        .sort(),
    ).toEqual(['m1', 'm2']);
    expect(stats.filter((r) => r.times === 0).map((r) => r.participantId)).toEqual(['chair', 'guest', 'm3', 'm4', 'sec']);
  });

  it('withdraw, reorder, remove, close the list and set the speaking time', async () => {
    const { chair, m1, m2, guest } = room;
    accepted(await m1.send({ type: 'queue.request', kind: 'speech' }));
    accepted(await m2.send({ type: 'queue.request', kind: 'speech' }));
    accepted(await guest.send({ type: 'queue.request', kind: 'speech' }));
    await expectConverged(server, all);
    const [r1, r2, r3] = queueOf(chair).requests.map((r) => r.id);

    expect(await m1.send({ type: 'queue.withdraw', requestId: r2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    accepted(await m1.send({ type: 'queue.withdraw', requestId: r1 }));
    expect(await m1.send({ type: 'queue.withdraw', requestId: r1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    accepted(await chair.send({ type: 'queue.reorder', requestIds: [r3, r2] }));
    accepted(await room.sec.send({ type: 'queue.withdraw', requestId: r2 }));
    accepted(await chair.send({ type: 'queue.setOpen', open: false }));
    expect(await m1.send({ type: 'queue.request', kind: 'speech' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    accepted(await chair.send({ type: 'queue.setSpeakingTime', seconds: 90 }));
    accepted(await chair.send({ type: 'queue.give', participantId: 'm4' }));
    await expectConverged(server, all);

    expect(waiting(room.m2)).toEqual(['guest:speech']);
    expect(queueOf(room.m2)).toMatchObject({ open: false, speakingSec: 90, current: { participantId: 'm4', limitSec: 90 } });
  });

  it('a command aimed at an item that is no longer open is refused', async () => {
    accepted(await room.chair.send({ type: 'agenda.open', itemId: 'collective' }));
    expect(await room.m2.send({ type: 'queue.request', kind: 'speech', itemId: 'review-m1' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    await expectConverged(server, all);
  });
});
