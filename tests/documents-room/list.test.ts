import { describe, expect, it } from 'vitest';
import { formatFileSize as fileSize } from '../../shared/format.js';
import { groupDocuments } from '../../client/src/documents/list/groups.js';
import { reorder } from '../../client/src/views/chair/documents/reorder.js';
import type { AgendaItem } from '../../shared/meeting/state.js';
import { doc } from './fixtures.js';

const agenda = ['open', 'collective', 'review-m1', 'close'].map((id) => ({ id, title: id }) as AgendaItem);

describe("the tablet's list", () => {
  const docs = [
    doc('close-1', { itemId: 'close' }),
    doc('meeting-2', { order: 2 }),
    doc('collective-1', { itemId: 'collective' }),
    doc('m1-b', { itemId: 'review-m1', order: 2 }),
    doc('m1-a', { itemId: 'review-m1', order: 1 }),
    doc('meeting-1', { order: 1 }),
    doc('gone', { itemId: 'collective', removed: true }),
    doc('orphan', { itemId: 'no-such-item' }),
  ];
  const ids = (groups: ReturnType<typeof groupDocuments>) => groups.map((g) => [g.kind, g.kind === 'meeting' ? null : g.item.id, g.documents.map((d) => d.id)]);

  it('puts the open item first, then the meeting, then the other items in agenda order', () => {
    expect(ids(groupDocuments(docs, agenda, 'review-m1'))).toEqual([
      ['open-item', 'review-m1', ['m1-a', 'm1-b']],
      ['meeting', null, ['meeting-1', 'meeting-2', 'orphan']],
      ['item', 'collective', ['collective-1']],
      ['item', 'close', ['close-1']],
    ]);
  });

  it('without an open item (or one with no documents), starts with the meeting', () => {
    expect(ids(groupDocuments(docs, agenda, null))[0][0]).toBe('meeting');
    expect(ids(groupDocuments(docs, agenda, 'open'))[0][0]).toBe('meeting');
  });

  it('numbers items as the agenda does', () => {
    const g = groupDocuments(docs, agenda, null).find((x) => x.kind === 'item' && x.item.id === 'review-m1');
    expect(g && g.kind === 'item' && g.number).toBe(3);
  });

  it('reads sizes in the reader’s language', () => {
    expect(fileSize(512, 'vi')).toBe('512 B');
    expect(fileSize(1536, 'vi')).toBe('1,5 KB');
    expect(fileSize(1536, 'en')).toBe('1.5 KB');
    expect(fileSize(25 * 1024 * 1024, 'vi')).toBe('25 MB');
  });
});

describe('moving a document in the console', () => {
  it('swaps it with its neighbour, renumbering the siblings once', () => {
    const docs = [doc('a', { order: 1 }), doc('b', { order: 1 }), doc('c', { order: 5 }), doc('x', { itemId: 'open', order: 1 })];
    // Ties by title: a, b, c. Moving c up gives a, c, b.
    expect(reorder(docs, 'c', -1)).toEqual([
      { documentId: 'c', order: 2 },
      { documentId: 'b', order: 3 },
    ]);
    // b already holds 1: only what changes is edited.
    expect(reorder(docs, 'a', 1)).toEqual([
      { documentId: 'a', order: 2 },
      { documentId: 'c', order: 3 },
    ]);
  });
  it('does nothing past either end, for an unknown document, or across items', () => {
    const docs = [doc('a', { order: 1 }), doc('b', { order: 2 }), doc('x', { itemId: 'open', order: 1 })];
    expect(reorder(docs, 'a', -1)).toEqual([]);
    expect(reorder(docs, 'b', 1)).toEqual([]);
    expect(reorder(docs, 'x', 1)).toEqual([]);
    expect(reorder(docs, 'nope', 1)).toEqual([]);
  });
  it('leaves removed documents out of the count', () => {
    const docs = [doc('a', { order: 1 }), doc('dead', { order: 2, removed: true }), doc('b', { order: 3 })];
    expect(reorder(docs, 'b', -1)).toEqual([
      { documentId: 'b', order: 1 },
      { documentId: 'a', order: 2 },
    ]);
  });
});
