import { describe, expect, it } from 'vitest';
import { blocksToMarkdown } from '../../server/export/markdown.js';
import type { Block } from '../../server/export/prosemirror.js';

const para = (text: string, list?: Block['list']): Block => ({ kind: 'paragraph', quote: 0, list, runs: [{ text, bold: false, italic: false }] });

/**
 * Notes are free text: whatever someone typed must come out of the Markdown record as that text,
 * never as a rule, a heading, a list, a code block or an HTML entity.
 */
describe('Markdown of typed text', () => {
  it.each([
    ['---', '\\---'],
    ['- - -', '\\- - -'],
    ['===', '\\==='],
    ['    thụt lề bốn dấu cách', 'thụt lề bốn dấu cách'],
    ['\tthụt lề bằng tab', 'thụt lề bằng tab'],
    ['a &amp; b &lt;', 'a \\&amp; b \\&lt;'],
    ['1. không phải danh sách', '1\\. không phải danh sách'],
    ['2) cũng không', '2\\) cũng không'],
    ['+ cộng', '\\+ cộng'],
    ['# không phải tiêu đề', '\\# không phải tiêu đề'],
    ['> không phải trích dẫn', '\\> không phải trích dẫn'],
  ])('keeps %j as text', (typed, markdown) => {
    expect(blocksToMarkdown([para(typed)])).toBe(markdown);
  });

  it('escapes every line of a paragraph with line breaks, not only the first', () => {
    expect(blocksToMarkdown([para('Kết luận:\n- một\n1. hai\n---\n===')])).toBe('Kết luận:\\\n\\- một\\\n1\\. hai\\\n\\---\\\n\\===');
  });

  it('keeps the continuation of a list item inside the item', () => {
    expect(blocksToMarkdown([para('mục\n- không phải mục con', { ordered: false, depth: 0, number: 1, first: true })])).toBe('- mục\\\n  \\- không phải mục con');
  });
});
