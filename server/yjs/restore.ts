import * as Y from 'yjs';
import { diffBlocks, diffText } from '../../shared/notes/blockDiff.js';
import { TIPTAP_FIELD } from '../export/prosemirror.js';
import { layoutOf, type Leaf } from './docBlocks.js';

/**
 * A restore as an ordinary edit (docs/YJS.md, "Restore"): the live document is changed only where it
 * differs from the version. Blocks the difference leaves alone keep their Yjs items, so whatever an
 * offline editor typed in them merges when it comes back; inside a changed line only the differing
 * words are deleted and inserted, the inserted ones with the version's formatting.
 */

type Attributes = Record<string, unknown>;
interface Span {
  text: string;
  attributes: Attributes;
}

function spansOf(text: Y.XmlText): Span[] {
  return (text.toDelta() as { insert: unknown; attributes?: Attributes }[])
    .filter((op) => typeof op.insert === 'string')
    .map((op) => ({ text: op.insert as string, attributes: op.attributes ?? {} }));
}

/** The spans of `spans` between two character offsets. */
function slice(spans: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const span of spans) {
    const end = at + span.text.length;
    const a = Math.max(from, at);
    const b = Math.min(to, end);
    if (a < b) out.push({ text: span.text.slice(a - at, b - at), attributes: span.attributes });
    at = end;
  }
  return out;
}

/** Whether a line of the document can take a line of the version by editing its text in place. */
function editable(current: Leaf, version: Leaf): boolean {
  if (current.block.text === version.block.text) return true;
  return (current.text !== null || current.empty) && (version.text !== null || version.empty) && current.element !== null;
}

/** Turns one line's text into the version's: deletes and inserts the differing words only. */
function editLine(current: Leaf, version: Leaf): void {
  if (current.block.text === version.block.text) return;
  if (current.text === null) {
    // An empty line (no text node yet): it takes a copy of the version's text.
    if (version.text) current.element!.insert(0, [version.text.clone()]);
    return;
  }
  const target = current.text;
  const source = version.text ? spansOf(version.text) : [];
  let pos = 0;
  let vpos = 0;
  for (const part of diffText(current.block.text, version.block.text)) {
    const n = part.text.length;
    if (part.op === 'same') {
      pos += n;
      vpos += n;
    } else if (part.op === 'removed') {
      target.delete(pos, n);
    } else {
      for (const span of slice(source, vpos, vpos + n)) {
        // Explicit attributes (none: {}): Yjs would otherwise carry over the formatting on the left.
        target.insert(pos, span.text, span.attributes);
        pos += span.text.length;
      }
      vpos += n;
    }
  }
  // The text is the version's now; where its formatting is not (kept words, or an insert Yjs
  // formatted from its neighbours), it is set again, range by range.
  let at = 0;
  for (const span of source) {
    const have = slice(spansOf(target), at, at + span.text.length);
    if (have.length !== 1 || JSON.stringify(have[0].attributes) !== JSON.stringify(span.attributes)) {
      const clear = Object.fromEntries(have.flatMap((s) => Object.keys(s.attributes)).map((k) => [k, null]));
      target.format(at, span.text.length, { ...clear, ...span.attributes });
    }
    at += span.text.length;
  }
}

/**
 * Changes `doc` (inside the caller's transaction) until its text is `version`'s. A top-level node
 * whose lines all pair with the lines of one node of the version, of the same shape, is kept and
 * edited in place; the others are deleted, and the version's nodes nothing pairs with are inserted
 * as copies, where the version has them.
 */
export function restoreInto(doc: Y.Doc, version: Y.Doc): void {
  const current = layoutOf(doc);
  const wanted = layoutOf(version);
  const pairOf = new Map<number, number>();
  for (const block of diffBlocks(
    current.leaves.map((l) => l.block),
    wanted.leaves.map((l) => l.block),
  )) {
    if (block.from !== undefined && block.to !== undefined) pairOf.set(block.from, block.to);
  }
  const topOfWanted = new Map<number, number>();
  wanted.tops.forEach((top, j) => top.leaves.forEach((leaf) => topOfWanted.set(leaf, j)));

  // Top nodes kept: current index -> version index, increasing in both.
  const kept = new Map<number, number>();
  let lastJ = -1;
  current.tops.forEach((top, i) => {
    if (top.leaves.length === 0) return;
    const first = pairOf.get(top.leaves[0]);
    if (first === undefined) return;
    const j = topOfWanted.get(first)!;
    const other = wanted.tops[j];
    if (j <= lastJ || other.shape !== top.shape || other.leaves.length !== top.leaves.length) return;
    const fits = top.leaves.every((leaf, k) => pairOf.get(leaf) === other.leaves[k] && editable(current.leaves[leaf], wanted.leaves[other.leaves[k]]));
    if (!fits) return;
    kept.set(i, j);
    lastJ = j;
  });

  for (const [i, j] of kept) {
    current.tops[i].leaves.forEach((leaf, k) => editLine(current.leaves[leaf], wanted.leaves[wanted.tops[j].leaves[k]]));
  }
  const fragment = doc.getXmlFragment(TIPTAP_FIELD);
  // Deleted from the end, so the indices before stay valid (nodes the layout skipped are kept).
  const all = fragment.toArray();
  for (let i = current.tops.length - 1; i >= 0; i--) {
    if (kept.has(i)) continue;
    fragment.delete(all.indexOf(current.tops[i].node), 1);
  }
  const keptJ = new Set(kept.values());
  // What is left are the kept nodes, in the version's order: the others go in between.
  const keptOrder = [...kept.keys()].map((i) => current.tops[i].node);
  let keptSeen = 0;
  let pos = 0;
  wanted.tops.forEach((top, j) => {
    if (keptJ.has(j)) {
      pos = fragment.toArray().indexOf(keptOrder[keptSeen++]) + 1;
      return;
    }
    fragment.insert(pos, [top.node.clone()]);
    pos++;
  });
}
