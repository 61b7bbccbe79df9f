import type { Page } from 'playwright-core';

/**
 * Shows one part of the chair console (tab ids in client/src/views/chair/useConsoleTab.ts: 'floor',
 * 'ballots', 'review', 'attendance', 'screen', 'announcement', 'stats', 'notes', 'minutes', 'notices', 'agenda').
 * On a wide screen the agenda sits beside the tabs and has none: nothing to press.
 */
export async function openConsoleTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId('console-tabs').waitFor();
  const button = page.getByTestId(`console-tab-${tab}`);
  if (tab === 'agenda' && (await button.count()) === 0) return;
  await button.click();
  await page.locator(`#console-panel-${tab}:not([hidden])`).waitFor();
}
