import PDFDocument from 'pdfkit';
import { PDF_FONTS } from './fonts.js';
import { PARTY_NAME, type FormalBlock, type FormalDocument, type Signer } from './formal.js';
import type { Block, Run } from './prosemirror.js';

type Pdf = PDFKit.PDFDocument;

const MM = 72 / 25.4;
/** A4 with the margins of the Party's documents: 20 mm top and bottom, 30 mm left, 20 mm right. */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
const SIZE = { text: 13, small: 11, table: 10.5, title: 15, heading: [14, 13, 13] };

const face = (bold: boolean, italic: boolean) => (bold ? (italic ? 'bold-italic' : 'bold') : italic ? 'italic' : 'regular');

function width(pdf: Pdf): number {
  return pdf.page.width - MARGINS.left - MARGINS.right;
}

/** Starts a new page when `needed` points do not fit on this one. */
function room(pdf: Pdf, needed: number): void {
  if (pdf.y + needed > pdf.page.height - MARGINS.bottom) pdf.addPage();
}

/** Lines centred in columns side by side, starting at the same height; the cursor ends below the longest. */
function columns(pdf: Pdf, cols: { lines: { text: string; bold?: boolean; italic?: boolean; underline?: boolean }[]; share: number }[]): void {
  const top = pdf.y;
  let x = MARGINS.left;
  let bottom = top;
  for (const col of cols) {
    const w = width(pdf) * col.share;
    pdf.y = top;
    for (const line of col.lines) {
      pdf.font(face(!!line.bold, !!line.italic)).fontSize(SIZE.text).text(line.text, x, pdf.y, { width: w, align: 'center', underline: line.underline });
    }
    bottom = Math.max(bottom, pdf.y);
    x += w;
  }
  pdf.x = MARGINS.left;
  pdf.y = bottom;
}

function runs(pdf: Pdf, list: Run[], opts: { indent: number; size: number; boldAll?: boolean }): void {
  const parts = list.length > 0 ? list : [{ text: '', bold: false, italic: false }];
  room(pdf, opts.size * 1.4);
  parts.forEach((run, i) => {
    pdf.font(face(run.bold || !!opts.boldAll, run.italic)).fontSize(opts.size);
    const continued = i < parts.length - 1;
    // Only the first piece places the paragraph: pdfkit continues the others on its line wrapper,
    // and giving them a position or width again would start a new line at each change of face.
    if (i === 0) pdf.text(run.text, MARGINS.left + opts.indent, pdf.y, { width: width(pdf) - opts.indent, continued });
    else pdf.text(run.text, { continued });
  });
}

function richBlock(pdf: Pdf, block: Block, shift: number): void {
  if (block.kind === 'rule') {
    room(pdf, 12);
    const y = pdf.y + 4;
    pdf
      .moveTo(MARGINS.left, y)
      .lineTo(MARGINS.left + width(pdf), y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
      .strokeColor('#000000');
    pdf.y = y + 8;
    return;
  }
  if (block.kind === 'heading') {
    const level = Math.min(3, (block.level ?? 1) + shift);
    pdf.moveDown(0.3);
    return runs(pdf, block.runs, { indent: 0, size: SIZE.heading[level - 1] ?? SIZE.text, boldAll: true });
  }
  const step = 18;
  const listIndent = block.list ? (block.list.depth + 1) * step : 0;
  const indent = block.quote * step + listIndent;
  if (block.list?.first) {
    const marker = block.list.ordered ? `${block.list.number}.` : '•';
    room(pdf, SIZE.text * 1.4);
    const y = pdf.y;
    pdf
      .font('regular')
      .fontSize(SIZE.text)
      .text(marker, MARGINS.left + indent - step, y, { width: step, lineBreak: false });
    pdf.y = y;
  }
  const top = pdf.y;
  runs(pdf, block.runs, { indent, size: SIZE.text });
  // A quotation is marked by a rule in its margin, as the editor shows it, not by indentation alone.
  for (let level = 0; level < block.quote && pdf.y > top; level++) {
    const x = MARGINS.left + level * step + 6;
    pdf
      .moveTo(x, top + 2)
      .lineTo(x, pdf.y - 2)
      .lineWidth(1)
      .strokeColor('#999999')
      .stroke()
      .strokeColor('#000000');
  }
}

/**
 * Column widths from the content: each column gets at least its longest word (a date, a count), the
 * first (the names) then as much as its text needs, and what is left goes where the text is longest,
 * so short figures and names are not broken across lines.
 */
function columnWidths(pdf: Pdf, header: string[], rows: string[][], total: number, pad: number, size: number): number[] {
  // pdfkit wraps a little before the measured width: a few points of slack keep a word whole.
  const slack = 2 * pad + 4;
  const measure = (text: string, bold: boolean) => pdf.font(face(bold, false)).fontSize(size).widthOfString(text);
  const cells = (i: number) => [{ text: header[i], bold: true }, ...rows.map((r) => ({ text: r[i] ?? '', bold: false }))];
  const least = header.map((_, i) => Math.max(...cells(i).flatMap((c) => c.text.split(/\s+/).map((w) => measure(w, c.bold)))) + slack);
  // The rows' text decides where the room goes: a long header wraps rather than squeeze a name.
  const natural = header.map((_, i) => Math.max(least[i], ...rows.map((r) => measure(r[i] ?? '', false) + slack)));
  const widths = [...least];
  let spare = total - widths.reduce((a, b) => a + b, 0);
  if (spare <= 0) return widths.map((w) => (w * total) / (total - spare));
  const first = Math.min(spare, natural[0] - widths[0]);
  widths[0] += first;
  spare -= first;
  const want = natural.map((n, i) => (i === 0 ? 0 : n - widths[i]));
  const wanted = want.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => w + (wanted > spare ? (spare * want[i]) / wanted : want[i] + (spare - wanted) / widths.length));
}

/** A grid with a bold header row, repeated on every page it runs onto. */
function grid(pdf: Pdf, header: string[], rows: string[][]): void {
  const pad = 3;
  // A rating's table has a column per level and more: a point smaller keeps its words whole.
  const size = header.length > 6 ? SIZE.table - 1 : SIZE.table;
  const widths = columnWidths(pdf, header, rows, width(pdf), pad, size);
  pdf.fontSize(size);
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((c, i) =>
        pdf
          .font(face(bold, false))
          .fontSize(size)
          .heightOfString(c || ' ', { width: widths[i] - 2 * pad }),
      ),
    ) +
    2 * pad;
  const draw = (cells: string[], bold: boolean) => {
    const h = heightOf(cells, bold);
    if (pdf.y + h > pdf.page.height - MARGINS.bottom) {
      pdf.addPage();
      if (!bold) draw(header, true);
    }
    const y = pdf.y;
    let x = MARGINS.left;
    cells.forEach((c, i) => {
      pdf.lineWidth(0.5).rect(x, y, widths[i], h).stroke();
      pdf
        .font(face(bold, false))
        .fontSize(size)
        .text(c, x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    pdf.x = MARGINS.left;
    pdf.y = y + h;
  };
  draw(header, true);
  for (const row of rows) draw(row, false);
  pdf.moveDown(0.5);
}

function signatures(pdf: Pdf, signers: Signer[]): void {
  // Three to a row at most: a committee of five and the chair sign on two rows.
  for (let i = 0; i < signers.length; i += 3) {
    const row = signers.slice(i, i + 3);
    room(pdf, 130);
    pdf.moveDown(1);
    const share = 1 / row.length;
    columns(
      pdf,
      row.map((s) => ({
        share,
        lines: [
          { text: s.title.toUpperCase(), bold: true },
          { text: '(Ký, ghi rõ họ tên)', italic: true },
        ],
      })),
    );
    // Room to sign, then the names on one level whatever the titles' lengths.
    pdf.moveDown(3.5);
    columns(
      pdf,
      row.map((s) => ({ share, lines: s.names.length > 0 ? s.names.map((name) => ({ text: name, bold: true })) : [{ text: '………………………' }] })),
    );
  }
}

function render(pdf: Pdf, block: FormalBlock): void {
  switch (block.kind) {
    case 'party-header':
      columns(pdf, [
        {
          share: 0.45,
          lines: [...(block.parentBody ? [{ text: block.parentBody.toUpperCase() }] : []), { text: block.body.toUpperCase(), bold: true }, { text: '*' }],
        },
        {
          share: 0.55,
          lines: [
            { text: PARTY_NAME, bold: true, underline: true },
            { text: block.placeDate, italic: true },
          ],
        },
      ]);
      pdf.moveDown(1);
      return;
    case 'title':
      room(pdf, 60);
      pdf
        .font('bold')
        .fontSize(SIZE.title)
        .text(block.text, MARGINS.left, pdf.y, { width: width(pdf), align: 'center' });
      if (block.subtitle)
        pdf
          .font('bold')
          .fontSize(SIZE.text)
          .text(block.subtitle, { width: width(pdf), align: 'center' });
      pdf.moveDown(0.8);
      return;
    case 'heading':
      room(pdf, 50);
      pdf.moveDown(0.4);
      pdf
        .font('bold')
        .fontSize(SIZE.heading[block.level - 1])
        .text(block.text, MARGINS.left, pdf.y, { width: width(pdf) });
      pdf.moveDown(0.2);
      return;
    case 'text':
      return runs(pdf, [{ text: block.text, bold: !!block.bold, italic: !!block.italic }], { indent: 0, size: SIZE.text });
    case 'fact':
      return runs(
        pdf,
        [
          { text: `${block.label}: `, bold: true, italic: false },
          { text: block.value, bold: false, italic: false },
        ],
        { indent: 0, size: SIZE.text },
      );
    case 'bullet':
      return richBlock(
        pdf,
        { kind: 'paragraph', quote: 0, list: { ordered: false, depth: 0, number: 1, first: true }, runs: [{ text: block.text, bold: false, italic: false }] },
        0,
      );
    case 'table':
      room(pdf, 40);
      return grid(pdf, block.header, block.rows);
    case 'rich':
      for (const b of block.blocks) richBlock(pdf, b, block.shift);
      return;
    case 'signatures':
      return signatures(pdf, block.signers);
  }
}

/** The document as a PDF, Noto Serif embedded (a subset: only the letters used), so it prints the same anywhere. */
export function formalToPdf(document: FormalDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margins: MARGINS, info: { Title: document.title, Creator: 'Phòng họp' }, lang: 'vi-VN', displayTitle: true });
  pdf.registerFont('regular', PDF_FONTS.regular);
  pdf.registerFont('bold', PDF_FONTS.bold);
  pdf.registerFont('italic', PDF_FONTS.italic);
  pdf.registerFont('bold-italic', PDF_FONTS.boldItalic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('regular').fontSize(SIZE.text);
  for (const block of document.blocks) render(pdf, block);
  pdf.end();
  return done;
}
