import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { documentsPath } from '../../shared/documents/urls.js';
import type { DocumentVisibility } from '../../shared/documents/types.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { testDefinition } from '../helpers/definitions.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { makePdf } from '../documents-room/pdfs.js';
import { openConsoleTab } from './consoleTabs.js';

const titlesOn = (page: Page) => page.getByTestId('document-title').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));

async function openDocumentsTab(page: Page): Promise<void> {
  await page.getByTestId('tab-documents').click();
  await page.locator('[data-testid="tab-documents"][aria-selected="true"]').waitFor();
}

/** What keeps a tablet honest: refusals explained, edits followed, what it may no longer see gone, files included. */
describe('managing documents from the console', () => {
  let server: TestServer;
  let browser: TestBrowser;

  const upload = async (title: string, visibility: DocumentVisibility, itemId?: string, minBytes = 0) => {
    const q = new URLSearchParams({ title, visibility, ...(itemId ? { itemId } : {}) });
    const res = await fetch(`${server.url}${documentsPath(server.meeting.meetingId)}?${q}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.tokenOf('chair')}`, 'Content-Type': 'application/pdf' },
      body: new Uint8Array(await makePdf(title, 2, minBytes)),
    });
    expect(res.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    // The public link may see documents for everyone in this meeting.
    server = await startServer({ definition: testDefinition({ observers: { notes: true, ratings: 'all', documents: true } }) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('explains a refused upload, and the tabs appear only once there are documents', async () => {
    const { page: tablet } = await browser.device({ width: 1024, height: 768 });
    await tablet.goto(`${server.url}/join/${server.tokenOf('m1')}`);
    await tablet.getByTestId('tablet-view').waitFor();
    expect(await tablet.getByTestId('tab-documents').count()).toBe(0);

    const { page: console_ } = await browser.device({ width: 1280, height: 800 });
    await console_.goto(`${server.url}/join/${server.tokenOf('chair')}`);
    await openConsoleTab(console_, 'documents');
    // A web page renamed .pdf: the server judges by the bytes, and the console says why in Vietnamese.
    await console_
      .getByTestId('document-file-input')
      .setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>%PDF-1.7 not really</body></html>') });
    const refused = console_.locator('[data-testid="upload-row"][data-phase="refused"]');
    await refused.waitFor();
    expect(await refused.getByTestId('refusal').getAttribute('data-reason')).toBe('not-a-document');
    expect(await refused.getByTestId('refusal-reason').textContent()).toContain('không phải PDF');
    expect(await console_.locator('[data-testid="manage-row"]').count()).toBe(0);

    await upload('Chương trình hội nghị', 'everyone');
    await tablet.getByTestId('tab-documents').waitFor();
  }, 90_000);

  it('on a phone: five fingertip-sized tabs within the screen, document rows no wider than it', async () => {
    const { page: phone } = await browser.device({ width: 360, height: 740, hasTouch: true });
    await phone.goto(`${server.url}/join/${server.tokenOf('m3')}`);
    await openDocumentsTab(phone);
    await phone.locator('[data-testid="document-row"]').first().waitFor();
    const tabs = await phone.locator('[role="tab"]').evaluateAll((list) => list.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(tabs).toHaveLength(5);
    for (const r of tabs) {
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(360);
      expect(r.height).toBeGreaterThanOrEqual(44);
    }
    const rows = await phone.getByTestId('document-open').evaluateAll((list) => list.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (const r of rows) {
      expect(r.right).toBeLessThanOrEqual(360);
      expect(r.height).toBeGreaterThanOrEqual(44);
    }
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }, 90_000);

  it('follows edits on the tablet and the observer link: titles, order, removal, visibility, and drops the file of one it may no longer see', async () => {
    await upload('Báo cáo tổng hợp', 'participants');
    await upload('Tờ trình nội bộ', 'presidium');
    const { page: tablet } = await browser.device({ width: 1024, height: 768 });
    await tablet.goto(`${server.url}/join/${server.tokenOf('m2')}`);
    await openDocumentsTab(tablet);
    await tablet.locator('[data-testid="documents-offline"][data-done="2"][data-total="2"]').waitFor({ timeout: 30_000 });
    expect(await titlesOn(tablet)).toEqual(['Chương trình hội nghị', 'Báo cáo tổng hợp']);

    const { page: observer } = await browser.device({ width: 1024, height: 768 });
    await observer.goto(`${server.url}/join/${server.tokenOf('obs')}`);
    await openDocumentsTab(observer);
    await waitFor(async () => (await titlesOn(observer)).length === 1, 10_000, 'the observer list');
    expect(await titlesOn(observer)).toEqual(['Chương trình hội nghị']);
    // The public link reads online; it keeps nothing on the device.
    expect(await observer.getByTestId('documents-offline').count()).toBe(0);

    const { page: console_ } = await browser.device({ width: 1280, height: 800 });
    await console_.goto(`${server.url}/join/${server.tokenOf('sec')}`);
    await openConsoleTab(console_, 'documents');
    const row = (title: string) => console_.locator('[data-testid="manage-row"]', { has: console_.locator(`input[value="${title}"]`) });
    await row('Báo cáo tổng hợp').waitFor();

    // The secretary moves the report up, then renames it.
    await row('Báo cáo tổng hợp').getByTestId('manage-up').click();
    await waitFor(async () => (await titlesOn(tablet))[0] === 'Báo cáo tổng hợp', 10_000, 'the new order on the tablet');
    // By id from here: the title is about to change.
    const reportId = await row('Báo cáo tổng hợp').getAttribute('data-document-id');
    const report = console_.locator(`[data-testid="manage-row"][data-document-id="${reportId}"]`);
    const title = report.getByTestId('manage-title');
    await title.fill('Báo cáo tổng hợp (bản trình hội nghị)');
    await title.press('Enter');
    await waitFor(async () => (await titlesOn(tablet)).includes('Báo cáo tổng hợp (bản trình hội nghị)'), 10_000, 'the new title on the tablet');

    // Moved to the presidium: gone from the tablet, and its file from the device.
    await report.getByTestId('manage-visibility').selectOption('presidium');
    await waitFor(async () => (await titlesOn(tablet)).length === 1, 10_000, 'the report hidden from the tablet');
    await waitFor(
      async () =>
        (await tablet.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open('phong-hop-documents');
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
          });
          const count = await new Promise<number>((resolve) => {
            const req = db.transaction('files').objectStore('files').count();
            req.onsuccess = () => resolve(req.result);
          });
          db.close();
          return count;
        })) === 1,
      10_000,
      'the hidden file dropped from the device',
    );

    // The screen's own tab picks a document too; removing the document on screen puts the agenda back.
    await openConsoleTab(console_, 'screen');
    const screenPane = console_.locator('#console-panel-screen');
    await screenPane.getByTestId('screen-document-select').selectOption({ label: 'Chương trình hội nghị' });
    await screenPane.getByTestId('screen-document-show').click();
    await screenPane.locator('[data-testid="screen-pages"][data-page="1"]').waitFor();
    await openConsoleTab(console_, 'documents');
    const programme = row('Chương trình hội nghị');
    await programme.getByText('Đang chiếu').waitFor();

    // Removed, with the confirmation naming the effect: gone everywhere but the presidium's record.

    await programme.getByTestId('manage-remove').click();
    expect(await console_.getByTestId('manage-remove-message').textContent()).toContain('Chương trình hội nghị');
    await console_.getByTestId('manage-remove-confirm').click();
    await console_.locator('[data-testid="manage-row"][data-removed="true"]').waitFor();
    await openConsoleTab(console_, 'screen');
    await console_.locator('#console-panel-screen [data-testid="screen-control"][data-show="agenda"]').waitFor();
    await waitFor(async () => (await tablet.getByTestId('tab-documents').count()) === 0, 10_000, 'no documents tab left on the tablet');
    await waitFor(async () => (await observer.getByTestId('tab-documents').count()) === 0, 10_000, 'no documents tab left for the observer');
  }, 90_000);

  it('resumes a download cut by a dropped Wi-Fi and by a reload from the bytes held, not from zero', async () => {
    await upload('Phụ lục số liệu', 'everyone', undefined, 3 * 1024 * 1024 + 5000);
    const list = await fetch(`${server.url}${documentsPath(server.meeting.meetingId)}`, { headers: { Authorization: `Bearer ${server.tokenOf('m4')}` } });
    const { documents } = (await list.json()) as { documents: { id: string; title: string }[] };
    const id = documents.find((d) => d.title === 'Phụ lục số liệu')!.id;
    const MB = 1024 * 1024;

    const device = await browser.device({ width: 1024, height: 768 });
    const ranges: string[] = [];
    let cut = true;
    // The network drops for this file once its first two megabytes are in.
    await device.context.route(`**/documents/${id}/file*`, async (route) => {
      const range = route.request().headers().range ?? '';
      ranges.push(range);
      if (cut && range.startsWith(`bytes=${2 * MB}-`)) await route.abort('internetdisconnected');
      else await route.continue();
    });
    const tablet = device.page;
    await tablet.goto(`${server.url}/join/${server.tokenOf('m4')}`);
    await openDocumentsTab(tablet);
    await waitFor(() => ranges.filter((r) => r.startsWith(`bytes=${2 * MB}-`)).length >= 2, 20_000, 'the third megabyte tried again after the drop');
    expect(ranges.slice(0, 2)).toEqual([`bytes=0-${MB - 1}`, `bytes=${MB}-${2 * MB - 1}`]);

    // Reloaded while the network is still down for it, then back: it goes on from what IndexedDB holds.
    ranges.length = 0;
    await tablet.reload();
    await openDocumentsTab(tablet);
    await waitFor(() => ranges.length >= 1, 20_000, 'a request after the reload');
    cut = false;
    await tablet.locator(`[data-testid="document-row"][data-document-id="${id}"][data-offline="done"]`).waitFor({ timeout: 30_000 });
    expect(ranges[0]).toBe(`bytes=${2 * MB}-${3 * MB - 1}`);
    expect(ranges.some((r) => r.startsWith('bytes=0-'))).toBe(false);
  }, 90_000);
});
