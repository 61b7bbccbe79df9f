import { useState, type FormEvent } from 'react';
import { useDocumentsText } from './useDocumentsText.js';
import type { Search } from './useSearch.js';

/** The search field, the count of matches and the previous / next match buttons. */
export function SearchBar({ search, onFound }: { search: Search; onFound: (page: number) => void }) {
  const d = useDocumentsText();
  const [query, setQuery] = useState('');
  const [ran, setRan] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const first = await search.run(query);
    setRan(true);
    if (first) onFound(first.page);
  };
  const step = (by: 1 | -1) => {
    const match = search.step(by);
    if (match) onFound(match.page);
  };
  return (
    <form className="dv-search" role="search" onSubmit={(e) => void submit(e)} data-testid="search-bar">
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={d.search} placeholder={d.search} data-testid="search-input" autoFocus />
      <output data-testid="search-count" data-count={ran ? search.matches.length : undefined}>
        {ran && !search.searching ? d.matches(search.at + 1, search.matches.length) : ''}
      </output>
      <button type="button" onClick={() => step(-1)} disabled={search.matches.length === 0} aria-label={d.searchPrevious} title={d.searchPrevious} data-testid="search-prev">
        ▲
      </button>
      <button type="button" onClick={() => step(1)} disabled={search.matches.length === 0} aria-label={d.searchNext} title={d.searchNext} data-testid="search-next">
        ▼
      </button>
    </form>
  );
}
