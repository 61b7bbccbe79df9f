import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Downloader } from '../../client/src/documents/offline/downloader.js';
import type { WantedFile } from '../../client/src/documents/offline/plan.js';
import { sha256 } from '../../shared/sha256.js';
import { memoryFiles } from './memoryFiles.js';
import { makePdf } from './pdfs.js';

const CHUNK = 64 * 1024;
const TOKEN = 'tablet-token';

function file(name: string, bytes: Buffer): WantedFile & { name: string; data: Buffer } {
  return { name, data: bytes, documentId: name, version: 1, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, mime: 'application/pdf' };
}

/**
 * A real HTTP server with Range support (express.static, as any file server has it), behind the
 * bearer check the documents' route makes; `/ignores-range/` answers every request with the whole file.
 */
describe('the offline copy downloads over HTTP ranges', () => {
  let server: Server;
  let base: string;
  let dir: string;
  const requests: { path: string; range: string | undefined }[] = [];
  const big = file('big.pdf', randomBytes(CHUNK * 3 + 1234));
  const small = file('small.pdf', randomBytes(5000));
  let report: ReturnType<typeof file>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'documents-room-'));
    report = file('report.pdf', await makePdf('Báo cáo', 4));
    for (const f of [big, small]) writeFileSync(join(dir, f.name), f.data);
    writeFileSync(join(dir, 'tampered.pdf'), randomBytes(4000));
    writeFileSync(join(dir, report.name), report.data);
    const app = express();
    app.use((req, res, next) => {
      requests.push({ path: req.path, range: req.headers.range });
      if (req.path.startsWith('/forbidden/')) return void res.status(403).json({ ok: false, error: { code: 'forbidden', message: 'no' } });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.status(401).end();
      next();
    });
    app.use('/ignores-range', (req, res) => res.sendFile(join(dir, req.path), { acceptRanges: false }));
    app.use('/files', express.static(dir, { etag: true }));
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const make = (files = memoryFiles(), opts: { prefix?: string; fetch?: typeof fetch; token?: string; digest?: (d: ArrayBuffer) => Promise<ArrayBuffer> } = {}) =>
    new Downloader({
      files,
      fetch: opts.fetch ?? fetch,
      urlOf: (w) => `${base}${opts.prefix ?? '/files'}/${w.documentId}`,
      token: opts.token ?? TOKEN,
      chunkBytes: CHUNK,
      maxBackoffMs: 20,
      digest: opts.digest,
    });

  it('fetches every file a chunk at a time, checks it, and reports it whole', async () => {
    requests.length = 0;
    const files = memoryFiles();
    const d = make(files);
    d.setWanted([big, small]);
    await d.idle();
    expect(d.getView().held.get(big.sha256)).toMatchObject({ received: big.bytes, complete: true });
    expect(d.getView().held.get(small.sha256)).toMatchObject({ received: small.bytes, complete: true });
    expect(Buffer.from(await (await files.read(big.sha256))!.arrayBuffer()).equals(big.data)).toBe(true);
    expect(requests.filter((r) => r.path.endsWith('/big.pdf')).map((r) => r.range)).toEqual([
      `bytes=0-${CHUNK - 1}`,
      `bytes=${CHUNK}-${2 * CHUNK - 1}`,
      `bytes=${2 * CHUNK}-${3 * CHUNK - 1}`,
      `bytes=${3 * CHUNK}-${big.bytes - 1}`,
    ]);
  });

  it('after a dropped connection, resumes where it stopped, not from zero', async () => {
    requests.length = 0;
    let calls = 0;
    // The Wi-Fi drops on the third request: the first two chunks are kept.
    const flaky: typeof fetch = (input, init) => (++calls === 3 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    const d = make(memoryFiles(), { fetch: flaky });
    const seenOffline: boolean[] = [];
    d.subscribe(() => seenOffline.push(d.getView().offline));
    d.setWanted([big]);
    await d.idle();
    expect(seenOffline).toContain(true);
    expect(d.getView()).toMatchObject({ offline: false });
    expect(d.getView().held.get(big.sha256)?.complete).toBe(true);
    const ranges = requests.filter((r) => r.path.endsWith('/big.pdf')).map((r) => r.range);
    expect(ranges[0]).toBe(`bytes=0-${CHUNK - 1}`);
    expect(ranges[1]).toBe(`bytes=${CHUNK}-${2 * CHUNK - 1}`);
    // The retry asks for the third chunk again, and nothing before it.
    expect(ranges[2]).toBe(`bytes=${2 * CHUNK}-${3 * CHUNK - 1}`);
    expect(ranges.filter((r) => r?.startsWith('bytes=0-'))).toHaveLength(1);
  });

  it('checks files with the plain-JavaScript SHA-256 where WebCrypto is missing (http on the LAN)', async () => {
    const d = make(memoryFiles(), { digest: (data) => Promise.resolve(sha256(new Uint8Array(data)).buffer as ArrayBuffer) });
    d.setWanted([big, small]);
    await d.idle();
    expect([...d.getView().held.values()].every((h) => h.complete)).toBe(true);
    expect(d.getView().stopped.size).toBe(0);
  });

  it("learns a whole PDF's page count for the list", async () => {
    const files = memoryFiles();
    const d = make(files);
    d.setWanted([report, small]);
    await d.idle();
    expect(d.getView().held.get(report.sha256)).toEqual({ received: report.bytes, complete: true, pages: 4 });
    // Random bytes have no page tree: unknown, not guessed.
    expect(d.getView().held.get(small.sha256)?.pages).toBeNull();
    expect((await files.list()).get(report.sha256)?.pages).toBe(4);
  });

  it('resumes a file a previous visit left half-received', async () => {
    requests.length = 0;
    const files = memoryFiles();
    await files.append(big.sha256, 0, new Uint8Array(big.data.subarray(0, CHUNK)).buffer, 'application/pdf');
    const d = make(files);
    d.setWanted([big]);
    await d.idle();
    expect(requests.filter((r) => r.path.endsWith('/big.pdf'))[0].range).toBe(`bytes=${CHUNK}-${2 * CHUNK - 1}`);
    expect(d.getView().held.get(big.sha256)?.complete).toBe(true);
  });

  it('takes a whole answer from a server that ignores Range', async () => {
    const files = memoryFiles();
    const d = make(files, { prefix: '/ignores-range' });
    d.setWanted([big]);
    await d.idle();
    expect(d.getView().held.get(big.sha256)).toMatchObject({ received: big.bytes, complete: true });
  });

  it('refuses bytes that are not the file the state names, and does not try again', async () => {
    requests.length = 0;
    const files = memoryFiles();
    const d = make(files);
    const liar = { ...small, documentId: 'tampered.pdf', bytes: 4000 };
    d.setWanted([liar]);
    await d.idle();
    expect(d.getView().stopped.get(liar.sha256)).toBe('corrupt');
    expect(files.meta.has(liar.sha256)).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('stops a file on 401, 403 and 404 instead of looping', async () => {
    requests.length = 0;
    const gone = { ...small, documentId: 'no-such.pdf', sha256: 'a'.repeat(64) };
    const forbidden = { ...small, sha256: 'b'.repeat(64) };
    const d = make(memoryFiles());
    d.setWanted([gone]);
    await d.idle();
    const e = make(memoryFiles(), { prefix: '/forbidden' });
    e.setWanted([forbidden]);
    await e.idle();
    const f = make(memoryFiles(), { token: 'stolen' });
    f.setWanted([small]);
    await f.idle();
    expect(d.getView().stopped.get(gone.sha256)).toBe('gone');
    expect(e.getView().stopped.get(forbidden.sha256)).toBe('auth');
    expect(f.getView().stopped.get(small.sha256)).toBe('auth');
    expect(requests).toHaveLength(3);
  });

  it('stops everything left when the device is full, keeping what is whole', async () => {
    const d = make(memoryFiles({ quotaBytes: small.bytes + CHUNK }));
    d.setWanted([small, big]);
    await d.idle();
    expect(d.getView().held.get(small.sha256)?.complete).toBe(true);
    expect(d.getView().stopped.get(big.sha256)).toBe('quota');
  });

  it('drops a file hidden while another is still downloading', async () => {
    const files = memoryFiles();
    const d = make(files);
    d.setWanted([small]);
    await d.idle();
    d.setWanted([small, big]);
    // While the big one is on its way, the small one's document is hidden from this device.
    d.setWanted([big]);
    await d.idle();
    expect(files.meta.has(small.sha256)).toBe(false);
    expect(d.getView().held.get(big.sha256)?.complete).toBe(true);
  });

  it('drops the files no document needs any more, and fetches a new version', async () => {
    const files = memoryFiles();
    const d = make(files);
    d.setWanted([small]);
    await d.idle();
    const replaced = { ...big, documentId: 'big.pdf', version: 2 };
    d.setWanted([replaced]);
    await d.idle();
    expect(files.meta.has(small.sha256)).toBe(false);
    expect(d.getView().held.get(replaced.sha256)?.complete).toBe(true);
  });
});
