import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { annotationsJson, annotationsMarkdown } from '../../client/src/documents/annotations/exportNotes.js';
import { ANNOTATIONS_MAP, clampRect, readAnnotations, type Annotation } from '../../client/src/documents/annotations/model.js';
import { findInRuns } from '../../client/src/documents/viewer/search.js';
import { watermarkText } from '../../client/src/documents/viewer/watermark.js';
import { documentsVi } from '../../client/src/i18n/documents.js';
import { annotationsDocName, annotationsOwner, mayOpenAnnotations, parseDocName } from '../../shared/notes/access.js';

describe('search in the text runs of a page', () => {
  const runs = ['Xếp loại: Hoàn thành', 'xuất sắc nhiệm vụ.', 'Chi bộ 2: HOÀN THÀNH XUẤT SẮC'];
  it('finds a phrase across runs, ignoring case but not tone marks', () => {
    expect(findInRuns(runs, 'hoàn thành  xuất sắc')).toEqual([
      { first: 0, last: 1 },
      { first: 2, last: 2 },
    ]);
    expect(findInRuns(runs, 'hoan thanh')).toEqual([]);
    expect(findInRuns(runs, '   ')).toEqual([]);
  });
  it('matches composed and decomposed letters alike', () => {
    expect(findInRuns(['Hoa\u0300n tha\u0300nh'], 'Hoàn thành')).toEqual([{ first: 0, last: 0 }]);
  });
});

describe('the watermark', () => {
  it("names the reader and the time in Hà Nội's zone, dd/MM/yyyy HH:mm", () => {
    expect(watermarkText('Lê Văn Một', Date.UTC(2026, 11, 5, 17, 5))).toBe('Lê Văn Một · 06/12/2026 00:05');
  });
});

const note = (over: Partial<Annotation>): Annotation => ({
  id: 'a',
  documentId: 'report',
  version: 1,
  page: 1,
  rect: { x: 0.1, y: 0.1, w: 0.5, h: 0.05 },
  color: 'yellow',
  note: '',
  at: 1,
  ...over,
});

describe('the annotations document', () => {
  it('reads well-formed entries only, in reading order', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(ANNOTATIONS_MAP);
    map.set('b', note({ id: 'b', page: 2 }));
    map.set('a', note({ id: 'a', page: 1, rect: { x: 0, y: 0.5, w: 0.1, h: 0.1 } }));
    map.set('c', note({ id: 'c', page: 1, rect: { x: 0, y: 0.2, w: 0.1, h: 0.1 } }));
    map.set('bad', { id: 'bad', page: -1, note: 5 });
    map.set('huge', note({ id: 'huge', rect: { x: 0, y: 0, w: 2, h: 1 } }));
    expect(readAnnotations(map).map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });
  it('keeps a rectangle inside its page', () => {
    expect(clampRect({ x: -0.2, y: 0.9, w: 0.5, h: 0.5 })).toEqual({ x: 0, y: 0.9, w: 0.5, h: expect.closeTo(0.1, 10) });
  });
  it('is named for its owner, and is none of the meeting documents', () => {
    expect(annotationsDocName('m1')).toBe('annotations-m1');
    expect(annotationsOwner('annotations-m1')).toBe('m1');
    expect(annotationsOwner('annotations-../x')).toBeNull();
    expect(annotationsOwner('notes-m1')).toBeNull();
    expect(parseDocName('annotations-m1')).toBeNull();
  });
  it('opens for its owner in the room only', () => {
    expect(mayOpenAnnotations({ participantId: 'm1', role: 'member' }, 'm1')).toBe(true);
    expect(mayOpenAnnotations({ participantId: 'chair', role: 'chair' }, 'm1')).toBe(false);
    expect(mayOpenAnnotations({ participantId: 'screen', role: 'screen' }, 'screen')).toBe(false);
    expect(mayOpenAnnotations({ participantId: 'obs', role: 'observer' }, 'obs')).toBe(false);
  });
});

describe('the export of one’s notes', () => {
  const meta = { meeting: 'hn-2026', owner: 'Lê Văn Một', exportedAt: '06/12/2026 09:00' };
  const list = [note({ id: 'a', page: 1, note: 'Hỏi lại\nsố liệu' }), note({ id: 'b', page: 3, color: 'green' }), note({ id: 'c', version: 2, page: 1, note: '*gấp*' })];
  const docs = [{ id: 'report', title: 'Báo cáo' }];
  it('lists per document and version, page, highlight and note, as JSON', () => {
    const json = annotationsJson(list, docs, meta);
    expect(json.documents.map((d) => [d.title, d.version, d.annotations.map((a) => [a.page, a.note])])).toEqual([
      [
        'Báo cáo',
        1,
        [
          [1, 'Hỏi lại\nsố liệu'],
          [3, ''],
        ],
      ],
      ['Báo cáo', 2, [[1, '*gấp*']]],
    ]);
  });
  it('and as Markdown, a note on one line', () => {
    const words = { title: documentsVi.exportTitle, page: documentsVi.page, version: documentsVi.version, highlight: documentsVi.highlight, colors: documentsVi.colors };
    const md = annotationsMarkdown(list, docs, words, meta);
    expect(md).toContain('## Báo cáo (phiên bản 1)\n\n- Trang 1 — Đánh dấu (Vàng): Hỏi lại / số liệu\n- Trang 3 — Đánh dấu (Xanh lá)\n');
    expect(md).toContain('## Báo cáo (phiên bản 2)');
  });
});
