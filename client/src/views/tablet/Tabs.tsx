import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatCount } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export type TabId = 'item' | 'speakers' | 'notes' | 'vote' | 'documents';

/**
 * Per browser tab, so a reload (an app update, a lost connection) comes back to the same section.
 * The id is 'vote', not 'paper': nothing stored on the device may hint at a ballot.
 */
const STORAGE_KEY = 'phong-hop.tab';

function storedTab(): TabId | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY) as TabId | null;
  } catch {
    return null;
  }
}

/** The section shown, among those this device has; the first one until the person picks another. */
export function useTab(available: readonly TabId[]): [TabId, (tab: TabId) => void] {
  const [chosen, setChosen] = useState<TabId | null>(storedTab);
  const choose = useCallback((tab: TabId) => {
    setChosen(tab);
    try {
      sessionStorage.setItem(STORAGE_KEY, tab);
    } catch {
      // Private mode: the choice lasts until the page reloads.
    }
  }, []);
  return [chosen !== null && available.includes(chosen) ? chosen : available[0], choose];
}

export const tabDomId = (tab: TabId) => `tab-${tab}`;
const panelDomId = (tab: TabId) => `tab-panel-${tab}`;

/** One tap to each section: a bar at the bottom on phones and portrait tablets, along the top in landscape. */
export function TabBar({
  tabs,
  active,
  onSelect,
  badges = {},
}: {
  tabs: readonly TabId[];
  active: TabId;
  onSelect: (tab: TabId) => void;
  badges?: Partial<Record<TabId, ReactNode>>;
}) {
  const { t } = useI18n();
  const refs = useRef(new Map<TabId, HTMLButtonElement>());
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it; Tab leaves the bar.
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(active);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    onSelect(tab);
    refs.current.get(tab)?.focus();
  };
  return (
    <div className="tab-bar">
      <div role="tablist" aria-label={t.tablet.tabs} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              if (el) refs.current.set(tab, el);
              else refs.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={tabDomId(tab)}
            aria-controls={panelDomId(tab)}
            aria-selected={tab === active}
            tabIndex={tab === active ? 0 : -1}
            className={`tab ${tab === active ? 'is-active' : ''}`}
            data-testid={tabDomId(tab)}
            onClick={() => onSelect(tab)}
          >
            <span className="tab-label">{t.tablet.tab[tab]}</span>
            {badges[tab]}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A section's content; the hidden ones stay mounted, so the notes editor keeps its session and caret. */
export function TabPanel({ tab, active, children }: { tab: TabId; active: TabId; children: ReactNode }) {
  return (
    <section role="tabpanel" id={panelDomId(tab)} aria-labelledby={tabDomId(tab)} className={`tab-panel tab-panel-${tab}`} data-testid={panelDomId(tab)} hidden={tab !== active}>
      {children}
    </section>
  );
}

/** The count of papers waiting, on the vote tab. */
export function TabBadge({ count, label }: { count: number; label: string }) {
  const { lang } = useI18n();
  if (count === 0) return null;
  return (
    <span className="tab-badge" data-testid="tab-vote-badge" data-count={count}>
      <span aria-hidden="true">{formatCount(count, lang)}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
