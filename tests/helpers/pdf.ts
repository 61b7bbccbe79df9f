import { mkdirSync, writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF as a test reads it: each page's lines of text (NFC), and all of them joined. */
export interface PdfContent {
  pages: string[][];
  lines: string[];
  /** The lines joined by newlines. */
  text: string;
  /** The lines joined by spaces: a sentence wrapped over two lines reads whole. */
  joined: string;
}

/**
 * The text a reader would copy out of the PDF, extracted by pdf.js (its Node build) through each
 * font's ToUnicode map: a Vietnamese letter that survives here was embedded as itself.
 */
export async function readPdf(bytes: ArrayBuffer | Uint8Array): Promise<PdfContent> {
  const data = bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(bytes);
  const task = getDocument({ data, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  const pages: string[][] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      let lastY: number | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5];
        // A new baseline is a new line, whether or not pdf.js marked the end of the previous one.
        if (lastY !== null && Math.abs(y - lastY) > 2 && line !== '') {
          lines.push(line);
          line = '';
        }
        line += item.str;
        lastY = y;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line !== '') lines.push(line);
      pages.push(lines.map((l) => l.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean));
    }
  } finally {
    await task.destroy();
  }
  const lines = pages.flat();
  return { pages, lines, text: lines.join('\n'), joined: lines.join(' ') };
}

/** Every page as a PNG in test-results/screenshots/<name>-<n>.png, for a person to look at the layout. */
export async function savePdfPages(name: string, bytes: ArrayBuffer | Uint8Array): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  const task = getDocument({ data: new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)), verbosity: 0 });
  const pdf = await task.promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1.3 });
      const canvas = createCanvas(viewport.width, viewport.height);
      await page.render({ canvas: canvas as never, canvasContext: canvas.getContext('2d') as never, viewport }).promise;
      writeFileSync(`test-results/screenshots/${name}-${n}.png`, canvas.toBuffer('image/png'));
    }
  } finally {
    await task.destroy();
  }
}
