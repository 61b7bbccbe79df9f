import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../../shared/documents/types.js';
import { DiskFileStore } from '../../server/files/diskStore.js';
import type { FileStore } from '../../server/files/fileStore.js';
import { connectLive, startCluster, type Cluster } from '../helpers/cluster.js';
import { testDefinition } from '../helpers/definitions.js';
import { bytesOf, documentsApi, pdfBytes } from './files.js';
import { startS3, type TestS3 } from './s3.js';

/** Two instances on Redis, each with its own file store object on the same shared storage. */
const SHARED: { name: string; setUp: () => Promise<{ stores: [FileStore, FileStore]; tearDown: () => Promise<void> }> }[] = [
  {
    name: 'one DATA_DIR/files on a shared volume',
    setUp: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'phong-hop-shared-files-'));
      return { stores: [await DiskFileStore.open(dir), await DiskFileStore.open(dir)], tearDown: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'an S3-compatible store (s3rver)',
    setUp: async () => {
      const s3: TestS3 = await startS3();
      return { stores: [await s3.open(), await s3.open()], tearDown: () => s3.stop() };
    },
  },
];

for (const shared of SHARED) {
  describe(`two instances on Redis sharing ${shared.name}`, () => {
    let cluster: Cluster;
    let tearDown: () => Promise<void>;
    beforeAll(async () => {
      const { stores, tearDown: down } = await shared.setUp();
      tearDown = down;
      // Each instance its own store object on the shared storage, as two processes would have.
      cluster = await startCluster(2, { definition: testDefinition(), filesFor: (i) => stores[i] });
    });
    afterAll(async () => {
      await cluster.stop();
      await tearDown();
    });

    it('an upload on A is listed and downloaded on B, in whole and by range, and B’s tablets hear of it', async () => {
      const [a, b] = cluster.instances;
      const member = await connectLive(b.url, cluster.tokenOf('m1'));
      const pdf = await pdfBytes('Báo cáo (hai máy chủ)', 10);
      const up = await documentsApi(a.url, cluster.meeting.meetingId).upload(cluster.tokenOf('chair'), pdf, { title: 'Báo cáo', itemId: 'collective' });
      expect(up.status).toBe(201);
      const { version, document } = (await up.json()) as { version: number; document: MeetingDocument };
      await member.waitForVersion(version);
      expect(member.state.documents.map((d) => d.id)).toEqual([document.id]);
      const onB = documentsApi(b.url, cluster.meeting.meetingId);
      const listed = (await (await onB.list(cluster.tokenOf('m2'))).json()) as { documents: MeetingDocument[] };
      expect(listed.documents.map((d) => d.id)).toEqual([document.id]);
      expect((await bytesOf(await onB.download(cluster.tokenOf('m2'), document.id))).equals(pdf)).toBe(true);
      const ranged = await onB.download(cluster.tokenOf('m2'), document.id, { headers: { range: 'bytes=0-99' } });
      expect(ranged.status).toBe(206);
      expect((await bytesOf(ranged)).equals(pdf.subarray(0, 100))).toBe(true);
      member.close();
    });

    it('a new version on B is served on A; a move to the presidium on A is enforced on B at once', async () => {
      const [a, b] = cluster.instances;
      const onA = documentsApi(a.url, cluster.meeting.meetingId);
      const onB = documentsApi(b.url, cluster.meeting.meetingId);
      const v1 = await pdfBytes('Dự thảo 1');
      const v2 = await pdfBytes('Dự thảo 2');
      const { document } = (await (await onA.upload(cluster.tokenOf('sec'), v1, { title: 'Dự thảo' })).json()) as { document: MeetingDocument };
      expect((await onB.replace(cluster.tokenOf('chair'), document.id, v2)).status).toBe(200);
      expect((await bytesOf(await onA.download(cluster.tokenOf('m1'), document.id))).equals(v2)).toBe(true);
      expect((await bytesOf(await onA.download(cluster.tokenOf('m1'), document.id, { v: 1 }))).equals(v1)).toBe(true);
      // 'x' is the cluster's ADMIN_TOKEN (tests/helpers/cluster.ts).
      expect((await onA.edit('x', document.id, { visibility: 'presidium' })).status).toBe(200);
      expect((await onB.download(cluster.tokenOf('m1'), document.id)).status).toBe(404);
      expect((await onB.download(cluster.tokenOf('chair'), document.id)).status).toBe(200);
    });
  });
}
