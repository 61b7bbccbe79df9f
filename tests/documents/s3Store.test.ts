import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRefused, putFile } from '../../server/files/fileStore.js';
import { S3Error, S3FileStore } from '../../server/files/s3Store.js';
import { s3Fetch } from '../../server/files/s3Request.js';
import { documentsApi, pdfBytes, PNG } from './files.js';
import { startServer } from '../helpers/server.js';
import { startS3, type TestS3 } from './s3.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const drain = async (r: Readable | null) => {
  const chunks: Buffer[] = [];
  for await (const c of r!) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('the S3 file store, against a real S3-compatible server (s3rver)', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(() => s3.stop());

  it('stores by SHA-256 under <prefix>ab/<sha256> with its type, reads whole and by range', async () => {
    const store = await s3.open();
    const pdf = await pdfBytes('Lưu trữ S3', 5);
    const facts = await putFile(store, Readable.from([pdf]), 1 << 20);
    expect(facts).toEqual({ sha256: sha(pdf), bytes: pdf.length, mime: 'application/pdf' });
    const head = await s3Fetch(s3.settings, 'HEAD', `files/${sha(pdf).slice(0, 2)}/${sha(pdf)}`);
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await drain(await store.read(sha(pdf)))).equals(pdf)).toBe(true);
    expect((await drain(await store.read(sha(pdf), { start: 0, end: 4 }))).toString()).toBe('%PDF-');
    expect((await drain(await store.read(sha(pdf), { start: 100, end: pdf.length - 1 }))).equals(pdf.subarray(100))).toBe(true);
    // Another instance's store (nothing cached) finds it by asking the object store.
    const other = await s3.open();
    expect(await other.facts(sha(pdf))).toEqual(facts);
    expect(await other.facts('f'.repeat(64))).toBeNull();
    expect(await other.read('f'.repeat(64))).toBeNull();
    expect(await other.facts('../x')).toBeNull();
  });

  it('puts an image once however often it is stored, and removes it', async () => {
    const store = await s3.open();
    await putFile(store, Readable.from([PNG]), 1 << 20);
    await putFile(store, Readable.from([PNG]), 1 << 20);
    expect(await store.facts(sha(PNG))).toMatchObject({ mime: 'image/png', bytes: PNG.length });
    await store.remove(sha(PNG));
    expect(await (await s3.open()).facts(sha(PNG))).toBeNull();
  });

  it('refuses over the cap and what is no document before anything reaches the bucket; staging leaves nothing', async () => {
    const store = await s3.open();
    const pdf = await pdfBytes();
    await expect(putFile(store, Readable.from([pdf]), 100)).rejects.toBeInstanceOf(FileRefused);
    await expect(putFile(store, Readable.from([Buffer.from('<html></html>')]), 1 << 20)).rejects.toMatchObject({ reason: 'not-a-document' });
    expect(await store.facts(sha(pdf))).toBeNull();
    const staged = await store.stage(Readable.from([pdf]), 1 << 20);
    expect(await store.facts(sha(pdf))).toBeNull();
    await staged.discard();
    const dir = (store as unknown as { tmp: string }).tmp;
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails clearly with credentials the store does not know, and ignores objects that are not documents', async () => {
    // s3rver checks the access key (not the signature's secret, as MinIO or AWS would).
    const wrong = await S3FileStore.open({ ...s3.settings, accessKeyId: 'SOMEONE-ELSE' }, join(tmpdir(), 'phong-hop-s3-unused'));
    await expect(wrong.facts('a'.repeat(64))).rejects.toBeInstanceOf(S3Error);
    // Something else put under a document's key: not served as one.
    const key = `files/bb/${'b'.repeat(64)}`;
    const put = await s3Fetch(s3.settings, 'PUT', key, {
      headers: { 'Content-Type': 'text/html', 'Content-Length': '13' },
      body: Readable.toWeb(Readable.from([Buffer.from('<html></html>')])) as ReadableStream<Uint8Array>,
    });
    expect(put.status).toBe(200);
    expect(await (await s3.open()).facts('b'.repeat(64))).toBeNull();
  });

  it('answers 503 while the object store cannot be reached, and the meeting is unchanged', async () => {
    const down = await S3FileStore.open({ ...s3.settings, endpoint: 'http://127.0.0.1:1' }, join(tmpdir(), `phong-hop-s3-down-${process.pid}`));
    const server = await startServer({ files: down });
    try {
      const before = (await server.store.loadMeeting(server.meeting.meetingId))!.version;
      const res = await documentsApi(server.url, server.meeting.meetingId).upload(server.tokenOf('chair'), await pdfBytes());
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'store-unavailable' } });
      expect((await server.store.loadMeeting(server.meeting.meetingId))!.version).toBe(before);
    } finally {
      await server.stop();
    }
  });
});
