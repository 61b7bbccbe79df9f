import { describe, expect, it } from 'vitest';
import { storedBytes } from '../../../shared/documents/decide.js';
import { currentVersion, sortDocuments, type BlobFacts } from '../../../shared/documents/types.js';
import { MAX_DOCUMENT_BYTES, MAX_MEETING_DOCUMENT_BYTES } from '../../../shared/limits.js';
import { runningMeeting, type CoreDriver } from '../../helpers/coreDriver.js';

const pdf = (n: number, bytes = 1000): BlobFacts => ({ sha256: n.toString(16).padStart(64, '0'), bytes, mime: 'application/pdf' });

function withFiles(...files: BlobFacts[]): CoreDriver {
  const m = runningMeeting();
  for (const f of files) m.blobs[f.sha256] = f;
  return m;
}

describe('the documents rules (shared/documents/decide.ts)', () => {
  it('adds a stored file as a document of an item, numbered version 1 by its uploader, ordered after its siblings', () => {
    const m = withFiles(pdf(1), pdf(2));
    m.ok('chair', { type: 'document.add', blob: pdf(1).sha256, title: 'Báo cáo kiểm điểm', itemId: 'collective', visibility: 'participants' });
    m.advance(60).ok('sec', { type: 'document.add', blob: pdf(2).sha256, title: 'Dự thảo kết luận', itemId: 'collective', visibility: 'presidium' });
    const [a, b] = m.state.documents;
    expect(a).toMatchObject({ title: 'Báo cáo kiểm điểm', itemId: 'collective', order: 1, visibility: 'participants', removedAt: null });
    expect(a.versions).toEqual([{ ...pdf(1), version: 1, at: m.now - 60_000, by: 'chair' }]);
    expect(b).toMatchObject({ order: 2, versions: [{ version: 1, by: 'sec' }] });
  });

  it('refuses a file the store does not hold, an unknown or removed item, and members, guests, observers and the screen', () => {
    const m = withFiles(pdf(1));
    m.refuse('chair', { type: 'document.add', blob: pdf(9).sha256, title: 'X', visibility: 'everyone' }, 'not-found');
    m.refuse('chair', { type: 'document.add', blob: pdf(1).sha256, title: 'X', itemId: 'nope', visibility: 'everyone' }, 'not-found');
    m.ok('chair', { type: 'agenda.remove', itemId: 'close' });
    expect(m.decide('chair', { type: 'document.add', blob: pdf(1).sha256, title: 'X', itemId: 'close', visibility: 'everyone' })).toMatchObject({
      ok: false,
      error: { reason: 'item-removed' },
    });
    for (const who of ['m1', 'guest', 'obs', 'screen']) m.refuse(who, { type: 'document.add', blob: pdf(1).sha256, title: 'X', visibility: 'everyone' }, 'forbidden');
    expect(m.state.documents).toEqual([]);
  });

  it('refuses a file over the per-file cap and one that would pass the meeting total, each file counted once', () => {
    const m = withFiles(pdf(1, MAX_DOCUMENT_BYTES + 1), pdf(2, MAX_DOCUMENT_BYTES), pdf(3, MAX_DOCUMENT_BYTES));
    expect(m.decide('chair', { type: 'document.add', blob: pdf(1).sha256, title: 'X', visibility: 'everyone' })).toMatchObject({
      ok: false,
      error: { code: 'payload-too-large', reason: 'file-too-large', detail: { max: MAX_DOCUMENT_BYTES } },
    });
    const full = Math.floor(MAX_MEETING_DOCUMENT_BYTES / MAX_DOCUMENT_BYTES);
    // The same file added again and again is stored once: it never fills the meeting.
    for (let i = 0; i < full + 2; i++) m.ok('chair', { type: 'document.add', blob: pdf(2).sha256, title: `Bản ${i}`, visibility: 'everyone' });
    expect(storedBytes(m.state)).toBe(MAX_DOCUMENT_BYTES);
    const many = withFiles(...Array.from({ length: full + 1 }, (_, i) => pdf(100 + i, MAX_DOCUMENT_BYTES)));
    for (let i = 0; i < full; i++) many.ok('chair', { type: 'document.add', blob: pdf(100 + i).sha256, title: `T${i}`, visibility: 'everyone' });
    expect(many.decide('chair', { type: 'document.add', blob: pdf(100 + full).sha256, title: 'One more', visibility: 'everyone' })).toMatchObject({
      ok: false,
      error: { reason: 'meeting-files-full' },
    });
    // Removing a document frees its files.
    many.ok('chair', { type: 'document.remove', documentId: many.state.documents[0].id });
    many.ok('chair', { type: 'document.add', blob: pdf(100 + full).sha256, title: 'One more', visibility: 'everyone' });
  });

  it('replaces a file by version 2, keeps version 1, and takes the same file again as no change', () => {
    const m = withFiles(pdf(1), pdf(2));
    m.ok('chair', { type: 'document.add', blob: pdf(1).sha256, title: 'Báo cáo', visibility: 'everyone' });
    const id = m.state.documents[0].id;
    m.advance(30).ok('sec', { type: 'document.replace', documentId: id, blob: pdf(2).sha256 });
    expect(m.state.documents[0].versions.map((v) => [v.version, v.sha256, v.by])).toEqual([
      [1, pdf(1).sha256, 'chair'],
      [2, pdf(2).sha256, 'sec'],
    ]);
    expect(currentVersion(m.state.documents[0]).version).toBe(2);
    expect(m.ok('chair', { type: 'document.replace', documentId: id, blob: pdf(2).sha256 })).toEqual([]);
  });

  it('edits only what changes, and takes a document off the screen when it becomes presidium-only or is removed', () => {
    const m = withFiles(pdf(1));
    m.ok('chair', { type: 'document.add', blob: pdf(1).sha256, title: 'Báo cáo', visibility: 'participants' });
    const id = m.state.documents[0].id;
    expect(m.ok('chair', { type: 'document.edit', documentId: id, changes: { title: 'Báo cáo', order: 1 } })).toEqual([]);
    m.ok('chair', { type: 'screen.show', show: 'document', documentId: id, page: 3 });
    expect(m.state.screen).toEqual({ show: 'document', documentId: id, page: 3 });
    const events = m.ok('sec', { type: 'document.edit', documentId: id, changes: { visibility: 'presidium', title: 'Báo cáo (mật)' } });
    expect(events).toEqual([
      { type: 'document.edited', documentId: id, changes: { visibility: 'presidium', title: 'Báo cáo (mật)' }, at: m.now, by: 'sec' },
      { type: 'screen.shown', screen: { show: 'agenda' } },
    ]);
    m.refuse('chair', { type: 'screen.show', show: 'document', documentId: id }, 'invalid-state');
    m.ok('chair', { type: 'document.edit', documentId: id, changes: { visibility: 'everyone' } });
    m.ok('chair', { type: 'screen.show', show: 'document', documentId: id });
    expect(m.ok('chair', { type: 'document.remove', documentId: id }).map((e) => e.type)).toEqual(['document.removed', 'screen.shown']);
    m.refuse('chair', { type: 'document.edit', documentId: id, changes: { title: 'Y' } }, 'invalid-state');
    m.refuse('chair', { type: 'document.replace', documentId: id, blob: pdf(1).sha256 }, 'invalid-state');
  });

  it('shows an image on the screen at page 1 only, and a document page only with its id', () => {
    const m = withFiles({ sha256: 'c'.repeat(64), bytes: 10, mime: 'image/png' });
    m.ok('chair', { type: 'document.add', blob: 'c'.repeat(64), title: 'Sơ đồ', visibility: 'everyone' });
    const id = m.state.documents[0].id;
    m.refuse('chair', { type: 'screen.show', show: 'document', documentId: id, page: 2 }, 'invalid-payload');
    m.refuse('chair', { type: 'screen.show', show: 'document' }, 'invalid-payload');
    m.refuse('chair', { type: 'screen.show', show: 'agenda', page: 2 }, 'invalid-payload');
    m.refuse('chair', { type: 'screen.show', show: 'document', documentId: 'nope' }, 'not-found');
    m.ok('chair', { type: 'screen.show', show: 'document', documentId: id });
    expect(m.ok('chair', { type: 'screen.show', show: 'document', documentId: id, page: 1 })).toEqual([]);
  });

  it("sorts the meeting's own documents first, then by the agenda, by order, then by title", () => {
    const doc = (id: string, itemId: string | null, order: number, title: string) => ({
      id,
      itemId,
      order,
      title,
      visibility: 'everyone' as const,
      versions: [{ ...pdf(1), version: 1, at: 0, by: null }],
      removedAt: null,
      removedBy: null,
    });
    const sorted = sortDocuments(
      [doc('a', 'b-item', 1, 'Z'), doc('b', null, 2, 'B'), doc('c', 'a-item', 1, 'C'), doc('d', null, 2, 'Á'), doc('e', 'a-item', 0, 'E')],
      ['a-item', 'b-item'],
    );
    expect(sorted.map((d) => d.id)).toEqual(['d', 'b', 'e', 'c', 'a']);
  });
});
