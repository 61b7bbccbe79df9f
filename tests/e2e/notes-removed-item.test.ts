import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesDocName } from '../../shared/notes/access.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { accepted } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { focusEnd, openAs, storedText } from './notesPages.js';

const ITEM = 'review-m2';
const DOC = notesDocName(ITEM);

/**
 * The chair removes an item whose notes a member has open on the tablet (written ahead of it). The
 * tablet must not crash: it leaves the removed item's notes for the item it would show anyway, and no
 * longer offers the removed one. The notes stay in the store, as written.
 */
describe('a tablet with the notes of an item the chair removes', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;

  beforeAll(async () => {
    server = await startServer();
    chair = await server.connectAs('chair');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('goes on without a crash, off the removed item, and the notes written there are kept', async () => {
    const page = await openAs(browser, server, 'm3', { width: 800, height: 1200 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.locator('[data-testid="notes-item-picker"]').selectOption(ITEM);
    await page.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"] [data-testid="doc-status"][data-phase="synced"]`).waitFor();
    await focusEnd(page);
    await page.keyboard.type('Góp ý viết trước cho đồng chí Hai');
    await waitFor(async () => (await storedText(server, DOC)).includes('Góp ý viết trước cho đồng chí Hai'), 10_000, 'the notes stored');

    await chair.waitForVersion(accepted(await chair.send({ type: 'agenda.remove', itemId: ITEM })));
    // Before the meeting starts, the panel shows the first item of the day.
    await page.locator('[data-testid="notes-doc"][data-item-id="open"] [data-testid="doc-status"][data-phase="synced"]').waitFor();
    const offered = await page.locator('[data-testid="notes-item-picker"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).not.toContain(ITEM);
    expect(await page.locator('[data-testid="crashed"]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(await storedText(server, DOC)).toBe('Góp ý viết trước cho đồng chí Hai');
  }, 60_000);
});
