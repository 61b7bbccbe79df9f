import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { versionOf } from '../helpers/ballots.js';
import { startCluster, type Cluster } from '../helpers/cluster.js';
import { redisAvailable } from '../helpers/redis.js';
import { connectClient } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf } from '../helpers/yjs.js';

const available = await redisAvailable();
const DOC = 'notes-collective';

/**
 * A reissued link is dead everywhere by the time the chair holds the new one: every Socket.IO and
 * Yjs connection of the old token, on every instance, is closed before the reissue is acknowledged,
 * and nothing it sends afterwards is stored or relayed.
 */
describe.runIf(available)('revocation across instances', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("a reissue on instance 1 closes the member's Socket.IO and Yjs connections on instance 2 before its ack", async () => {
    const [one, two] = cluster.instances;
    const meetingId = cluster.meeting.meetingId;
    const chair = await connectClient(one.url, cluster.tokenOf('chair'));
    const member = await connectClient(two.url, cluster.tokenOf('m2'));
    const memberDoc = connectDoc(two.url, meetingId, DOC, cluster.tokenOf('m2'));
    const secDoc = connectDoc(two.url, meetingId, DOC, cluster.tokenOf('sec'));
    const reader = connectDoc(one.url, meetingId, DOC, cluster.tokenOf('m1'));
    await Promise.all([memberDoc.synced(), secDoc.synced(), reader.synced()]);
    appendParagraph(memberDoc.doc, 'Trước khi cấp lại');
    await waitFor(() => textOf(reader.doc).includes('Trước khi cấp lại'), 5000, "the member's edit before the reissue");
    const revoked: string[] = [];
    member.socket.on('revoked', (info) => revoked.push(info.reason));

    const ack = await chair.send({ type: 'link.reissue', participantId: 'm2' });
    versionOf(ack);
    // By the acknowledgement, instance 2 has closed both connections of the old link (and takes
    // nothing more from them); the close frames reach the member's device within a second.
    const acked = Date.now();
    await waitFor(() => !member.socket.connected && memberDoc.closes.includes(DOC_CLOSE.revoked), 1000, "the old link's connections to close");
    expect(Date.now() - acked).toBeLessThan(1000);
    expect(revoked).toEqual(['link-reissued']);

    // What the old link's document sends afterwards reaches nobody and is not stored: the secretary's
    // later edit arrives, the member's does not. The member's provider took the close as final (4401
    // is not retried), so no later reconnection can carry the edit either: nothing more to wait for.
    appendParagraph(memberDoc.doc, 'Sau khi cấp lại');
    appendParagraph(secDoc.doc, 'Thư ký ghi tiếp');
    await waitFor(() => textOf(reader.doc).includes('Thư ký ghi tiếp'), 5000, "the secretary's edit");
    expect(memberDoc.provider.shouldConnect).toBe(false);
    expect(textOf(reader.doc)).not.toContain('Sau khi cấp lại');
    const late = connectDoc(one.url, meetingId, DOC, cluster.tokenOf('m1'));
    await late.synced();
    expect(textOf(late.doc)).toContain('Thư ký ghi tiếp');
    expect(textOf(late.doc)).not.toContain('Sau khi cấp lại');
    // The old link no longer opens anything on either instance.
    await expect(connectClient(two.url, cluster.tokenOf('m2'))).rejects.toMatchObject({ code: 'unauthorized' });
    for (const d of [memberDoc, secDoc, reader, late]) d.destroy();
    chair.close();
  });
});
