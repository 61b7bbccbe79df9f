import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../../shared/documents/types.js';
import { ADMIN_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { bytesOf, documentsApi, pdfBytes, PNG } from './files.js';
import { waitFor } from '../helpers/wait.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Every file the disk store holds under a hash. */
const storedFiles = (server: TestServer) =>
  readdirSync(join(server.dataDir, 'files'))
    .filter((d) => d !== 'tmp')
    .flatMap((d) => readdirSync(join(server.dataDir, 'files', d)));

describe('uploading documents', () => {
  let server: TestServer;
  let api: ReturnType<typeof documentsApi>;
  beforeEach(async () => {
    server = await startServer({ documentLimits: { maxFileBytes: 64 * 1024, maxMeetingBytes: 160 * 1024 } });
    api = documentsApi(server.url, server.meeting.meetingId);
  });
  afterEach(() => server.stop());

  it('stores a PDF by its hash, adds the document for everyone in the room, and serves the same bytes', async () => {
    const chair = await server.connectAs('chair');
    const member = await server.connectAs('m1');
    const pdf = await pdfBytes('Báo cáo kiểm điểm tập thể');
    const res = await api.upload(server.tokenOf('chair'), pdf, { title: 'Báo cáo kiểm điểm tập thể', itemId: 'collective', visibility: 'participants' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { ok: true; version: number; document: MeetingDocument };
    expect(body.document).toMatchObject({ title: 'Báo cáo kiểm điểm tập thể', itemId: 'collective', visibility: 'participants', order: 1, removedAt: null });
    expect(body.document.versions).toEqual([{ sha256: sha(pdf), bytes: pdf.length, mime: 'application/pdf', version: 1, at: expect.any(Number), by: 'chair' }]);
    expect(storedFiles(server)).toEqual([sha(pdf)]);
    await member.waitForVersion(body.version);
    await chair.waitForVersion(body.version);
    expect(member.state.documents.map((d) => d.id)).toEqual([body.document.id]);
    const got = await api.download(server.tokenOf('m1'), body.document.id);
    expect(got.status).toBe(200);
    expect((await bytesOf(got)).equals(pdf)).toBe(true);
  });

  it('takes several uploads at once (a drop of several files), each its own document in order', async () => {
    const files = await Promise.all([1, 2, 3, 4].map((n) => pdfBytes(`Tài liệu ${n}`)));
    const answers = await Promise.all(files.map((f, i) => api.upload(server.tokenOf(i % 2 ? 'sec' : 'chair'), f, { title: `Tài liệu ${i + 1}`, itemId: 'collective' })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const listed = (await (await api.list(server.tokenOf('m2'))).json()) as { documents: MeetingDocument[] };
    expect(listed.documents).toHaveLength(4);
    expect(listed.documents.map((d) => d.order).sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(listed.documents.map((d) => d.versions[0].sha256))).toEqual(new Set(files.map(sha)));
  });

  it('takes images by their bytes and the organiser as an uploader (by: null)', async () => {
    const res = await api.upload(ADMIN_TOKEN, PNG, { title: 'Sơ đồ phòng họp', visibility: 'everyone' });
    expect(res.status).toBe(201);
    const { document } = (await res.json()) as { document: MeetingDocument };
    expect(document.versions[0]).toMatchObject({ mime: 'image/png', by: null });
    expect(document.itemId).toBeNull();
    const got = await api.download(server.tokenOf('guest'), document.id);
    expect(got.headers.get('content-type')).toBe('image/png');
  });

  it('replaces a document by a new version; the old one stays downloadable; the same bytes again are no new version', async () => {
    const chair = await server.connectAs('chair');
    const v1 = await pdfBytes('Dự thảo nghị quyết, lần 1');
    const v2 = await pdfBytes('Dự thảo nghị quyết, lần 2');
    const { document } = (await (await api.upload(server.tokenOf('chair'), v1, { title: 'Dự thảo nghị quyết' })).json()) as { document: MeetingDocument };
    const replaced = await api.replace(server.tokenOf('sec'), document.id, v2);
    expect(replaced.status).toBe(200);
    const after = (await replaced.json()) as { version: number; document: MeetingDocument };
    expect(after.document.versions.map((v) => [v.version, v.sha256, v.by])).toEqual([
      [1, sha(v1), 'chair'],
      [2, sha(v2), 'sec'],
    ]);
    expect((await bytesOf(await api.download(server.tokenOf('m1'), document.id))).equals(v2)).toBe(true);
    expect((await bytesOf(await api.download(server.tokenOf('m1'), document.id, { v: 1 }))).equals(v1)).toBe(true);
    expect((await api.download(server.tokenOf('m1'), document.id, { v: 3 })).status).toBe(404);

    const again = await api.replace(server.tokenOf('chair'), document.id, v2);
    expect(again.status).toBe(200);
    const same = (await again.json()) as { version: number; document: MeetingDocument };
    expect(same.version).toBe(after.version);
    expect(same.document.versions).toHaveLength(2);
    await chair.waitForVersion(after.version);
    expect(chair.state.documents[0].versions).toHaveLength(2);
  });

  describe('refuses what is not a document, and changes nothing', () => {
    const refusals: [string, () => Promise<Buffer>][] = [
      ['a text file named .pdf', async () => Buffer.from('Đây không phải là PDF, chỉ là văn bản.\n'.repeat(50))],
      ['an HTML page', async () => Buffer.from('<!doctype html><script>alert(document.cookie)</script>')],
      ['an HTML page with a PDF header tucked in', async () => Buffer.concat([Buffer.from('<html><script>alert(1)</script>'), await pdfBytes()])],
      ['a PDF cut off before its end marker', async () => (await pdfBytes()).subarray(0, 600)],
      ['an empty body', async () => Buffer.alloc(0)],
      ['an SVG image', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ];
    for (const [name, bytes] of refusals) {
      it(name, async () => {
        const chair = await server.connectAs('chair');
        const before = chair.version;
        const res = await api.upload(server.tokenOf('chair'), await bytes(), { title: 'x.pdf' });
        expect(res.status).toBe(415);
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-payload', reason: 'not-a-document' } });
        expect(storedFiles(server)).toEqual([]);
        expect(readdirSync(join(server.dataDir, 'files', 'tmp'))).toEqual([]);
        expect((await server.store.loadMeeting(server.meeting.meetingId))?.version).toBe(before);
      });
    }
  });

  it('refuses a file over the per-file cap, early, whether its length is announced or streamed', async () => {
    const big = Buffer.concat([await pdfBytes(), Buffer.alloc(70 * 1024, 0x20), Buffer.from('%%EOF\n')]);
    const announced = await api.upload(server.tokenOf('chair'), big);
    expect(announced.status).toBe(413);
    expect(await announced.json()).toMatchObject({ error: { code: 'payload-too-large', reason: 'file-too-large', detail: { max: 64 * 1024 } } });
    // Chunked: no length to refuse by, so the stream itself is cut at the cap.
    const chunks = [big.subarray(0, 30_000), big.subarray(30_000, 60_000), big.subarray(60_000)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await api.upload(server.tokenOf('chair'), stream);
    expect(streamed.status).toBe(413);
    expect(storedFiles(server)).toEqual([]);
    expect(readdirSync(join(server.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it("refuses a file that would pass the meeting's cap, counting a file stored twice once", async () => {
    const pad = (n: number, text: string) => pdfBytes(text).then((p) => Buffer.concat([p, Buffer.alloc(n, 0x20), Buffer.from('\n%%EOF\n')]));
    const a = await pad(60 * 1024, 'A');
    const b = await pad(60 * 1024, 'B');
    const c = await pad(60 * 1024, 'C');
    expect((await api.upload(server.tokenOf('chair'), a, { title: 'A' })).status).toBe(201);
    expect((await api.upload(server.tokenOf('chair'), b, { title: 'B' })).status).toBe(201);
    // The same bytes as A, as another document: stored once, counted once.
    expect((await api.upload(server.tokenOf('chair'), a, { title: 'A lần nữa' })).status).toBe(201);
    const full = await api.upload(server.tokenOf('chair'), c, { title: 'C' });
    expect(full.status).toBe(413);
    expect(await full.json()).toMatchObject({ error: { reason: 'meeting-files-full', detail: { max: 160 * 1024 } } });
    expect(storedFiles(server).sort()).toEqual([sha(a), sha(b)].sort());
  });

  it('lets no member, guest, screen or observer upload, replace, edit or remove; nothing changes', async () => {
    const pdf = await pdfBytes();
    const { document } = (await (await api.upload(server.tokenOf('chair'), pdf, { title: 'Báo cáo' })).json()) as { document: MeetingDocument };
    const version = (await server.store.loadMeeting(server.meeting.meetingId))!.version;
    const other = await pdfBytes('khác');
    for (const who of ['m1', 'guest', 'screen', 'obs']) {
      const token = server.tokenOf(who);
      const up = await api.upload(token, other);
      expect([who, up.status]).toEqual([who, 403]);
      expect([who, (await api.replace(token, document.id, other)).status]).toEqual([who, 403]);
      expect([who, (await api.edit(token, document.id, { title: 'Đã sửa' })).status]).toEqual([who, 403]);
      expect([who, (await api.remove(token, document.id)).status]).toEqual([who, 403]);
    }
    // The chair edits and removes through the socket; these two routes are the organiser's.
    expect((await api.edit(server.tokenOf('chair'), document.id, { title: 'Đã sửa' })).status).toBe(403);
    // Nobody at all, or a made-up token.
    expect((await api.upload(null, other)).status).toBe(401);
    expect((await api.upload('not-a-real-token-at-all', other)).status).toBe(401);
    const stored = await server.store.loadMeeting(server.meeting.meetingId);
    expect(stored!.version).toBe(version);
    expect(storedFiles(server)).toEqual([sha(pdf)]);
  });

  it('lets the organiser edit and remove; a removed document is gone for the room and still in the presidium state', async () => {
    const member = await server.connectAs('m1');
    const chair = await server.connectAs('chair');
    const { document } = (await (await api.upload(ADMIN_TOKEN, await pdfBytes(), { title: 'Báo cáo', visibility: 'participants' })).json()) as { document: MeetingDocument };
    const edited = await api.edit(ADMIN_TOKEN, document.id, { title: 'Báo cáo (bản cuối)', order: 5 });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { document: MeetingDocument }).document).toMatchObject({ title: 'Báo cáo (bản cuối)', order: 5 });
    expect((await api.edit(ADMIN_TOKEN, document.id, { title: '' })).status).toBe(400);
    expect((await api.edit(ADMIN_TOKEN, document.id, { blob: 'x' })).status).toBe(400);
    expect((await api.edit(ADMIN_TOKEN, document.id, { itemId: 'no-such-item' })).status).toBe(404);
    const removed = await api.remove(ADMIN_TOKEN, document.id);
    expect(removed.status).toBe(200);
    const { version } = (await removed.json()) as { version: number };
    await member.waitForVersion(version);
    await chair.waitForVersion(version);
    expect(member.state.documents).toEqual([]);
    expect(chair.state.documents[0].removedAt).not.toBeNull();
    expect((await api.download(server.tokenOf('m1'), document.id)).status).toBe(404);
    expect((await api.download(server.tokenOf('chair'), document.id)).status).toBe(200);
    expect((await api.remove(ADMIN_TOKEN, document.id)).status).toBe(409);
    expect((await api.replace(server.tokenOf('chair'), document.id, await pdfBytes('mới'))).status).toBe(409);
  });

  it("names a stored file in the socket's document.add (the file store is the rooms' ctx.blob), and refuses one never stored", async () => {
    const chair = await server.connectAs('chair');
    const pdf = await pdfBytes();
    await api.upload(server.tokenOf('chair'), pdf, { title: 'Bản gốc' });
    const again = await chair.send({ type: 'document.add', blob: sha(pdf), title: 'Bản thứ hai, cùng tệp', visibility: 'presidium' });
    expect(again).toMatchObject({ ok: true, documentId: expect.any(String) });
    const unknown = await chair.send({ type: 'document.add', blob: 'a'.repeat(64), title: 'Không có tệp', visibility: 'everyone' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', reason: 'no-such-file' } });
  });

  it('leaves nothing behind when the uploader goes away mid-file, and keeps serving', async () => {
    const pdf = await pdfBytes();
    const url = new URL(`${server.url}/api/meetings/${server.meeting.meetingId}/documents?title=x`);
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${server.tokenOf('chair')}`, 'content-length': String(pdf.length + 10_000) } });
    req.on('error', () => undefined);
    req.write(pdf.subarray(0, 1000));
    // The server has begun receiving (a temporary file exists) before the uploader vanishes.
    await waitFor(() => readdirSync(join(server.dataDir, 'files', 'tmp')).length === 1, 5000, 'the upload to begin');
    req.destroy();
    await waitFor(() => readdirSync(join(server.dataDir, 'files', 'tmp')).length === 0, 5000, 'the temporary file to go');
    expect(storedFiles(server)).toEqual([]);
    expect((await api.upload(server.tokenOf('chair'), pdf)).status).toBe(201);
  });

  it('asks the rules before reading the file: an unknown item or document is refused first', async () => {
    // Over the cap and no document either: what is answered shows what was asked first.
    const junk = Buffer.alloc(100 * 1024, 0x41);
    const unknownItem = await api.upload(server.tokenOf('chair'), junk, { itemId: 'no-such-item' });
    expect([unknownItem.status, ((await unknownItem.json()) as { error: { code: string } }).error.code]).toEqual([404, 'not-found']);
    expect((await api.replace(server.tokenOf('chair'), 'no-such-document', junk)).status).toBe(404);
    expect(storedFiles(server)).toEqual([]);
  });

  it('keeps ids and titles away from paths: traversal in ids is no document, in titles only a name', async () => {
    const res = await api.upload(server.tokenOf('chair'), await pdfBytes(), { title: '../../../etc/passwd' });
    expect(res.status).toBe(201);
    const { document } = (await res.json()) as { document: MeetingDocument };
    const got = await api.download(server.tokenOf('m1'), document.id);
    expect(got.headers.get('content-disposition')).toBe(`inline; filename="etc_passwd.pdf"; filename*=UTF-8''..%2F..%2F..%2Fetc%2Fpasswd.pdf`);
    for (const id of ['..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'a'.repeat(65), document.id + '%00']) {
      const r = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/documents/${id}/file`, { headers: { authorization: `Bearer ${server.tokenOf('chair')}` } });
      expect([id, r.status]).toEqual([id, 404]);
    }
    const bad = await fetch(`${server.url}/api/meetings/..%2F..%2F/documents`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(bad.status).toBe(404);
    // Query parameters outside the contract are refused rather than ignored.
    const extra = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/documents?title=x&path=/tmp/x`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: (await pdfBytes()) as unknown as BodyInit,
    });
    expect(extra.status).toBe(400);
    expect((await api.upload(server.tokenOf('chair'), await pdfBytes(), { title: '   ' })).status).toBe(400);
    expect((await api.upload(server.tokenOf('chair'), await pdfBytes(), { itemId: '../x' })).status).toBe(400);
  });
});
