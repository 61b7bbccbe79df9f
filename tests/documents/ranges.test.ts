import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../../shared/documents/types.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { bytesOf, documentsApi, pdfBytes } from './files.js';

describe('downloads: ranges, ETag, caching, headers', () => {
  let server: TestServer;
  let api: ReturnType<typeof documentsApi>;
  let token: string;
  let pdf: Buffer;
  let v2: Buffer;
  let doc: MeetingDocument;
  beforeAll(async () => {
    server = await startServer();
    api = documentsApi(server.url, server.meeting.meetingId);
    token = server.tokenOf('m1');
    pdf = await pdfBytes('Báo cáo nhiều trang', 30);
    v2 = await pdfBytes('Báo cáo nhiều trang, bản 2', 30);
    doc = ((await (await api.upload(server.tokenOf('chair'), pdf, { title: 'Báo cáo kiểm điểm năm 2024 — Đảng ủy' })).json()) as { document: MeetingDocument }).document;
  });
  afterAll(() => server.stop());
  const etag = () => `"${doc.versions[0].sha256}"`;

  it('serves the whole file with its type, ETag, no-cache, nosniff, a sandbox and an ASCII name beside the UTF-8 one', async () => {
    const res = await api.download(token, doc.id);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'content-length', 'etag', 'cache-control', 'accept-ranges', 'x-content-type-options'].map((h) => [h, res.headers.get(h)]))).toEqual({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      etag: etag(),
      'cache-control': 'private, no-cache',
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
    });
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Bao cao kiem diem nam 2024 _ Dang uy.pdf"; filename*=UTF-8''${encodeURIComponent('Báo cáo kiểm điểm năm 2024 — Đảng ủy.pdf')}`,
    );
    expect((await bytesOf(res)).equals(pdf)).toBe(true);
  });

  it('answers one range with 206 and exactly those bytes (first page first, then the rest)', async () => {
    const cases: [string, number, number][] = [
      ['bytes=0-1023', 0, 1023],
      ['bytes=1000-', 1000, pdf.length - 1],
      ['bytes=-200', pdf.length - 200, pdf.length - 1],
      [`bytes=100-${pdf.length + 5000}`, 100, pdf.length - 1],
      ['bytes=5-5', 5, 5],
    ];
    for (const [range, start, end] of cases) {
      const res = await api.download(token, doc.id, { headers: { range } });
      expect([range, res.status]).toEqual([range, 206]);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${pdf.length}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect((await bytesOf(res)).equals(pdf.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers 416 to a range beyond the file, and the whole file to several ranges or a malformed one', async () => {
    const beyond = await api.download(token, doc.id, { headers: { range: `bytes=${pdf.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${pdf.length}`);
    expect((await api.download(token, doc.id, { headers: { range: 'bytes=-0' } })).status).toBe(416);
    for (const range of ['bytes=0-10,20-30', 'bytes=9-3', 'items=0-10', 'bytes=abc']) {
      const res = await api.download(token, doc.id, { headers: { range } });
      expect([range, res.status]).toEqual([range, 200]);
      expect((await bytesOf(res)).length).toBe(pdf.length);
    }
  });

  it('answers If-None-Match with 304, and If-Range with the range only while the ETag still matches', async () => {
    const cached = await api.download(token, doc.id, { headers: { 'if-none-match': etag() } });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag());
    expect((await api.download(token, doc.id, { headers: { 'if-none-match': `W/${etag()}, "other"` } })).status).toBe(304);
    expect((await api.download(token, doc.id, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const same = await api.download(token, doc.id, { headers: { range: 'bytes=0-9', 'if-range': etag() } });
    expect(same.status).toBe(206);
    const changed = await api.download(token, doc.id, { headers: { range: 'bytes=0-9', 'if-range': '"something-else"' } });
    expect(changed.status).toBe(200);
    expect((await bytesOf(changed)).length).toBe(pdf.length);
  });

  it('caches a named version for good, the current one only until it changes', async () => {
    const replaced = ((await (await api.replace(server.tokenOf('chair'), doc.id, v2)).json()) as { document: MeetingDocument }).document;
    const pinned = await api.download(token, doc.id, { v: 1 });
    expect(pinned.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect((await bytesOf(pinned)).equals(pdf)).toBe(true);
    const current = await api.download(token, doc.id, { headers: { 'if-none-match': etag() } });
    // The ETag the reader cached is the old version's: the current one is another file.
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe(`"${replaced.versions[1].sha256}"`);
    expect((await bytesOf(current)).equals(v2)).toBe(true);
    const ranged = await api.download(token, doc.id, { v: 1, headers: { range: 'bytes=0-4' } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('%PDF-');
    for (const v of ['0', '-1', 'x', '1.5']) {
      const r = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/documents/${doc.id}/file?v=${v}`, { headers: { authorization: `Bearer ${token}` } });
      expect([v, r.status]).toEqual([v, 404]);
    }
  });

  it('answers HEAD with the headers alone', async () => {
    const res = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/documents/${doc.id}/file?v=1`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(pdf.length));
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});
