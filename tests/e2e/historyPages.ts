import type { Locator, Page } from 'playwright-core';
import type { TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openConsoleTab } from './consoleTabs.js';
import { prose } from './notesPages.js';

/** The console pane of a document tab ('notes' or 'minutes'): both stay mounted, so every lookup is scoped to the one shown. */
export function consolePane(page: Page, tab: 'notes' | 'minutes'): Locator {
  return page.locator(`#console-panel-${tab}`);
}

/** Opens a document's version history from where it is edited: its console tab, then one tap. */
export async function openHistory(page: Page, tab: 'notes' | 'minutes'): Promise<Locator> {
  await openConsoleTab(page, tab);
  const pane = consolePane(page, tab);
  await pane.getByTestId('history-open').click();
  await pane.getByTestId('doc-history').waitFor();
  return pane;
}

/** A version of the list by its kind (the newest of that kind first). */
export function versionRow(pane: Locator, kind: string): Locator {
  return pane.locator(`[data-testid="version-row"][data-kind="${kind}"]`).first();
}

/**
 * Puts the caret at the end of the `index`-th block's text, as a tap there would, and waits until the
 * editor has it (a key pressed before would land where the caret was).
 */
export async function caretAtEndOfBlock(page: Page, index: number, testId = 'notes-editor'): Promise<void> {
  const editor = prose(page, testId);
  await editor.locator(':scope > *').nth(index).click();
  await waitFor(
    async () => {
      await page.keyboard.press('End');
      return editor.evaluate((el, i) => {
        interface PmNode {
          nodeSize: number;
          child(n: number): PmNode;
        }
        const { state, isFocused } = (el as HTMLElement & { editor: { state: { selection: { to: number }; doc: PmNode }; isFocused: boolean } }).editor;
        let end = 0;
        for (let n = 0; n <= i; n++) end += state.doc.child(n).nodeSize;
        // The end of a paragraph's text is one before its closing token.
        return isFocused && state.selection.to === end - 1;
      }, index);
    },
    5000,
    `the caret at the end of block ${index}`,
  );
}

/** An answer of the server's document API to this participant's own link (status and body). */
export async function getAs(server: TestServer, participantId: string, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/${path}`, { headers: { Authorization: `Bearer ${server.tokenOf(participantId)}` } });
  return { status: response.status, body: await response.json().catch(() => null) };
}
