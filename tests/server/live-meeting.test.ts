import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

describe('live meeting over real sockets', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('every change the chair makes reaches chair, members and observer, identically', async () => {
    const [chair, m1, m2, obs] = await Promise.all(['chair', 'm1', 'm2', 'obs'].map((p) => server.connectAs(p)));
    expect(obs.snapshot.you.role).toBe('observer');

    expect(await chair.send({ type: 'agenda.open', itemId: 'open' })).toEqual({ ok: true, version: 1 });
    expect(await m1.send({ type: 'queue.request', kind: 'speech' })).toMatchObject({ ok: true, version: 2 });
    expect(await m2.send({ type: 'queue.request', kind: 'point-of-order' })).toMatchObject({ ok: true, version: 3 });
    expect(await chair.send({ type: 'queue.give' })).toMatchObject({ ok: true, version: 4 });

    for (const c of [chair, m1, m2, obs]) await c.waitForVersion(4);
    for (const c of [m1, m2, obs]) expect(c.state).toEqual(chair.state);
    const item = chair.state.agenda.find((i) => i.id === 'open')!;
    expect(item.queue.current?.participantId).toBe('m2'); // the point of order went first
    expect(item.queue.requests.map((r) => r.participantId)).toEqual(['m1']);
  });

  it('observers and members cannot drive the agenda, and nothing changes', async () => {
    const [obs, m1] = await Promise.all([server.connectAs('obs'), server.connectAs('m1')]);
    expect(await obs.send({ type: 'agenda.open', itemId: 'open' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await obs.send({ type: 'queue.request', kind: 'speech' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await m1.send({ type: 'agenda.next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await server.store.loadMeeting(server.meeting.meetingId))!.version).toBe(0);
  });
});
