import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceOf, quorum } from '../../shared/meeting/attendance.js';
import { accepted, expectConverged, waitForOnline } from '../helpers/liveRoom.js';
import { startServer, type TestServer } from '../helpers/server.js';

describe('attendance and presence, live', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('presence lists who is connected, and updates when someone leaves', async () => {
    const chair = await server.connectAs('chair');
    const obs = await server.connectAs('obs');
    await waitForOnline([chair, obs], ['chair', 'obs']);
    const m1 = await server.connectAs('m1');
    const m1Tablet2 = await server.connectAs('m1');
    const m2 = await server.connectAs('m2');
    await waitForOnline([chair, obs, m1, m2], ['chair', 'm1', 'm2', 'obs']);

    m2.close();
    await waitForOnline([chair, obs, m1], ['chair', 'm1', 'obs']);
    // One of m1's two devices leaving does not make m1 leave.
    m1Tablet2.close();
    await waitForOnline([chair, obs], ['chair', 'm1', 'obs']);
    m1.close();
    await waitForOnline([chair, obs], ['chair', 'obs']);
  });

  it('members check in, the chair marks the others, and the quorum is the same on every device', async () => {
    const room = await Promise.all(['chair', 'sec', 'm1', 'm2', 'guest', 'obs'].map((id) => server.connectAs(id)));
    const [chair, sec, m1, m2, guest, obs] = room;
    expect(quorum(obs.state)).toEqual({ present: 0, members: 5, required: 4, met: false });

    accepted(await m1.send({ type: 'attendance.checkIn' }));
    accepted(await m2.send({ type: 'attendance.checkIn' }));
    accepted(await guest.send({ type: 'attendance.checkIn' }));
    const version = accepted(await m2.send({ type: 'attendance.checkIn' }));
    expect(version).toBe(3); // the second check-in changed nothing
    accepted(await chair.send({ type: 'attendance.mark', participantId: 'chair', status: 'present' }));
    accepted(await sec.send({ type: 'attendance.mark', participantId: 'm4', status: 'excused' }));
    expect(await m1.send({ type: 'attendance.mark', participantId: 'm3', status: 'present' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await obs.send({ type: 'attendance.checkIn' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectConverged(server, room);
    expect(quorum(guest.state)).toEqual({ present: 3, members: 5, required: 4, met: false });
    expect(attendanceOf(obs.state, 'm4')).toBe('excused');

    // m3 is in the room without a tablet: the chair marks them, and the quorum is reached.
    accepted(await chair.send({ type: 'attendance.mark', participantId: 'm3', status: 'present' }));
    await expectConverged(server, room);
    for (const c of room) expect(quorum(c.state)).toEqual({ present: 4, members: 5, required: 4, met: true });
  });
});
