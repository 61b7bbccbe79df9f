import PDFDocument from 'pdfkit';
import { PDF_FONTS } from '../../server/export/fonts.js';
import { noisePng } from './bigImage.js';

/** The phrase the reader's tests search for: on pages 2 and 3, with every kind of Vietnamese tone mark. */
export const PHRASE = 'Hoàn thành xuất sắc';

/**
 * A review report as these bodies write them: Noto Serif (server/export/fonts.ts, embedded, so the
 * text layer carries real Vietnamese letters), `pages` A4 pages, each with a heading and a few
 * paragraphs; PHRASE on pages 2 and 3 (twice on 3). `lastPageImage`: a picture of random pixels that
 * side on the last page, so the file is large and page 1 a small part of it.
 */
export async function vietnameseReport(pages = 4, opts: { lastPageImage?: number } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Báo cáo kiểm điểm tập thể' } });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('body', PDF_FONTS.regular);
  doc.registerFont('bold', PDF_FONTS.bold);
  for (let p = 1; p <= pages; p++) {
    if (p > 1) doc.addPage();
    doc.font('bold').fontSize(20).text(`Phần ${p}. Đánh giá kết quả thực hiện nhiệm vụ`, 72, 80);
    doc.moveDown();
    doc.font('body').fontSize(13).text('Tập thể Ban Thường vụ đã lãnh đạo, chỉ đạo thực hiện nghiêm túc nghị quyết của cấp trên; đoàn kết, thống nhất cao.');
    if (p === 2) doc.moveDown().text(`Xếp loại: ${PHRASE} nhiệm vụ năm 2026.`);
    if (p === 3) doc.moveDown().text(`Chi bộ 1: ${PHRASE}. Chi bộ 2: ${PHRASE} nhiệm vụ.`);
    doc.moveDown().text('Hạn chế, khuyết điểm: việc sơ kết, tổng kết có lúc còn chậm; cần khắc phục trong thời gian tới.');
    // An appendix picture that makes the file large, after every earlier page's bytes.
    if (p === pages && opts.lastPageImage) doc.image(noisePng(opts.lastPageImage), 72, 320, { width: 400 });
  }
  doc.end();
  await done;
  return Buffer.concat(parts);
}

/** A file that starts and ends like a PDF (so the server's content check takes it) and is nothing inside. */
export function malformedPdf(): Buffer {
  return Buffer.from(`%PDF-1.7\n${'garbage, no objects, no xref '.repeat(40)}\n%%EOF\n`);
}
