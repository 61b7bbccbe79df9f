import type { BlockType, DocBlock } from './history.js';

/** A piece of a changed block's text: kept, or only in one of the two texts. */
export interface TextPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * One block of a comparison, in reading order. `from` is its index in the older text, `to` in the
 * newer: a `same` or `changed` block has both, a `removed` block only `from`, an `added` one only `to`.
 */
export interface DiffBlock {
  op: 'same' | 'changed' | 'added' | 'removed';
  type: BlockType;
  level?: number;
  from?: number;
  to?: number;
  /** The text, split where it differs (one `same` part for an unchanged block). */
  parts: TextPart[];
}

/**
 * Above this many cells the longest-common-subsequence table is not built: the texts are then
 * compared as wholes (a block or a whole text counted as removed and added). Two minutes of
 * minutes have a few hundred blocks and a paragraph a few hundred words, far below it.
 */
const MAX_CELLS = 4_000_000;

/** Pairs of indices (i in a, j in b) of a longest common subsequence, in order. */
function lcs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return [];
  // lengths[i][j]: the LCS of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] = same(a[i], b[j]) ? lengths[at(i + 1, j + 1)] + 1 : Math.max(lengths[at(i + 1, j)], lengths[at(i, j + 1)]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[at(i + 1, j)] >= lengths[at(i, j + 1)]) i++;
    else j++;
  }
  return pairs;
}

/** Words and the spaces between them, so a diff marks whole words and rejoins to the exact text. */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

/** Appends a part, merging it with the previous one of the same kind. */
function push(parts: TextPart[], op: TextPart['op'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * The words of `before` and `after` in order, each marked kept, removed or added. Joining the
 * `same` and `removed` parts gives `before`; joining `same` and `added` gives `after`.
 */
export function diffText(before: string, after: string): TextPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: TextPart[] = [];
  let i = 0;
  let j = 0;
  for (const [x, y] of lcs(a, b, (p, q) => p === q)) {
    push(parts, 'removed', a.slice(i, x).join(''));
    push(parts, 'added', b.slice(j, y).join(''));
    push(parts, 'same', a[x]);
    i = x + 1;
    j = y + 1;
  }
  push(parts, 'removed', a.slice(i).join(''));
  push(parts, 'added', b.slice(j).join(''));
  return parts;
}

const sameBlock = (x: DocBlock, y: DocBlock) => x.type === y.type && x.level === y.level && x.text === y.text;
const shape = (block: DocBlock) => ({ type: block.type, ...(block.level !== undefined && { level: block.level }) });

/**
 * Compares two texts block by block: blocks found unchanged in both anchor the comparison; between
 * two anchors, removed and added blocks of the same kind are paired in order as one `changed` block
 * with its words marked, and the rest stay removed or added.
 */
export function diffBlocks(before: readonly DocBlock[], after: readonly DocBlock[]): DiffBlock[] {
  const out: DiffBlock[] = [];
  let i = 0;
  let j = 0;
  const between = (endI: number, endJ: number) => {
    while (i < endI || j < endJ) {
      const old = i < endI ? before[i] : undefined;
      const next = j < endJ ? after[j] : undefined;
      if (old && next && old.type === next.type && old.level === next.level) {
        out.push({ op: 'changed', ...shape(next), from: i++, to: j++, parts: diffText(old.text, next.text) });
      } else if (old && (!next || endI - i >= endJ - j)) {
        out.push({ op: 'removed', ...shape(old), from: i++, parts: [{ op: 'removed', text: old.text }] });
      } else if (next) {
        out.push({ op: 'added', ...shape(next), to: j++, parts: [{ op: 'added', text: next.text }] });
      }
    }
  };
  for (const [x, y] of lcs(before, after, sameBlock)) {
    between(x, y);
    out.push({ op: 'same', ...shape(after[y]), from: x, to: y, parts: after[y].text === '' ? [] : [{ op: 'same', text: after[y].text }] });
    i = x + 1;
    j = y + 1;
  }
  between(before.length, after.length);
  return out;
}

/** How much a comparison changed: blocks and characters added and removed. */
export function diffSummary(diff: readonly DiffBlock[]): { added: number; removed: number; changed: number; charsAdded: number; charsRemoved: number } {
  const sum = { added: 0, removed: 0, changed: 0, charsAdded: 0, charsRemoved: 0 };
  for (const block of diff) {
    if (block.op === 'added') sum.added++;
    if (block.op === 'removed') sum.removed++;
    if (block.op === 'changed' && block.parts.some((p) => p.op !== 'same')) sum.changed++;
    for (const part of block.parts) {
      if (part.op === 'added') sum.charsAdded += part.text.length;
      if (part.op === 'removed') sum.charsRemoved += part.text.length;
    }
  }
  return sum;
}
