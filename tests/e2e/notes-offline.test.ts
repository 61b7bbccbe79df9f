import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesDocName } from '../../shared/notes/access.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { contentHtml, contentText, focusEnd, prose, storedText } from './notesPages.js';
import { openTabletTab } from './tabletTabs.js';

const ITEM = 'review-m1';
const DOC = notesDocName(ITEM);
const status = '[data-testid="notes-editor"] [data-testid="doc-status"]';

describe('notes on a tablet that loses its connection', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'agenda.open', itemId: ITEM })).toMatchObject({ ok: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps edits made offline on the device, across a reload, and merges them on reconnect', async () => {
    const one = await browser.device({ width: 1280, height: 800 });
    const two = await browser.device();
    const [m1, m2] = [one.page, two.page];
    await m1.goto(`${server.url}/join/${server.tokenOf('m1')}`);
    await m2.goto(`${server.url}/join/${server.tokenOf('m2')}`);
    for (const page of [m1, m2]) {
      await openTabletTab(page, 'notes');
      await page.locator(`${status}[data-phase="synced"]`).waitFor();
    }

    await focusEnd(m1);
    await m1.keyboard.type('Trước khi mất mạng.');
    await waitFor(async () => (await contentText(m2)).includes('Trước khi mất mạng.'), 10_000, 'the first line on m2');
    // The app shell is on the device before the network goes (the service worker has stored it).
    await waitFor(() => m1.evaluate(async () => (await navigator.serviceWorker.ready) !== null && (await caches.match('/__shell')) !== undefined), 15_000, 'the app shell cached');

    await one.context.setOffline(true);
    await m1.locator(`${status}[data-phase="offline"]`).waitFor();
    await m1.keyboard.press('Enter');
    await m1.keyboard.type('Ghi khi mất mạng: cần làm rõ trách nhiệm cá nhân.');
    await m1.locator(`${status}[data-pending="true"]`).waitFor();

    // Meanwhile m2, still online, writes too; its line reaches the server but m1's does not.
    await focusEnd(m2);
    await m2.keyboard.press('Enter');
    await m2.keyboard.type('Ý kiến của đồng chí Hai trong lúc đó.');
    await waitFor(async () => (await storedText(server, DOC)).includes('trong lúc đó'), 10_000, "m2's line stored");
    expect(await contentText(m2)).not.toContain('Ghi khi mất mạng');
    expect(await storedText(server, DOC)).not.toContain('Ghi khi mất mạng');
    expect(await contentText(m1)).not.toContain('trong lúc đó');

    // A reload without any network still opens the meeting and its notes, from the device.
    await m1.reload();
    await m1.locator('[data-testid="tablet-view"]').waitFor();
    await m1.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    await m1.locator('[data-testid="stale-notice"]').waitFor();
    await m1.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
    await waitFor(async () => (await contentText(m1)).includes('Ghi khi mất mạng: cần làm rõ trách nhiệm cá nhân.'), 10_000, 'the offline edit after the reload');
    expect(await contentText(m1)).toContain('Trước khi mất mạng.');
    await m1.locator(`${status}[data-phase="offline"]`).waitFor();
    await focusEnd(m1);
    await m1.keyboard.press('Enter');
    await m1.keyboard.type('Sau khi tải lại, vẫn chưa có mạng.');
    await browser.screenshot(m1, 'notes-tablet-offline');

    await one.context.setOffline(false);
    await m1.locator('[data-testid="connection"][data-state="connected"]').waitFor();
    await m1.locator(`${status}[data-phase="synced"]`).waitFor();
    const lines = ['Trước khi mất mạng.', 'Ghi khi mất mạng: cần làm rõ trách nhiệm cá nhân.', 'Ý kiến của đồng chí Hai trong lúc đó.', 'Sau khi tải lại, vẫn chưa có mạng.'];
    await waitFor(
      async () => {
        const [a, b] = await Promise.all([contentHtml(m1), contentHtml(m2)]);
        return a === b && lines.every((l) => a.includes(l));
      },
      15_000,
      'both pages to converge',
    );
    await waitFor(
      async () => {
        const stored = await storedText(server, DOC);
        return lines.every((l) => stored.includes(l));
      },
      10_000,
      'every line stored',
    );
    await expect(prose(m1).getAttribute('contenteditable')).resolves.toBe('true');
  }, 90_000);
});
