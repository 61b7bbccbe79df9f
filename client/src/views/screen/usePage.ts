import { useEffect, useState } from 'react';

/** How long the hall gets to read one page of results before the next one. */
export const PAGE_MS = 8_000;

/**
 * The page on show out of `count`, turning by itself every PAGE_MS and starting over after the last:
 * the hall cannot scroll, so long results take turns. A timer, so a test moves it with its clock.
 */
export function usePage(count: number): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (count <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % count), PAGE_MS);
    return () => clearInterval(timer);
  }, [count]);
  return Math.min(page, Math.max(0, count - 1));
}

/** `items` cut into pages of `size`; one empty page for no items. */
export function pagesOf<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}
