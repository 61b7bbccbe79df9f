/**
 * Search in a PDF's text, one page at a time. A page's text is its runs (pdf.js text items, which
 * are also the text layer's spans, in the same order) joined by a space; a match is a range of
 * runs, so the same function finds matches to count (from `getTextContent`) and to highlight (from
 * the rendered spans). Case is ignored, Vietnamese tone marks are not ("hoàn" is not "hoan").
 */
export interface RunRange {
  first: number;
  last: number;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi');

export function normaliseQuery(query: string): string {
  return fold(query).replace(/\s+/g, ' ').trim();
}

export function findInRuns(runs: readonly string[], query: string): RunRange[] {
  const needle = normaliseQuery(query);
  if (needle === '') return [];
  const starts: number[] = [];
  let text = '';
  for (const run of runs) {
    starts.push(text.length);
    text += `${fold(run)} `;
  }
  const runAt = (offset: number): number => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > offset) i--;
    return i;
  };
  const found: RunRange[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found.push({ first: runAt(at), last: runAt(at + needle.length - 1) });
  return found;
}

/** One match anywhere in the document: its page (1-based) and its runs there. */
export interface Match extends RunRange {
  page: number;
}
