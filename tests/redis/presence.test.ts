import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServer, ServerToClient } from '../../shared/protocol.js';
import { startCluster, type Cluster, type Instance } from '../helpers/cluster.js';
import { redisAvailable } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';

const available = await redisAvailable();

interface Device {
  socket: Socket<ServerToClient, ClientToServer>;
  /** The last presence list received (null before the first). */
  online: string[] | null;
}

/**
 * The presence lists an instance sends the whole meeting, as it sends them (through its adapter, to
 * its own connections and to the other instance's). A test that shows a departure changed nothing
 * waits for the list the departure made its instance send, rather than for a while.
 */
function listsSentBy(instance: Instance): string[][] {
  const sent: string[][] = [];
  const adapter = instance.app.io.of('/').adapter;
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet: { data?: unknown[] }, opts) => {
    const [event, body] = packet.data ?? [];
    if (event === 'presence') sent.push((body as { online: string[] }).online);
    broadcast(packet, opts);
  };
  return sent;
}

describe.runIf(available)('presence across two instances on one Redis', () => {
  let cluster: Cluster;
  const devices: Device[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(async () => {
    for (const d of devices) d.socket.close();
    await cluster?.stop();
  });

  async function open(instance: number, participantId: string): Promise<Device> {
    const socket: Socket<ServerToClient, ClientToServer> = connect(cluster.instances[instance].url, {
      auth: { token: cluster.tokenOf(participantId) },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const device: Device = { socket, online: null };
    socket.on('presence', (p) => {
      device.online = p.online;
    });
    devices.push(device);
    await new Promise<void>((resolve, reject) => {
      socket.once('snapshot', () => resolve());
      socket.once('connect_error', reject);
    });
    return device;
  }

  const sees = (ds: Device[], ids: string[]) => waitFor(() => ds.every((d) => JSON.stringify(d.online) === JSON.stringify([...ids].sort())), 5000, `presence ${ids.join(',')}`);

  it('every device sees who is connected on either instance, and a device that changes nothing still gets the list', async () => {
    const [sentByA, sentByB] = cluster.instances.map(listsSentBy);
    const chair = await open(0, 'chair');
    const m1OnB = await open(1, 'm1');
    await sees([chair, m1OnB], ['chair', 'm1']);

    // The observer's first device changes the list: everyone hears of it.
    const obsOnA = await open(0, 'obs');
    await sees([chair, m1OnB, obsOnA], ['chair', 'm1', 'obs']);
    // Another observer on the same instance changes nothing: it alone gets the whole list, B's m1 included.
    const obs2OnA = await open(0, 'obs');
    await sees([obs2OnA], ['chair', 'm1', 'obs']);
    // An observer on the other instance, where no observer was yet.
    const obsOnB = await open(1, 'obs');
    await sees([chair, m1OnB, obsOnA, obs2OnA, obsOnB], ['chair', 'm1', 'obs']);

    // m1 on both instances; leaving B keeps m1 online (A still has a device), leaving A too makes m1 go.
    const m1OnA = await open(0, 'm1');
    await sees([m1OnA], ['chair', 'm1', 'obs']);
    // B owes no list from before (obsOnB's first one came from it): the next one is m1's departure's.
    let before = sentByB.length;
    m1OnB.socket.close();
    const rest = [chair, obsOnA, obs2OnA, obsOnB, m1OnA];
    // m1 is gone from B, so B tells the meeting who is online, after asking A.
    await waitFor(() => sentByB.length > before, 5000, "B's list after m1 left it");
    expect(sentByB.slice(before)).toEqual([['chair', 'm1', 'obs']]);
    await sees(rest, ['chair', 'm1', 'obs']);
    m1OnA.socket.close();
    await sees([chair, obsOnA, obs2OnA, obsOnB], ['chair', 'obs']);

    // The observers of A leave, B's stays: still online. (A owes no list: chair's last came from it.)
    before = sentByA.length;
    obsOnA.socket.close();
    obs2OnA.socket.close();
    await waitFor(() => sentByA.length > before, 5000, "A's list after its observers left");
    expect(sentByA.slice(before)).toEqual([['chair', 'obs']]);
    await sees([chair, obsOnB], ['chair', 'obs']);
    obsOnB.socket.close();
    await sees([chair], ['chair']);
  });

  it('"mark everyone online present" counts those connected through the other instance, and marks no one twice', async () => {
    const secOnA = await open(0, 'sec');
    await open(1, 'm2');
    await open(0, 'guest');
    await waitFor(() => ['sec', 'm2', 'guest'].every((id) => secOnA.online?.includes(id)), 5000, 'm2 on B and the guest on A, seen from A');
    const attending = secOnA.online!.filter((id) => id !== 'obs' && id !== 'screen');
    const command = (type: 'attendance.markConnected') => secOnA.socket.timeout(10_000).emitWithAck('command', { meetingId: cluster.meeting.meetingId, command: { type } });
    expect(await command('attendance.markConnected')).toMatchObject({ ok: true, marked: attending.length });
    const { state } = (await cluster.instances[1].opened.store.loadMeeting(cluster.meeting.meetingId))!;
    expect(Object.keys(state.attendance).sort()).toEqual([...attending].sort());
    expect(state.attendance.m2).toMatchObject({ status: 'present', source: 'presidium', by: 'sec' });
    expect(await command('attendance.markConnected')).toMatchObject({ ok: true, marked: 0 });
  });
});
