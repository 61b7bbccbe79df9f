import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export const CONSOLE_TABS = ['agenda', 'floor', 'ballots', 'review', 'attendance', 'screen', 'announcement', 'stats', 'notes', 'minutes', 'notices', 'documents'] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number];

/** Wide enough for the agenda beside the tabs (a laptop, a landscape tablet); below it the agenda is a tab. */
export const SIDE_BY_SIDE = '(min-width: 1000px) and (orientation: landscape)';
const STORED = 'phong-hop.console-tab';

const isTab = (value: string | null): value is ConsoleTab => value !== null && (CONSOLE_TABS as readonly string[]).includes(value);

function fromHash(): ConsoleTab | null {
  const hash = window.location.hash.slice(1);
  return isTab(hash) ? hash : null;
}

function initialTab(): ConsoleTab {
  const stored = sessionStorage.getItem(STORED);
  return fromHash() ?? (isTab(stored) ? stored : 'floor');
}

/**
 * The console's open tab, in the address (`#ballots`, so a reload or a link such as the quorum chip's
 * `#attendance` lands on it) and in this tab's session storage. Replaces the history entry rather than
 * adding one: Back leaves the console as before, not through every tab visited.
 */
export function useConsoleTab(): [ConsoleTab, (tab: ConsoleTab) => void] {
  const [tab, setTab] = useState(initialTab);
  useEffect(() => {
    const onHash = () => {
      const hashed = fromHash();
      if (hashed) setTab(hashed);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    sessionStorage.setItem(STORED, tab);
    if (window.location.hash !== `#${tab}`) history.replaceState(history.state, '', `#${tab}`);
  }, [tab]);
  return [tab, useCallback((next: ConsoleTab) => setTab(next), [])];
}

/** Whether a media query holds, following changes (rotation, a resized window). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
