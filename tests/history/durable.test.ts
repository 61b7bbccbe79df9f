import { afterEach, describe, expect, it } from 'vitest';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { startCluster, type Cluster } from '../helpers/cluster.js';
import { testDefinition } from '../helpers/definitions.js';
import { currentOf, versionContent, versionsOf, wipe } from '../helpers/history.js';
import { removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { connectClient } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');
const TEXT = ['Đồng chí Ba: báo cáo còn thiếu phần nguyên nhân chủ quan.', 'Đề nghị bổ sung trước phiên chiều.'];

describe('versions survive kill -9 and are shared by the instances on Redis', () => {
  let proc: ServerProcess | null = null;
  let cluster: Cluster | null = null;
  const docs: DocClient[] = [];
  const closers: (() => void)[] = [];
  afterEach(async () => {
    for (const d of docs.splice(0)) d.destroy();
    for (const c of closers.splice(0)) c();
    if (proc) {
      await proc.kill9();
      removeDataDir(proc.dataDir);
      proc = null;
    }
    await cluster?.stop();
    cluster = null;
  });

  it('keeps the named and before-wipe versions across a kill -9, and restores one after it', async () => {
    proc = await spawnServer();
    const res = await fetch(`${proc.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${proc.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(testDefinition()),
    });
    const created = (await res.json()) as { meetingId: string; links: { participantId: string; url: string }[] };
    const id = created.meetingId;
    const tokenOf = (p: string) =>
      created.links
        .find((l) => l.participantId === p)!
        .url.split('/')
        .at(-1)!;
    const open = async (who: string, docName: string) => {
      const c = connectDoc(proc!.url, id, docName, tokenOf(who));
      docs.push(c);
      await c.synced();
      return c;
    };

    const [m1, sec] = [await open('m1', NOTES), await open('sec', MINUTES_DOC)];
    for (const line of TEXT) appendParagraph(m1.doc, line);
    appendParagraph(sec.doc, 'Biên bản: phiên sáng ngày 26/12/2024.');
    const watcher = await open('m2', NOTES);
    await waitFor(() => textOf(watcher.doc) === textOf(m1.doc), 10_000, 'the notes relayed');
    wipe(watcher.doc);
    await waitFor(() => textOf(m1.doc) === '', 10_000, 'the wipe relayed');
    const secretary = await connectClient(proc.url, tokenOf('sec'));
    closers.push(() => secretary.close());
    const named = await secretary.send({ type: 'notes.nameVersion', docName: MINUTES_DOC, label: 'Bản chốt' });
    expect(named).toMatchObject({ ok: true });

    // Acknowledged, so on disk: kill -9 now.
    await proc.kill9();
    for (const d of docs.splice(0)) d.destroy();
    for (const c of closers.splice(0)) c();
    proc = await spawnServer({ dataDir: proc.dataDir, port: proc.port });

    const minutes = await versionsOf(proc.url, id, MINUTES_DOC, tokenOf('chair'));
    expect(minutes).toEqual([expect.objectContaining({ id: (named as { versionId: string }).versionId, kind: 'named', label: 'Bản chốt', by: 'sec' })]);
    const notes = await versionsOf(proc.url, id, NOTES, tokenOf('chair'));
    const beforeWipe = notes.find((v) => v.kind === 'before-wipe')!;
    expect((await versionContent(proc.url, id, NOTES, tokenOf('chair'), beforeWipe.id)).blocks.map((b) => b.text)).toEqual(TEXT);

    const chair = await connectClient(proc.url, tokenOf('chair'));
    closers.push(() => chair.close());
    expect(await chair.send({ type: 'notes.restore', docName: NOTES, versionId: beforeWipe.id })).toMatchObject({ ok: true });
    const reader = await open('m3', NOTES);
    expect(textOf(reader.doc)).toBe(TEXT.join('\n'));
  }, 60_000);

  it('a version taken on one instance is listed and restored on the other', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.instances;
    const id = cluster.meeting.meetingId;
    const tokenOf = cluster.tokenOf;
    const open = async (url: string, who: string) => {
      const c = connectDoc(url, id, NOTES, tokenOf(who));
      docs.push(c);
      await c.synced();
      return c;
    };
    const onA = await open(a.url, 'm1');
    const onB = await open(b.url, 'm2');
    for (const line of TEXT) appendParagraph(onA.doc, line);
    await waitFor(() => textOf(onB.doc) === TEXT.join('\n'), 10_000, 'the text on the other instance');
    appendParagraph(onB.doc, 'Ý kiến thêm từ máy thứ hai.');
    await waitFor(() => textOf(onA.doc).includes('máy thứ hai'), 10_000, 'the other way');

    const chairOnA = await connectClient(a.url, tokenOf('chair'));
    closers.push(() => chairOnA.close());
    const named = (await chairOnA.send({ type: 'notes.nameVersion', docName: NOTES, label: 'Bản trình Hội nghị' })) as { ok: boolean; versionId: string };
    expect(named.ok).toBe(true);
    const listedOnB = await versionsOf(b.url, id, NOTES, tokenOf('sec'));
    expect(listedOnB[0]).toMatchObject({ id: named.versionId, kind: 'named', editors: ['m1', 'm2'] });

    // The passages' authors are the same seen from either instance.
    for (const url of [a.url, b.url]) {
      const current = await currentOf(url, id, NOTES, tokenOf('m3'));
      expect(current.blocks.map((x) => x.runs.map((r) => r.author))).toEqual([['m1'], ['m1'], ['m2']]);
    }

    wipe(onA.doc);
    await waitFor(() => textOf(onB.doc) === '', 10_000, 'the wipe on the other instance');
    const secOnB = await connectClient(b.url, tokenOf('sec'));
    closers.push(() => secOnB.close());
    expect(await secOnB.send({ type: 'notes.restore', docName: NOTES, versionId: named.versionId })).toMatchObject({ ok: true });
    const full = [...TEXT, 'Ý kiến thêm từ máy thứ hai.'].join('\n');
    await waitFor(() => textOf(onA.doc) === full && textOf(onB.doc) === full, 10_000, 'the restore on both instances');
    await waitFor(() => chairOnA.state.notices.at(-1)?.kind === 'notes-restored', 10_000, 'the notice on the first instance');
    // The wipe on A took a before-wipe version, the restore on B a before-restore one.
    const kinds = (await versionsOf(a.url, id, NOTES, tokenOf('chair'))).map((v) => v.kind);
    expect(kinds).toEqual(['before-restore', 'before-wipe', 'named']);
  }, 60_000);
});
