import PDFDocument from 'pdfkit';

/**
 * A real PDF of `pages` pages with a title on each (pdfkit, as the record's export uses), padded
 * after its end to `minBytes` with a comment so an upload lasts long enough to show its progress;
 * the padding ends with %%EOF again, as an incremental update does, since the server wants it last.
 */
export async function makePdf(title: string, pages = 2, minBytes = 0): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: title } });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let p = 1; p <= pages; p++) {
    if (p > 1) doc.addPage();
    doc.fontSize(28).text(`${title} — ${p}`, 72, 96);
  }
  doc.end();
  await done;
  const pdf = Buffer.concat(parts);
  return pdf.length >= minBytes ? pdf : Buffer.concat([pdf, Buffer.from(`\n%${'0'.repeat(minBytes - pdf.length)}\n%%EOF\n`)]);
}
