import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import { attributedBlocks, docBlocks } from '../../server/yjs/docBlocks.js';
import { restoreInto } from '../../server/yjs/restore.js';

/** A TipTap-shaped document from a small description: [nodeName, text | children, attrs?]. */
type Node = [string, string | Node[], Record<string, string>?];
function build(doc: Y.Doc, nodes: Node[]): void {
  const make = ([name, content, attrs]: Node): Y.XmlElement => {
    const el = new Y.XmlElement(name);
    for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
    if (typeof content === 'string') {
      if (content !== '') {
        const text = new Y.XmlText();
        text.insert(0, content);
        el.insert(0, [text]);
      }
    } else el.insert(0, content.map(make));
    return el;
  };
  const fragment = doc.getXmlFragment(TIPTAP_FIELD);
  fragment.insert(fragment.length, nodes.map(make));
}
const copy = (from: Y.Doc): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
};
const texts = (doc: Y.Doc) => docBlocks(doc).map((b) => `${b.type}${b.level ?? ''}:${b.text}`);
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

const VERSION: Node[] = [
  ['heading', 'Kiểm điểm tập thể', { level: '2' }],
  ['paragraph', 'Ưu điểm: hoàn thành các chỉ tiêu chủ yếu.'],
  [
    'bulletList',
    [
      ['listItem', [['paragraph', 'Thứ nhất']]],
      ['listItem', [['paragraph', 'Thứ hai']]],
    ],
  ],
  ['paragraph', 'Hạn chế: chậm ban hành quy chế.'],
];

describe('restoring a version as an edit', () => {
  it('brings back the version’s text whatever was done since, lists and headings included', () => {
    const live = new Y.Doc();
    build(live, VERSION);
    const version = copy(live);
    const fragment = live.getXmlFragment(TIPTAP_FIELD);
    live.transact(() => {
      fragment.delete(2, 1);
      ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Sửa: ');
    });
    build(live, [['paragraph', 'Dòng thêm']]);
    live.transact(() => restoreInto(live, version));
    expect(texts(live)).toEqual(texts(version));
  });

  it('keeps the Yjs items of lines the difference leaves alone, so an offline editor’s typing in them merges', () => {
    const server = new Y.Doc();
    build(server, VERSION);
    const version = copy(server);
    const tablet = copy(server);
    // The server's copy is wiped but for one line…
    const fragment = server.getXmlFragment(TIPTAP_FIELD);
    server.transact(() => {
      fragment.delete(0, 1);
      fragment.delete(1, 2);
    });
    sync(server, tablet);
    expect(texts(tablet)).toEqual(['paragraph:Ưu điểm: hoàn thành các chỉ tiêu chủ yếu.']);
    // …the tablet goes offline and types into that line…
    const offline = copy(tablet);
    ((offline.getXmlFragment(TIPTAP_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(8, ' (đã kiểm chứng)');
    // …while the chair restores the version.
    server.transact(() => restoreInto(server, version));
    expect(texts(server)).toEqual(texts(version));
    sync(server, offline);
    expect(texts(offline)).toEqual(texts(server));
    expect(texts(server)[1]).toBe('paragraph:Ưu điểm: (đã kiểm chứng) hoàn thành các chỉ tiêu chủ yếu.');
  });

  it('changes only the differing words of a changed line, inserted ones with the version’s formatting', () => {
    const live = new Y.Doc();
    build(live, [['paragraph', '']]);
    const text = new Y.XmlText();
    text.insert(0, 'Đề nghị ');
    text.insert(8, 'xếp loại', { bold: true });
    text.insert(16, ' hoàn thành tốt nhiệm vụ.', {});
    const paragraph = live.getXmlFragment(TIPTAP_FIELD).get(0) as Y.XmlElement;
    paragraph.insert(0, [text]);
    const version = copy(live);
    text.delete(8, 8);
    text.insert(8, 'không xếp', {});
    const kept = text._start;
    live.transact(() => restoreInto(live, version));
    expect(text.toDelta()).toEqual([{ insert: 'Đề nghị ' }, { insert: 'xếp loại', attributes: { bold: true } }, { insert: ' hoàn thành tốt nhiệm vụ.' }]);
    // The same text node, its first item untouched.
    expect(live.getXmlFragment(TIPTAP_FIELD).get(0)).toBe(paragraph);
    expect(text._start).toBe(kept);
  });

  it('attributes runs to the participants behind their client ids', () => {
    const a = new Y.Doc();
    build(a, [['paragraph', 'Một ']]);
    const b = copy(a);
    ((b.getXmlFragment(TIPTAP_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(4, 'hai');
    sync(a, b);
    const blocks = attributedBlocks(a, new Map([[a.clientID, 'm1']]));
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Một ', author: 'm1' },
          { text: 'hai', author: null },
        ],
      },
    ]);
  });
});
