import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import type { TestBrowser } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { textOf } from '../helpers/yjs.js';
import { openTabletTab } from './tabletTabs.js';

/** Opens `participantId`'s personal link in a fresh device and waits for their view, on its notes tab if it has tabs. */
export async function openAs(browser: TestBrowser, server: TestServer, participantId: string, size = { width: 1280, height: 900 }): Promise<Page> {
  const { page } = await browser.device(size);
  await page.goto(`${server.url}/join/${server.tokenOf(participantId)}`);
  await page.locator('[data-testid="connection"][data-state="connected"]').waitFor();
  const view = page.locator('[data-testid="tablet-view"], [data-testid="observer-view"], [data-testid="chair-console"], [data-testid="screen-view"]').first();
  await view.waitFor({ state: 'attached' });
  if (['tablet-view', 'observer-view'].includes((await view.getAttribute('data-testid'))!)) await openTabletTab(page, 'notes');
  return page;
}

/** The editable (or read-only) text of a notes editor on the page. */
export function prose(page: Page, testId = 'notes-editor'): Locator {
  return page.locator(`[data-testid="${testId}"] .ProseMirror`);
}

/** The editor's HTML without other people's carets and selections (which differ per page by design). */
export async function contentHtml(page: Page, testId = 'notes-editor'): Promise<string> {
  return prose(page, testId).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    // ProseMirror pads a line that ends at a widget (a caret) with a separator and a break.
    copy.querySelectorAll('.collaboration-carets__caret, .ProseMirror-separator, .ProseMirror-trailingBreak').forEach((c) => c.remove());
    copy.querySelectorAll('.ProseMirror-yjs-selection').forEach((s) => s.replaceWith(...s.childNodes));
    return copy.innerHTML;
  });
}

/** The editor's text without carets. */
export async function contentText(page: Page, testId = 'notes-editor'): Promise<string> {
  return prose(page, testId).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return copy.innerText;
  });
}

/** The document as the server has stored it (every update in its log, applied in order). */
export async function storedDoc(server: TestServer, docName: string): Promise<Y.Doc> {
  const { updates } = await server.store.loadDoc(server.meeting.meetingId, docName);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

export async function storedText(server: TestServer, docName: string): Promise<string> {
  return textOf(await storedDoc(server, docName));
}

/**
 * Places the caret at the end of the editor's text as a user does (tap, Ctrl+End), and waits until
 * the editor has taken the new selection in: it reads the DOM selection asynchronously, and a key
 * pressed before that would land where the caret was.
 */
export async function focusEnd(page: Page, testId = 'notes-editor'): Promise<void> {
  const editor = prose(page, testId);
  await editor.click();
  await waitFor(
    async () => {
      await page.keyboard.press('Control+End');
      return editor.evaluate((el) => {
        interface PmNode {
          lastChild: PmNode | null;
          isTextblock: boolean;
          content: { size: number };
        }
        // TipTap hangs the editor on its element.
        const { state, isFocused } = (el as HTMLElement & { editor: { state: { selection: { to: number }; doc: PmNode }; isFocused: boolean } }).editor;
        let node = state.doc;
        let closing = 0;
        while (node.lastChild && !node.isTextblock) {
          node = node.lastChild;
          closing++;
        }
        return isFocused && state.selection.to === state.doc.content.size - closing;
      });
    },
    5000,
    'the caret at the end of the notes',
  );
}
