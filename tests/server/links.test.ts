import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../server/meetings/create.js';
import { testDefinition } from '../helpers/definitions.js';
import { accepted, expectConverged, waitForOnline } from '../helpers/liveRoom.js';
import { connectClient, startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

async function refusedAtHandshake(url: string, token: string): Promise<string | undefined> {
  const failed = await connectClient(url, token).then(
    (c) => {
      c.close();
      return null;
    },
    (e: { code?: string }) => e,
  );
  return failed?.code;
}

describe('personal links', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('reissuing a link revokes every connection of the old one at once, and the new one works', async () => {
    const [chair, obs] = await Promise.all([server.connectAs('chair'), server.connectAs('obs')]);
    const tablet = await server.connectAs('m1');
    const phone = await server.connectAs('m1');
    const revoked: string[] = [];
    for (const c of [tablet, phone]) c.socket.on('revoked', (info) => revoked.push(info.reason));
    await waitForOnline([chair], ['chair', 'm1', 'obs']);

    const ack = await chair.send({ type: 'link.reissue', participantId: 'm1' });
    accepted(ack);
    const link = (ack as { link: string }).link;
    expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{27}$/);

    await waitFor(() => !tablet.socket.connected && !phone.socket.connected, 5000, 'the old link to be disconnected');
    expect(revoked).toEqual(['link-reissued', 'link-reissued']);
    await waitForOnline([chair, obs], ['chair', 'obs']);
    expect(await refusedAtHandshake(server.url, server.tokenOf('m1'))).toBe('unauthorized');

    const fresh = await connectClient(server.url, tokenOf(link));
    expect(fresh.snapshot.you).toMatchObject({ participantId: 'm1', role: 'member' });
    accepted(await fresh.send({ type: 'attendance.checkIn' }));
    await expectConverged(server, [chair, obs]);
    // The event says who got a new link, and never carries it.
    expect(JSON.stringify(obs.batches)).not.toContain(tokenOf(link));
    expect(obs.batches[0].events[0]).toMatchObject({ type: 'link.reissued', participantId: 'm1' });
    fresh.close();
  });

  it('a reissued observer link changes the public link handed to the room screen', async () => {
    const chair = await server.connectAs('chair');
    const screenBefore = await server.connectAs('screen');
    expect(screenBefore.snapshot.joinUrl).toMatch(new RegExp(`${server.tokenOf('obs')}$`));
    const ack = await chair.send({ type: 'link.reissue', participantId: 'obs' });
    const link = (ack as { link: string }).link;
    const screenAfter = await server.connectAs('screen');
    expect(screenAfter.snapshot.joinUrl).toBe(link);
    expect(await refusedAtHandshake(server.url, server.tokenOf('obs'))).toBe('unauthorized');
  });

  it('the chair cannot reissue their own link, which would lock them out', async () => {
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'link.reissue', participantId: 'chair' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(chair.socket.connected).toBe(true);
    expect(await refusedAtHandshake(server.url, server.tokenOf('chair'))).toBeUndefined();
  });

  it('only the chair reissues links', async () => {
    const [sec, m1] = await Promise.all([server.connectAs('sec'), server.connectAs('m1')]);
    for (const c of [sec, m1]) expect(await c.send({ type: 'link.reissue', participantId: 'm2' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await refusedAtHandshake(server.url, server.tokenOf('m2'))).toBeUndefined();
  });

  it('a link of one meeting is worthless in another', async () => {
    const other = await createMeeting(server.store, testDefinition({ title: 'Hội nghị khác (thử nghiệm)' }), server.url);
    const chairA = await server.connectAs('chair');
    const chairB = await connectClient(server.url, tokenOf(other.links.find((l) => l.participantId === 'chair')!.url));
    expect(chairA.snapshot.meetingId).toBe(server.meeting.meetingId);
    expect(chairB.snapshot.meetingId).toBe(other.meetingId);
    expect(chairB.state.title).toBe('Hội nghị khác (thử nghiệm)');

    // The same participant id, the chair, in both: A's link still only opens A.
    for (const command of [{ type: 'agenda.next' }, { type: 'link.reissue', participantId: 'm1' }, { type: 'announcement.post', text: 'Xin chào' }] as const) {
      expect(await chairA.send(command, other.meetingId)).toMatchObject({ ok: false, error: { code: 'wrong-meeting' } });
    }
    expect((await server.store.loadMeeting(other.meetingId))!.version).toBe(0);
    expect(chairB.batches).toEqual([]);
    // And a link reissued in A does not touch B's participant of the same id.
    const m1A = await server.connectAs('m1');
    const m1B = await connectClient(server.url, tokenOf(other.links.find((l) => l.participantId === 'm1')!.url));
    accepted(await chairA.send({ type: 'link.reissue', participantId: 'm1' }));
    await waitFor(() => !m1A.socket.connected, 5000, 'm1 of meeting A to be revoked');
    expect(m1B.socket.connected).toBe(true);
    accepted(await m1B.send({ type: 'attendance.checkIn' }));
    m1B.close();
    chairB.close();
  });
});
