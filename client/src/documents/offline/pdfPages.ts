/**
 * A PDF's page count as its page tree states it, read from the bytes the device already holds, so
 * the list can say "12 trang" before the viewer (pdf.js) is ever loaded. The root of the page tree
 * counts every page, so the largest `/Count` of a `/Type /Pages` object is the answer. A PDF whose
 * objects are compressed (object streams) shows none: then the count is unknown (null), not guessed.
 */
export function pdfPageCount(bytes: Uint8Array): number | null {
  const text = new TextDecoder('latin1').decode(bytes);
  let best: number | null = null;
  for (const obj of text.matchAll(/<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>)*)>>/g)) {
    const dict = obj[1];
    if (!/\/Type\s*\/Pages\b/.test(dict)) continue;
    const count = /\/Count\s+(\d{1,6})\b/.exec(dict);
    if (count) best = Math.max(best ?? 0, Number(count[1]));
  }
  return best !== null && best > 0 ? best : null;
}
