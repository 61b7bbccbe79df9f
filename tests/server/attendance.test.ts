import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceOf, markOf, quorum } from '../../shared/meeting/attendance.js';
import { statuses } from '../helpers/attendance.js';
import { accepted, expectConverged, waitForOnline } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

/** Resolves once `client` has been told everything the store holds: a connection's effects (or none) are all in. */
async function settled(server: TestServer, ...clients: TestClient[]): Promise<void> {
  // A ping round trip through the command line: any commit a connection made is ahead of it.
  await clients[0].send({ type: 'attendance.mark', participantId: 'nobody', status: 'present' });
  const stored = (await server.store.loadMeeting(server.meeting.meetingId))!;
  for (const c of clients) await c.waitForVersion(stored.version);
}

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

  it('members check in with a tap, the chair marks the others, and the quorum is the same on every device', async () => {
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
    expect(await m1.send({ type: 'attendance.markConnected' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await obs.send({ type: 'attendance.checkIn' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectConverged(server, room);
    expect(quorum(guest.state)).toEqual({ present: 3, members: 5, required: 4, met: false });
    expect(attendanceOf(obs.state, 'm4')).toBe('excused');

    // m3 is in the room without a tablet: the chair marks them, and the quorum is reached.
    accepted(await chair.send({ type: 'attendance.mark', participantId: 'm3', status: 'present' }));
    await expectConverged(server, room);
    for (const c of room) expect(quorum(c.state)).toEqual({ present: 4, members: 5, required: 4, met: true });
  });

  it("a tablet connecting never changes attendance: the chair's 'excused' stays, and so does the quorum", async () => {
    const chair = await server.connectAs('chair');
    accepted(await chair.send({ type: 'attendance.mark', participantId: 'm1', status: 'excused' }));
    const before = (await server.store.loadMeeting(server.meeting.meetingId))!;
    // The member's tablet opens (from home would do), as the app does, twice (a reconnect).
    const tablet = await server.connectAs('m1', { app: true });
    tablet.close();
    const again = await server.connectAs('m1', { app: true });
    await waitForOnline([chair], ['chair', 'm1']);
    await settled(server, chair, again);
    const after = (await server.store.loadMeeting(server.meeting.meetingId))!;
    expect(after.version).toBe(before.version);
    expect(markOf(chair.state, 'm1')).toEqual({ status: 'excused', source: 'presidium', by: 'chair', at: expect.any(Number) });
    expect(quorum(again.state)).toEqual(quorum(before.state));
  });

  it("a member's own check-in is refused once the chair or the secretary marked them, with the reason", async () => {
    const [chair, sec, m1, m2] = await Promise.all(['chair', 'sec', 'm1', 'm2'].map((id) => server.connectAs(id)));
    accepted(await chair.send({ type: 'attendance.mark', participantId: 'm1', status: 'excused' }));
    accepted(await sec.send({ type: 'attendance.mark', participantId: 'm2', status: 'absent' }));
    const versionBefore = chair.version;
    for (const member of [m1, m2]) {
      expect(await member.send({ type: 'attendance.checkIn' })).toEqual({
        ok: false,
        error: { code: 'invalid-state', reason: 'attendance-marked', message: expect.any(String) },
      });
    }
    expect((await server.store.loadMeeting(server.meeting.meetingId))!.version).toBe(versionBefore);
    expect(statuses(chair.state.attendance)).toEqual({ m1: 'excused', m2: 'absent' });
  });

  it("a member's own check-in is accepted otherwise, and the chair's copy says it was their own, when", async () => {
    const start = Date.now();
    const [chair, m1] = await Promise.all(['chair', 'm1'].map((id) => server.connectAs(id)));
    const version = accepted(await m1.send({ type: 'attendance.checkIn' }));
    await chair.waitForVersion(version);
    // What the console's notice is made of: the event names the member, the source and the time.
    expect(chair.batches.at(-1)!.events).toEqual([{ type: 'attendance.marked', participantId: 'm1', status: 'present', source: 'self', by: 'm1', at: expect.any(Number) }]);
    expect(markOf(chair.state, 'm1')!.at).toBeGreaterThanOrEqual(start);
    // Before the start: signing in at the door is a check-in too.
    expect(chair.state.status).toBe('scheduled');
  });

  it('"mark all connected present" marks only connected, unmarked participants and says how many', async () => {
    const chair = await server.connectAs('chair');
    // m1 connected, unmarked; m2 connected but excused by the chair; m3 connected, checked in already;
    // guest connected, unmarked; m4 marked absent and not connected; the observer is connected but does not attend.
    const [m1, m2, m3, guest, obs] = await Promise.all(['m1', 'm2', 'm3', 'guest', 'obs'].map((id) => server.connectAs(id)));
    accepted(await chair.send({ type: 'attendance.mark', participantId: 'm2', status: 'excused' }));
    accepted(await m3.send({ type: 'attendance.checkIn' }));
    await waitForOnline([chair], ['chair', 'guest', 'm1', 'm2', 'm3', 'obs']);

    const sec = await server.connectAs('sec');
    await waitForOnline([chair], ['chair', 'guest', 'm1', 'm2', 'm3', 'obs', 'sec']);
    const ack = await sec.send({ type: 'attendance.markConnected' });
    expect(ack).toMatchObject({ ok: true, marked: 4 });
    await expectConverged(server, [chair, m1, m2, guest, obs]);
    expect(statuses(chair.state.attendance)).toEqual({ chair: 'present', sec: 'present', m1: 'present', m2: 'excused', m3: 'present', guest: 'present' });
    for (const id of ['chair', 'sec', 'm1', 'guest']) expect(markOf(chair.state, id)).toMatchObject({ source: 'presidium', by: 'sec' });
    expect(markOf(chair.state, 'm3')!.source).toBe('self');
    expect(markOf(chair.state, 'm4')).toBeUndefined();
    // Nobody left: the answer says 0, and nothing is recorded.
    const version = chair.version;
    expect(await chair.send({ type: 'attendance.markConnected' })).toEqual({ ok: true, version, marked: 0 });
  });

  it('the chair and the secretary are present once they open the console, checked in by the server as themselves', async () => {
    const start = Date.now();
    const watcher = await server.connectAs('obs');
    // A script's connection (no `app`) checks nobody in.
    const script = await server.connectAs('chair');
    await settled(server, script, watcher);
    expect(markOf(watcher.state, 'chair')).toBeUndefined();

    await server.connectAs('chair', { app: true });
    await server.connectAs('sec', { app: true });
    await waitFor(() => markOf(watcher.state, 'chair') !== undefined && markOf(watcher.state, 'sec') !== undefined, 5000, 'chair and secretary checked in');
    for (const id of ['chair', 'sec']) {
      expect(markOf(watcher.state, id)).toEqual({ status: 'present', source: 'console', by: id, at: expect.any(Number) });
      expect(markOf(watcher.state, id)!.at).toBeGreaterThanOrEqual(start);
    }
    // Recorded as the server's own step: no actor.
    const records = await server.store.readEvents(server.meeting.meetingId);
    expect(records.filter((r) => r.events.some((e) => e.type === 'attendance.marked')).map((r) => r.actor)).toEqual([null, null]);
    // The chair counts for the quorum (a member of the body); the secretary does not.
    expect(quorum(watcher.state).present).toBe(1);

    // Reopening the console marks nothing again; nor does it override a mark.
    accepted(await script.send({ type: 'attendance.mark', participantId: 'sec', status: 'excused' }));
    const version = script.version;
    const reopened = await server.connectAs('sec', { app: true });
    await settled(server, script, reopened);
    expect(script.version).toBe(version);
    expect(markOf(script.state, 'sec')).toMatchObject({ status: 'excused', source: 'presidium', by: 'chair' });
  });
});
