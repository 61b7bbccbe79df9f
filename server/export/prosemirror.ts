import * as Y from 'yjs';

/**
 * Rich text as the export needs it, read from a TipTap (y-prosemirror) document: a flat list of
 * blocks, each a paragraph-like line with its list, heading and quote context.
 */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface Block {
  kind: 'paragraph' | 'heading' | 'rule';
  /** Heading level, 1-6. */
  level?: number;
  /** Set on blocks inside a list item: the first block of an item carries its marker. */
  list?: { ordered: boolean; depth: number; number: number; first: boolean };
  /** Blockquote nesting. */
  quote: number;
  runs: Run[];
}

/** TipTap's Collaboration extension keeps the editor content in this fragment. */
export const TIPTAP_FIELD = 'default';

interface Context {
  quote: number;
  list?: Block['list'];
}

/** y-prosemirror stores a mark as a text attribute named after it, with a hash suffix when repeated. */
const hasMark = (attributes: Record<string, unknown> | undefined, names: string[]) =>
  Object.keys(attributes ?? {}).some((key) => names.some((name) => key === name || key.startsWith(`${name}--`)));

function runsOf(element: Y.XmlElement | Y.XmlText): Run[] {
  if (element instanceof Y.XmlText) {
    const delta = element.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
    return delta
      .filter((op) => typeof op.insert === 'string')
      .map((op) => ({
        text: op.insert as string,
        bold: hasMark(op.attributes, ['bold', 'strong']),
        italic: hasMark(op.attributes, ['italic', 'em']),
      }));
  }
  if (element.nodeName === 'hardBreak') return [{ text: '\n', bold: false, italic: false }];
  return element.toArray().flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? runsOf(child) : []));
}

function walk(node: Y.XmlElement | Y.XmlText, ctx: Context, out: Block[]): void {
  const line = (kind: Block['kind'], runs: Run[], level?: number) => {
    out.push({ kind, level, list: ctx.list, quote: ctx.quote, runs });
    // Only an item's first line shows its bullet or number; the rest continue it.
    if (ctx.list) ctx.list = { ...ctx.list, first: false };
  };
  if (node instanceof Y.XmlText) return line('paragraph', runsOf(node));
  const children = node.toArray().filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);
  switch (node.nodeName) {
    case 'paragraph':
    case 'codeBlock':
      return line('paragraph', runsOf(node));
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1));
      return line('heading', runsOf(node), level);
    }
    case 'horizontalRule':
      return line('rule', []);
    case 'blockquote':
      for (const child of children) walk(child, { ...ctx, quote: ctx.quote + 1 }, out);
      return;
    case 'bulletList':
    case 'orderedList': {
      const ordered = node.nodeName === 'orderedList';
      const start = Number(node.getAttribute('start')) || 1;
      const depth = ctx.list ? ctx.list.depth + 1 : 0;
      children.forEach((item, i) => {
        const itemCtx: Context = { quote: ctx.quote, list: { ordered, depth, number: start + i, first: true } };
        const blocks = item instanceof Y.XmlElement && item.nodeName === 'listItem' ? item.toArray() : [item];
        for (const block of blocks) if (block instanceof Y.XmlElement || block instanceof Y.XmlText) walk(block, itemCtx, out);
      });
      return;
    }
    default:
      // An unknown node: keep its text rather than lose it.
      if (children.every((c) => c instanceof Y.XmlText || c.nodeName === 'hardBreak')) return line('paragraph', runsOf(node));
      for (const child of children) walk(child, ctx, out);
  }
}

/** The blocks of a document's TipTap content, in order. */
export function blocksOf(doc: Y.Doc): Block[] {
  const out: Block[] = [];
  for (const node of doc.getXmlFragment(TIPTAP_FIELD).toArray()) {
    if (node instanceof Y.XmlElement || node instanceof Y.XmlText) walk(node, { quote: 0 }, out);
  }
  // Trailing empty paragraphs are the editor's, not the author's.
  while (out.length > 0 && out.at(-1)!.kind === 'paragraph' && out.at(-1)!.runs.every((r) => r.text.trim() === '')) out.pop();
  return out;
}
