import type { Page } from 'playwright-core';

/** The tablet's and the observer's sections (client/src/views/tablet/Tabs.tsx). */
export type TabletTab = 'item' | 'speakers' | 'notes' | 'vote';

/** Opens a section of the tablet or observer view, as a member taps its tab, and waits until it shows. */
export async function openTabletTab(page: Page, tab: TabletTab): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.locator(`[data-testid="tab-${tab}"][aria-selected="true"]`).waitFor();
}
