import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'react';
import { findInRuns, type Match } from './search.js';

export interface Search {
  matches: Match[];
  /** The match the reader is on, index into `matches`, or -1. */
  at: number;
  searching: boolean;
  run(query: string): Promise<Match | null>;
  step(by: 1 | -1): Match | null;
}

/** The text runs of a page, as its text layer's spans show them (non-empty, in order). */
async function runsOf(pdf: PDFDocumentProxy, page: number): Promise<string[]> {
  const content = await (await pdf.getPage(page)).getTextContent();
  return content.items.flatMap((item) => ('str' in item && item.str !== '' ? [item.str] : []));
}

/** Search across every page of `pdf`; each page's text is read once and kept. */
export function useSearch(pdf: PDFDocumentProxy | null): Search {
  const texts = useRef(new Map<number, Promise<string[]>>());
  const [matches, setMatches] = useState<Match[]>([]);
  const [at, setAt] = useState(-1);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    texts.current = new Map();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- another document: the last one's matches mean nothing here
    setMatches([]);
    setAt(-1);
  }, [pdf]);

  const run = useCallback(
    async (query: string): Promise<Match | null> => {
      if (!pdf) return null;
      setSearching(true);
      const found: Match[] = [];
      try {
        for (let page = 1; page <= pdf.numPages; page++) {
          let runs = texts.current.get(page);
          if (!runs) texts.current.set(page, (runs = runsOf(pdf, page)));
          for (const range of findInRuns(await runs, query)) found.push({ page, ...range });
        }
      } finally {
        setSearching(false);
      }
      setMatches(found);
      setAt(found.length > 0 ? 0 : -1);
      return found[0] ?? null;
    },
    [pdf],
  );

  const step = useCallback(
    (by: 1 | -1): Match | null => {
      if (matches.length === 0) return null;
      const next = (at + by + matches.length) % matches.length;
      setAt(next);
      return matches[next];
    },
    [matches, at],
  );

  return { matches, at, searching, run, step };
}
