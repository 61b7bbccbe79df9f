import JSZip from 'jszip';

const decode = (xml: string) =>
  xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A .docx as a test reads it: the body's XML, its paragraphs' text and its tables' rows. */
export interface DocxContent {
  xml: string;
  /** Every paragraph's text, in order (table cells included). */
  paragraphs: string[];
  /** Every table row, as its cells' text. */
  rows: string[][];
}

export async function readDocx(bytes: ArrayBuffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error('no word/document.xml in the file');
  const xml = await entry.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => decode(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((cell) => decode(cell[0]).trim()));
  return { xml, paragraphs, rows };
}
