import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentVisibility, MeetingDocument } from '../../shared/documents/types.js';
import { createMeeting } from '../../server/meetings/create.js';
import { testDefinition } from '../helpers/definitions.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { bytesOf, documentsApi, pdfBytes } from './files.js';

const VISIBILITIES: DocumentVisibility[] = ['everyone', 'participants', 'presidium'];
/** Secret words in each document's title: a payload that carries one carries that document's metadata. */
const TITLE: Record<DocumentVisibility, string> = { everyone: 'Công khai ALPHA', participants: 'Nội bộ BRAVO', presidium: 'Mật CHARLIE' };

type Asker = 'chair' | 'sec' | 'm1' | 'guest' | 'screen' | 'obs' | 'admin' | 'none' | 'other-meeting';
const PARTICIPANTS = ['chair', 'sec', 'm1', 'guest', 'screen', 'obs'] as const;

function expected(asker: Asker, observersSeeDocuments: boolean): DocumentVisibility[] | 401 | 403 {
  if (asker === 'none') return 401;
  if (asker === 'other-meeting') return 403;
  if (asker === 'chair' || asker === 'sec' || asker === 'admin') return VISIBILITIES;
  if (asker === 'obs') return observersSeeDocuments ? ['everyone'] : [];
  return ['everyone', 'participants'];
}

for (const observersSeeDocuments of [false, true]) {
  describe(`each role against each visibility (observers.documents: ${observersSeeDocuments})`, () => {
    let server: TestServer;
    let api: ReturnType<typeof documentsApi>;
    let otherToken: string;
    const ids = {} as Record<DocumentVisibility, string>;
    const bytes = {} as Record<DocumentVisibility, Buffer>;
    const clients = {} as Record<(typeof PARTICIPANTS)[number], TestClient>;
    const tokenOf = (asker: Asker): string | null => (asker === 'admin' ? ADMIN_TOKEN : asker === 'none' ? null : asker === 'other-meeting' ? otherToken : server.tokenOf(asker));

    beforeAll(async () => {
      server = await startServer({ definition: testDefinition({ observers: { notes: true, ratings: 'all', documents: observersSeeDocuments } }) });
      api = documentsApi(server.url, server.meeting.meetingId);
      const other = await createMeeting(server.store, testDefinition(), server.url);
      otherToken = other.links
        .find((l) => l.participantId === 'chair')!
        .url.split('/')
        .pop()!;
      // Connected before the uploads, so their events are tested as well as their snapshots.
      for (const p of PARTICIPANTS) clients[p] = await server.connectAs(p);
      let version = 0;
      for (const v of VISIBILITIES) {
        bytes[v] = await pdfBytes(TITLE[v]);
        const res = await api.upload(server.tokenOf('chair'), bytes[v], { title: TITLE[v], visibility: v, itemId: 'collective' });
        const body = (await res.json()) as { version: number; document: MeetingDocument };
        ids[v] = body.document.id;
        version = body.version;
      }
      for (const p of PARTICIPANTS) await clients[p].waitForVersion(version);
    });
    afterAll(() => server.stop());

    for (const asker of ['chair', 'sec', 'm1', 'guest', 'screen', 'obs', 'admin', 'none', 'other-meeting'] as Asker[]) {
      const sees = expected(asker, observersSeeDocuments);
      it(`${asker}: the list, every download and ${PARTICIPANTS.includes(asker as never) ? 'the live state' : 'no more'}`, async () => {
        const list = await api.list(tokenOf(asker));
        if (typeof sees === 'number') {
          expect(list.status).toBe(sees);
          for (const v of VISIBILITIES) expect((await api.download(tokenOf(asker), ids[v])).status).toBe(sees);
          return;
        }
        expect(list.status).toBe(200);
        const listed = ((await list.json()) as { documents: MeetingDocument[] }).documents;
        expect(listed.map((d) => d.title).sort()).toEqual(sees.map((v) => TITLE[v]).sort());
        for (const v of VISIBILITIES) {
          const res = await api.download(tokenOf(asker), ids[v]);
          if (sees.includes(v)) {
            expect(res.status).toBe(200);
            expect((await bytesOf(res)).equals(bytes[v])).toBe(true);
          } else {
            // The same answer as a document that never existed: its existence does not leak.
            const missing = await api.download(tokenOf(asker), 'no-such-document');
            expect([v, res.status, await res.json()]).toEqual([v, 404, await missing.json()]);
            expect((await api.download(tokenOf(asker), ids[v], { v: 1 })).status).toBe(404);
          }
        }
        const client = clients[asker as (typeof PARTICIPANTS)[number]];
        if (!client) return;
        expect(client.state.documents.map((d) => d.title).sort()).toEqual(sees.map((v) => TITLE[v]).sort());
        // Neither the snapshot nor any batch carried what this role may not see.
        const received = JSON.stringify([client.snapshot, client.batches]);
        for (const v of VISIBILITIES) if (!sees.includes(v)) expect(received).not.toContain(TITLE[v].split(' ')[1]);
      });
    }

    it('moving a document to the presidium hides it from the room (document.hidden), and moving it back shows it again', async () => {
      const member = clients.m1;
      const from = member.batches.length;
      const moved = await api.edit(ADMIN_TOKEN, ids.participants, { visibility: 'presidium', title: 'Nội bộ BRAVO, bản mật DELTA' });
      const { version } = (await moved.json()) as { version: number };
      await member.waitForVersion(version);
      await clients.obs.waitForVersion(version);
      expect(member.state.documents.map((d) => d.id)).not.toContain(ids.participants);
      expect(member.batches.slice(from).flatMap((b) => b.events)).toEqual([{ type: 'document.hidden', documentId: ids.participants }]);
      expect(JSON.stringify(member.batches)).not.toContain('DELTA');
      expect((await api.download(server.tokenOf('m1'), ids.participants)).status).toBe(404);
      expect((await api.download(server.tokenOf('screen'), ids.participants)).status).toBe(404);
      expect((await api.download(server.tokenOf('sec'), ids.participants)).status).toBe(200);

      const back = await api.edit(ADMIN_TOKEN, ids.participants, { visibility: 'participants', title: 'Nội bộ BRAVO' });
      const after = (await back.json()) as { version: number };
      await member.waitForVersion(after.version);
      expect(member.state.documents.find((d) => d.id === ids.participants)).toMatchObject({ title: 'Nội bộ BRAVO', visibility: 'participants' });
      expect((await api.download(server.tokenOf('m1'), ids.participants)).status).toBe(200);
      // The public link never saw it, either way.
      await clients.obs.waitForVersion(after.version);
      expect(JSON.stringify(clients.obs.batches)).not.toContain('BRAVO');
    });

    it('a replacement of a presidium document reaches the room as document.hidden only', async () => {
      const member = clients.m1;
      const from = member.batches.length;
      const res = await api.replace(server.tokenOf('chair'), ids.presidium, await pdfBytes('Mật CHARLIE, lần 2'));
      const { version } = (await res.json()) as { version: number };
      await member.waitForVersion(version);
      expect(member.batches.slice(from).flatMap((b) => b.events)).toEqual([{ type: 'document.hidden', documentId: ids.presidium }]);
    });
  });
}
