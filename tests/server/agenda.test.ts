import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actualMinutes } from '../../shared/meeting/stats.js';
import { accepted, connectRoom, expectConverged } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

describe('the agenda, live', () => {
  let server: TestServer;
  let room: Record<string, TestClient>;
  let all: TestClient[];
  beforeEach(async () => {
    server = await startServer();
    room = await connectRoom(server);
    all = Object.values(room);
  });
  afterEach(async () => {
    await server.stop();
  });

  it('the chair runs a day: every change reaches every device, stamped with server time', async () => {
    const { chair } = room;
    const before = Date.now();
    accepted(await chair.send({ type: 'meeting.start' }));
    accepted(await chair.send({ type: 'agenda.next' }));
    await expectConverged(server, all);
    const opened = room.obs.state.agenda[0];
    expect(opened).toMatchObject({ id: 'open', status: 'active' });
    expect(opened.startedAt).toBeGreaterThanOrEqual(before);
    expect(opened.startedAt).toBeLessThanOrEqual(Date.now());

    accepted(await chair.send({ type: 'agenda.next' }));
    accepted(await chair.send({ type: 'agenda.previous' }));
    accepted(await chair.send({ type: 'agenda.complete', itemId: 'open' }));
    accepted(await chair.send({ type: 'agenda.skip', itemId: 'collective' }));
    accepted(await chair.send({ type: 'agenda.open', itemId: 'review-m1' }));
    await expectConverged(server, all);

    const [open, collective, review] = room.m2.state.agenda;
    expect(open).toMatchObject({ status: 'done' });
    expect(open.endedAt).toBeGreaterThanOrEqual(open.startedAt!);
    expect(actualMinutes(open, open.endedAt!)).toBe(0);
    expect(collective).toMatchObject({ status: 'skipped' });
    expect(review).toMatchObject({ status: 'active', endedAt: null });
    expect(room.guest.state.activeItemId).toBe('review-m1');
  });

  it('the secretary edits the agenda live: add, update, reorder, remove, switch day', async () => {
    const { sec } = room;
    const added = await sec.send({ type: 'agenda.add', item: { day: 1, title: 'Thảo luận bổ sung', kind: 'discussion', plannedMinutes: 15 }, afterItemId: 'collective' });
    accepted(added);
    await expectConverged(server, all);
    const newId = room.chair.state.agenda[2].id;
    expect(room.chair.state.agenda[2]).toMatchObject({ title: 'Thảo luận bổ sung', status: 'pending' });

    accepted(await sec.send({ type: 'agenda.update', itemId: newId, changes: { title: 'Thảo luận', plannedMinutes: 20, speakingSeconds: 120 } }));
    accepted(await sec.send({ type: 'agenda.reorder', itemIds: ['open', newId, 'collective', 'review-m1', 'review-m2', 'close'] }));
    accepted(await sec.send({ type: 'agenda.remove', itemId: 'close' }));
    accepted(await sec.send({ type: 'day.switch', day: 2 }));
    await expectConverged(server, all);
    expect(room.obs.state.agenda.map((i) => i.id)).toEqual(['open', newId, 'collective', 'review-m1', 'review-m2']);
    expect(room.obs.state.agenda[1]).toMatchObject({ title: 'Thảo luận', plannedMinutes: 20, queue: { speakingSec: 120 } });
    expect(room.m1.state.currentDay).toBe(2);
  });

  it('opening an item of the second day switches every device to that day', async () => {
    accepted(await room.chair.send({ type: 'agenda.open', itemId: 'review-m2' }));
    await expectConverged(server, all);
    expect(room.m1.state).toMatchObject({ status: 'running', currentDay: 2, activeItemId: 'review-m2' });
  });

  it('stale and forbidden commands are refused and reach nobody', async () => {
    const { chair, m1, guest, obs } = room;
    const version = accepted(await chair.send({ type: 'agenda.open', itemId: 'open' }));
    accepted(await chair.send({ type: 'agenda.complete', itemId: 'open' }));
    expect(await chair.send({ type: 'agenda.complete', itemId: 'open' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await chair.send({ type: 'agenda.open', itemId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const who of [m1, guest, obs]) {
      expect(await who.send({ type: 'agenda.next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await who.send({ type: 'agenda.remove', itemId: 'close' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await expectConverged(server, all);
    expect(chair.version).toBe(version + 1);
  });
});
