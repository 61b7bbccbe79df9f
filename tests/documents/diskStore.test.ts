import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskFileStore } from '../../server/files/diskStore.js';
import { FileRefused, putFile } from '../../server/files/fileStore.js';
import { sniffHead } from '../../server/files/sniff.js';
import { pdfBytes, PNG } from './files.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const drain = async (r: Readable | null) => {
  const chunks: Buffer[] = [];
  for await (const c of r!) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('the disk file store', () => {
  let root: string;
  let store: DiskFileStore;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'phong-hop-files-'));
    store = await DiskFileStore.open(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores by SHA-256 under ab/<sha256>, reads whole and by range, and knows the facts', async () => {
    const pdf = await pdfBytes();
    const facts = await putFile(store, Readable.from([pdf.subarray(0, 100), pdf.subarray(100)]), 1 << 20);
    expect(facts).toEqual({ sha256: sha(pdf), bytes: pdf.length, mime: 'application/pdf' });
    expect(existsSync(join(root, sha(pdf).slice(0, 2), sha(pdf)))).toBe(true);
    expect((await drain(await store.read(sha(pdf)))).equals(pdf)).toBe(true);
    expect((await drain(await store.read(sha(pdf), { start: 10, end: 19 }))).equals(pdf.subarray(10, 20))).toBe(true);
    // A fresh store (another process on the same folder) finds it by its bytes alone.
    expect(await (await DiskFileStore.open(root)).facts(sha(pdf))).toEqual(facts);
    expect(await store.facts('0'.repeat(64))).toBeNull();
    expect(await store.read('0'.repeat(64))).toBeNull();
  });

  it('never lets a name that is not a hash reach the file system', async () => {
    for (const name of ['../../etc/passwd', 'tmp', '', `${'a'.repeat(63)}/`, 'A'.repeat(64)]) {
      expect(await store.facts(name)).toBeNull();
      expect(await store.read(name)).toBeNull();
    }
  });

  it('leaves no file under the hash, nor a temporary one, when a put fails midway', async () => {
    const pdf = await pdfBytes();
    async function* failing() {
      yield pdf.subarray(0, 200);
      throw new Error('the uploader went away');
    }
    await expect(putFile(store, Readable.from(failing()), 1 << 20)).rejects.toThrow('went away');
    await expect(putFile(store, Readable.from([pdf, Buffer.alloc(2048)]), pdf.length + 100)).rejects.toBeInstanceOf(FileRefused);
    expect(readdirSync(root)).toEqual(['tmp']);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(await store.facts(sha(pdf))).toBeNull();
  });

  it('gives a staged file its name only on commit, and discards it without trace', async () => {
    const pdf = await pdfBytes();
    const staged = await store.stage(Readable.from([pdf]), 1 << 20);
    expect(await store.facts(sha(pdf))).toBeNull();
    await staged.discard();
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    const again = await store.stage(Readable.from([pdf]), 1 << 20);
    await again.commit();
    expect(await store.facts(sha(pdf))).not.toBeNull();
    // The same bytes twice: one file.
    await putFile(store, Readable.from([pdf]), 1 << 20);
    expect(readdirSync(join(root, sha(pdf).slice(0, 2)))).toEqual([sha(pdf)]);
  });

  it('sweeps what a crash left in tmp, once it is old, and nothing younger', async () => {
    writeFileSync(join(root, 'tmp', '.upload-1-old'), 'half');
    writeFileSync(join(root, 'tmp', '.upload-2-young'), 'half');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(root, 'tmp', '.upload-1-old'), old, old);
    await DiskFileStore.open(root);
    expect(readdirSync(join(root, 'tmp'))).toEqual(['.upload-2-young']);
  });
});

describe('the content check', () => {
  it('knows PDF, PNG, JPEG and WebP by their first bytes, and nothing else', async () => {
    expect(sniffHead(await pdfBytes(), true)).toBe('application/pdf');
    expect(sniffHead(PNG, true)).toBe('image/png');
    expect(sniffHead(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), true)).toBe('image/jpeg');
    expect(sniffHead(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), true)).toBe('image/webp');
    expect(sniffHead(Buffer.concat([Buffer.alloc(500, 0x0a), Buffer.from('%PDF-1.7')]), true)).toBe('application/pdf');
    expect(sniffHead(Buffer.concat([Buffer.alloc(1100, 0x0a), Buffer.from('%PDF-1.7')]), true)).toBeNull();
    expect(sniffHead(Buffer.from('GIF89a'), true)).toBeNull();
    expect(sniffHead(Buffer.from('RIFF\0\0\0\0WAVE'), true)).toBeNull();
    expect(sniffHead(Buffer.from('<html>'), false)).toBeNull();
    // Too few bytes yet to tell: wait for more, unless that is all.
    expect(sniffHead(Buffer.from([0x89, 0x50]), false)).toBe('more');
    expect(sniffHead(Buffer.from([0x89, 0x50]), true)).toBeNull();
  });
});
