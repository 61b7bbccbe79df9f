import { describe, expect, it } from 'vitest';
import { diffBlocks, diffSummary, diffText } from '../../shared/notes/blockDiff.js';
import type { DocBlock } from '../../shared/notes/history.js';

const p = (text: string): DocBlock => ({ type: 'paragraph', text });
const join = (parts: { op: string; text: string }[], keep: string) =>
  parts
    .filter((x) => x.op === 'same' || x.op === keep)
    .map((x) => x.text)
    .join('');

describe('comparing two versions of a text', () => {
  it('marks the words that changed and rejoins to both texts exactly', () => {
    const before = 'Đồng chí Một trình bày báo cáo kiểm điểm của tập thể.';
    const after = 'Đồng chí Hai trình bày báo cáo kiểm điểm  tập thể năm 2025.';
    const parts = diffText(before, after);
    expect(join(parts, 'removed')).toBe(before);
    expect(join(parts, 'added')).toBe(after);
    expect(parts.filter((x) => x.op === 'removed').map((x) => x.text.trim())).toContain('Một');
    expect(parts.filter((x) => x.op === 'added').map((x) => x.text.trim())).toContain('Hai');
  });

  it('keeps unchanged blocks as anchors, pairs an edited block and lists what was added or removed', () => {
    const before = [p('Mở đầu.'), p('Ý kiến của đồng chí Một.'), { type: 'heading', level: 2, text: 'Kết luận' } as DocBlock, p('Hết.')];
    const after = [p('Mở đầu.'), p('Ý kiến của đồng chí Một, đã sửa.'), p('Ý kiến mới.'), p('Hết.')];
    const diff = diffBlocks(before, after);
    expect(diff.map((b) => b.op)).toEqual(['same', 'changed', 'removed', 'added', 'same']);
    expect(diff[1]).toMatchObject({ from: 1, to: 1 });
    expect(diff[2]).toMatchObject({ type: 'heading', level: 2, from: 2 });
    expect(diff[3]).toMatchObject({ to: 2 });
    expect(diffSummary(diff)).toMatchObject({ added: 1, removed: 1, changed: 1 });
  });

  it('a text wiped to nothing is every block removed; restored, every block added', () => {
    const text = [p('Một.'), p('Hai.'), p('Ba.')];
    expect(diffBlocks(text, []).map((b) => b.op)).toEqual(['removed', 'removed', 'removed']);
    expect(diffBlocks([], text).map((b) => [b.op, b.to])).toEqual([
      ['added', 0],
      ['added', 1],
      ['added', 2],
    ]);
    expect(diffBlocks(text, text).every((b) => b.op === 'same')).toBe(true);
  });
});
