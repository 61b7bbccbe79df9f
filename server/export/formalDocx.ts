import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType } from 'docx';
import { PARTY_NAME, type FormalBlock, type FormalDocument, type Signer } from './formal.js';
import type { Block, Run } from './prosemirror.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const heading = (level: number) => HEADINGS[Math.min(6, Math.max(1, level)) - 1];
/** Twentieths of a point: a list level or a quote level is indented by half an inch. */
const STEP = 720;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function textRuns(runs: Run[]): TextRun[] {
  return runs.flatMap((run) => run.text.split('\n').map((text, i) => new TextRun({ text, bold: run.bold, italics: run.italic, break: i > 0 ? 1 : undefined })));
}

/** One document block as a Word paragraph; numbers are written out so each list keeps its own. */
function blockParagraph(block: Block, shift: number): Paragraph {
  if (block.kind === 'rule') {
    return new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } });
  }
  const runs = textRuns(block.runs);
  if (block.kind === 'heading') return new Paragraph({ heading: heading((block.level ?? 1) + shift), children: runs });
  const quoteIndent = block.quote * STEP;
  if (block.list && !block.list.ordered && block.list.first) {
    return new Paragraph({
      bullet: { level: Math.min(8, block.list.depth) },
      children: runs,
      indent: quoteIndent ? { left: quoteIndent + (block.list.depth + 1) * STEP } : undefined,
    });
  }
  if (block.list) {
    const left = quoteIndent + (block.list.depth + 1) * STEP;
    const marker = block.list.first ? [new TextRun({ text: `${block.list.number}.\t` })] : [];
    return new Paragraph({ children: [...marker, ...runs], indent: { left, hanging: block.list.first ? STEP / 2 : 0 } });
  }
  return new Paragraph({ children: runs, indent: quoteIndent ? { left: quoteIndent } : undefined, style: block.quote > 0 ? 'Quote' : undefined });
}

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

const centred = (runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs });

/** Two columns without borders: how a Word document puts the header's halves side by side. */
function sideBySide(columns: Paragraph[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: columns.map((children) => new TableCell({ borders: NO_BORDERS, width: { size: 100 / columns.length, type: WidthType.PERCENTAGE }, children })) }),
    ],
  });
}

function partyHeader(parentBody: string, body: string, placeDate: string): Table {
  const left = [
    ...(parentBody ? [centred([new TextRun({ text: parentBody.toUpperCase() })])] : []),
    centred([new TextRun({ text: body.toUpperCase(), bold: true })]),
    centred([new TextRun('*')]),
  ];
  const right = [centred([new TextRun({ text: PARTY_NAME, bold: true, underline: { type: UnderlineType.SINGLE } })]), centred([new TextRun({ text: placeDate, italics: true })])];
  return sideBySide([left, right]);
}

function signatures(signers: Signer[]): Table {
  return sideBySide(
    signers.map((s) => [
      centred([new TextRun({ text: s.title.toUpperCase(), bold: true })]),
      centred([new TextRun({ text: '(Ký, ghi rõ họ tên)', italics: true })]),
      // Room to sign.
      centred([new TextRun({ text: '', break: 3 })]),
      ...(s.names.length > 0 ? s.names.map((name) => centred([new TextRun({ text: name, bold: true })])) : [centred([new TextRun('………………………')])]),
    ]),
  );
}

function render(block: FormalBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'party-header':
      return [partyHeader(block.parentBody, block.body, block.placeDate), new Paragraph({ children: [] })];
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.text, bold: true })] }),
        ...(block.subtitle ? [centred([new TextRun({ text: block.subtitle, bold: true })])] : []),
      ];
    case 'heading':
      return [new Paragraph({ heading: heading(block.level), children: [new TextRun(block.text)] })];
    case 'text':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: block.bold, italics: block.italic })] })];
    case 'fact':
      return [new Paragraph({ children: [new TextRun({ text: `${block.label}: `, bold: true }), new TextRun(block.value)] })];
    case 'bullet':
      return [new Paragraph({ bullet: { level: 0 }, children: [new TextRun(block.text)] })];
    case 'table':
      return [table(block.header, block.rows)];
    case 'rich':
      return block.blocks.map((b) => blockParagraph(b, block.shift));
    case 'signatures':
      return [new Paragraph({ children: [] }), signatures(block.signers)];
  }
}

export async function formalToDocx(document: FormalDocument): Promise<Buffer> {
  const doc = new Document({
    title: document.title,
    creator: 'Phòng họp',
    // Times New Roman 13 pt: the usual face of Vietnamese administrative documents, with every diacritic.
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        // A4, margins of the Party's documents: 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right.
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: document.blocks.flatMap(render),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
