import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileState, nextToFetch, offlineProgress, unreferenced, wantedFiles, type HeldFile, type StopReason } from '../../client/src/documents/offline/plan.js';
import { nextRange, rangeStart } from '../../client/src/documents/offline/range.js';
import { pdfPageCount } from '../../client/src/documents/offline/pdfPages.js';
import { sha256 } from '../../shared/sha256.js';
import { makePdf } from './pdfs.js';
import { isUpdated } from '../../client/src/documents/offline/updated.js';
import { doc, sha } from './fixtures.js';

const none = new Map<string, StopReason>();

describe('what the tablet keeps for offline reading', () => {
  it('keeps the current version of each live document, a shared file once', () => {
    const a = doc('a', { versions: 3 });
    const b = doc('b', { removed: true });
    const c = { ...doc('c'), versions: a.versions.slice(2).map((v) => ({ ...v })) };
    const wanted = wantedFiles([a, b, c]);
    expect(wanted).toEqual([{ documentId: 'a', version: 3, sha256: sha('a-v3'), bytes: 1000, mime: 'application/pdf' }]);
  });

  it('resumes a half-received file before starting another, and skips stopped and complete ones', () => {
    const wanted = wantedFiles([doc('a'), doc('b'), doc('c'), doc('d')]);
    const held = new Map<string, HeldFile>([
      [sha('a-v1'), { received: 1000, complete: true }],
      [sha('c-v1'), { received: 400, complete: false }],
    ]);
    expect(nextToFetch(wanted, held, none)?.documentId).toBe('c');
    expect(nextToFetch(wanted, held, new Map([[sha('c-v1'), 'auth']]))?.documentId).toBe('b');
    const all = new Map<string, StopReason>([
      [sha('b-v1'), 'gone'],
      [sha('c-v1'), 'corrupt'],
      [sha('d-v1'), 'quota'],
    ]);
    expect(nextToFetch(wanted, held, all)).toBeNull();
  });

  it('drops what no document needs any more: a replaced version, a removed or hidden document', () => {
    const wanted = wantedFiles([doc('a', { versions: 2 })]);
    expect(unreferenced([sha('a-v1'), sha('a-v2'), sha('gone-v1')], wanted)).toEqual([sha('a-v1'), sha('gone-v1')]);
  });

  it('counts progress over the bytes of all files, 100 % only when every file is checked', () => {
    const wanted = wantedFiles([doc('a', { bytes: 3000 }), doc('b', { bytes: 1000 })]);
    expect(offlineProgress(wanted, new Map(), none)).toEqual({ done: 0, total: 2, percent: 0, stopped: 0 });
    const half = new Map<string, HeldFile>([[sha('a-v1'), { received: 2000, complete: false }]]);
    expect(offlineProgress(wanted, half, none)).toMatchObject({ done: 0, percent: 50 });
    // All bytes here but not yet checked: not 100.
    const unchecked = new Map<string, HeldFile>([
      [sha('a-v1'), { received: 3000, complete: true }],
      [sha('b-v1'), { received: 1000, complete: false }],
    ]);
    expect(offlineProgress(wanted, unchecked, none)).toMatchObject({ done: 1, percent: 99 });
    unchecked.set(sha('b-v1'), { received: 1000, complete: true });
    expect(offlineProgress(wanted, unchecked, new Map([[sha('b-v1'), 'auth']]))).toEqual({ done: 2, total: 2, percent: 100, stopped: 1 });
    expect(offlineProgress([], new Map(), none).percent).toBe(100);
  });

  it("names each file's state for the list", () => {
    const file = { sha256: sha('a-v1'), bytes: 1000 };
    const held = new Map<string, HeldFile>([[file.sha256, { received: 420, complete: false }]]);
    expect(fileState(file, held, none, file.sha256)).toEqual({ kind: 'downloading', percent: 42 });
    expect(fileState(file, held, none, null)).toEqual({ kind: 'waiting' });
    expect(fileState(file, held, new Map([[file.sha256, 'quota']]), null)).toEqual({ kind: 'stopped', reason: 'quota' });
    expect(fileState(file, new Map([[file.sha256, { received: 1000, complete: true }]]), none, null)).toEqual({ kind: 'done' });
  });
});

describe('range requests', () => {
  it('asks for the next chunk, the last one short', () => {
    expect(nextRange(0, 2_500_000, 1_000_000)).toBe('bytes=0-999999');
    expect(nextRange(2_000_000, 2_500_000, 1_000_000)).toBe('bytes=2000000-2499999');
  });
  it('reads where an answer starts, and trusts no malformed header', () => {
    expect(rangeStart('bytes 1000-1999/5000')).toBe(1000);
    expect(rangeStart('bytes 0-9/*')).toBe(0);
    for (const bad of [null, '', 'bytes */5000', 'items 0-9/10', 'bytes -5-9/10']) expect(rangeStart(bad)).toBeNull();
  });
});

describe('"Mới cập nhật"', () => {
  it('marks a version newer than the one this device last opened', () => {
    expect(isUpdated(doc('a', { versions: 2 }), 1)).toBe(true);
    expect(isUpdated(doc('a', { versions: 2 }), 2)).toBe(false);
  });
  it('marks a replaced document this device never opened, not a first version', () => {
    expect(isUpdated(doc('a'), null)).toBe(false);
    expect(isUpdated(doc('a', { versions: 2 }), null)).toBe(true);
  });
});

describe('SHA-256 without WebCrypto (plain http on the LAN)', () => {
  it('matches Node’s for the standard vectors and for sizes around the block edges', () => {
    const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
    const ab = (buf: Buffer) => new Uint8Array(buf);
    expect(hexOf(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hexOf(sha256(ab(Buffer.from('abc'))))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000, 100_003]) {
      const data = randomBytes(n);
      expect(hexOf(sha256(ab(data))), `${n} bytes`).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});

describe("a PDF's page count from the bytes held", () => {
  it('reads the page tree of a real PDF', async () => {
    expect(pdfPageCount(await makePdf('Báo cáo', 3))).toBe(3);
    expect(pdfPageCount(await makePdf('Tờ trình', 1, 200_000))).toBe(1);
  });
  it('says unknown rather than guess: no page tree, compressed objects, an image', () => {
    expect(pdfPageCount(Buffer.from('%PDF-1.7\n1 0 obj <</Type /ObjStm /N 5>> stream ... endstream\n%%EOF'))).toBeNull();
    expect(pdfPageCount(randomBytes(5000))).toBeNull();
    // A /Count outside a page tree (an outline) is not a page count.
    expect(pdfPageCount(Buffer.from('%PDF-1.4 1 0 obj <</Type /Outlines /Count 7>> endobj %%EOF'))).toBeNull();
  });
  it('takes the root of a nested page tree', () => {
    const pdf = '%PDF-1.4 2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 12>> endobj 3 0 obj <</Type /Pages /Parent 2 0 R /Count 5 /Kids []>> endobj %%EOF';
    expect(pdfPageCount(Buffer.from(pdf))).toBe(12);
  });
});
