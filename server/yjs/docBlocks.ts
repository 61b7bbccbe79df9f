import * as Y from 'yjs';
import type { AttributedBlock, AttributedRun, BlockType, DocBlock } from '../../shared/notes/history.js';
import { TIPTAP_FIELD } from '../export/prosemirror.js';

/**
 * A TipTap document (the XmlFragment `default`) read as the flat blocks of shared/notes/history.ts:
 * each paragraph-like line, with the kind of block it sits in (the innermost list or quote). Unlike
 * the export's reader, every line is kept, empty ones included: the restore maps blocks back to
 * the Yjs elements that hold them.
 */

/** One line of the document and where it lives. */
export interface Leaf {
  block: DocBlock;
  /** The element holding the line (null for a bare XmlText at the top). */
  element: Y.XmlElement | null;
  /** Its text when the line is one XmlText and nothing else, so it can be edited in place; else null. */
  text: Y.XmlText | null;
  /** The line holds nothing at all (an empty paragraph as TipTap leaves it). */
  empty: boolean;
}

/** A node of the fragment's top level and the lines inside it. */
export interface Top {
  node: Y.XmlElement | Y.XmlText;
  /** Indices of its lines in `leaves`. */
  leaves: number[];
  /** Its shape without the text: two nodes of one shape can have their lines edited in place. */
  shape: string;
}

export interface DocLayout {
  leaves: Leaf[];
  tops: Top[];
}

const textOfXmlText = (text: Y.XmlText): string => (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');

const childrenOf = (element: Y.XmlElement): (Y.XmlElement | Y.XmlText)[] =>
  element.toArray().filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);

/** Inline content: text and hard breaks. */
const isInline = (node: Y.XmlElement | Y.XmlText) => node instanceof Y.XmlText || node.nodeName === 'hardBreak';

function lineText(element: Y.XmlElement): string {
  return childrenOf(element)
    .map((c) => (c instanceof Y.XmlText ? textOfXmlText(c) : c.nodeName === 'hardBreak' ? '\n' : ''))
    .join('');
}

function shapeOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return 't';
  const children = childrenOf(node);
  const attrs = ['level', 'start'].map((a) => node.getAttribute(a) ?? '').join(',');
  if (children.every(isInline)) return `${node.nodeName}[${attrs}]`;
  return `${node.nodeName}[${attrs}](${children.map(shapeOf).join(' ')})`;
}

function walk(node: Y.XmlElement | Y.XmlText, context: BlockType | null, out: Leaf[]): void {
  const line = (type: BlockType, element: Y.XmlElement | null, level?: number) => {
    const own = type === 'heading' && level !== undefined ? { type, level } : { type };
    // A line inside a list or a quote is of that kind; a rule stays a rule.
    const block: DocBlock = context && type !== 'rule' ? { type: context, text: '' } : { ...own, text: '' };
    if (element === null) {
      const text = node as Y.XmlText;
      out.push({ block: { ...block, text: textOfXmlText(text) }, element: null, text, empty: false });
      return;
    }
    const children = childrenOf(element);
    const single = children.length === 1 && children[0] instanceof Y.XmlText ? children[0] : null;
    out.push({ block: { ...block, text: type === 'rule' ? '' : lineText(element) }, element, text: single, empty: children.length === 0 });
  };
  if (node instanceof Y.XmlText) return line(context ?? 'paragraph', null);
  switch (node.nodeName) {
    case 'paragraph':
    case 'codeBlock':
      return line('paragraph', node);
    case 'heading':
      return line('heading', node, Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1)));
    case 'horizontalRule':
      return line('rule', node);
    case 'blockquote':
      for (const child of childrenOf(node)) walk(child, 'blockquote', out);
      return;
    case 'bulletList':
    case 'orderedList':
      for (const child of childrenOf(node)) walk(child, node.nodeName === 'bulletList' ? 'bulletItem' : 'orderedItem', out);
      return;
    default: {
      const children = childrenOf(node);
      // An unknown node (a list item, a future block kind): a line if it holds only text, else its children.
      if (node.nodeName !== 'listItem' && children.every(isInline)) return line('paragraph', node);
      for (const child of children) walk(child, context, out);
    }
  }
}

/** The document's lines and its top-level nodes. */
export function layoutOf(doc: Y.Doc): DocLayout {
  const leaves: Leaf[] = [];
  const tops: Top[] = [];
  for (const node of doc.getXmlFragment(TIPTAP_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement || node instanceof Y.XmlText)) continue;
    const first = leaves.length;
    walk(node, null, leaves);
    tops.push({ node, leaves: leaves.slice(first).map((_, i) => first + i), shape: shapeOf(node) });
  }
  return { leaves, tops };
}

/** The document as plain blocks: what a version shows and what versions are compared by. */
export function docBlocks(doc: Y.Doc): DocBlock[] {
  return layoutOf(doc).leaves.map((l) => l.block);
}

/** The blocks of an encoded state (`Y.encodeStateAsUpdate`). */
export function blocksOfState(state: Uint8Array): DocBlock[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return docBlocks(doc);
  } finally {
    doc.destroy();
  }
}

/** Appends a run, joining it to the previous one when the author is the same. */
function pushRun(runs: AttributedRun[], text: string, author: string | null): void {
  if (text === '') return;
  const last = runs.at(-1);
  if (last && last.author === author) last.text += text;
  else runs.push({ text, author });
}

function runsOfText(text: Y.XmlText, authors: ReadonlyMap<number, string>, runs: AttributedRun[]): void {
  // The text's items in order: each visible string item carries the client id that inserted it.
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentString) pushRun(runs, item.content.str, authors.get(item.id.client) ?? null);
  }
}

/**
 * The document with every run of text attributed to the participant whose connection inserted it
 * (docs/YJS.md, "Attribution"): `authors` maps Yjs client ids to participants.
 */
export function attributedBlocks(doc: Y.Doc, authors: ReadonlyMap<number, string>): AttributedBlock[] {
  return layoutOf(doc).leaves.map((leaf) => {
    const { text: _text, ...shape } = leaf.block;
    const runs: AttributedRun[] = [];
    if (leaf.element === null && leaf.text) runsOfText(leaf.text, authors, runs);
    else if (leaf.element && leaf.block.type !== 'rule') {
      for (const child of childrenOf(leaf.element)) {
        if (child instanceof Y.XmlText) runsOfText(child, authors, runs);
        else if (child.nodeName === 'hardBreak') pushRun(runs, '\n', child._item ? (authors.get(child._item.id.client) ?? null) : null);
      }
    }
    return { ...shape, runs };
  });
}

/** Visible characters of the document. */
export function visibleLength(doc: Y.Doc): number {
  return docBlocks(doc).reduce((n, b) => n + b.text.length, 0);
}
