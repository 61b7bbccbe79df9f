import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { makePdf } from '../documents-room/pdfs.js';
import { openConsoleTab } from './consoleTabs.js';

/** The screenshots the documentation shows (docs/DOCUMENTS.md, README). */
const DOCS_SHOTS = join(process.cwd(), 'docs', 'screenshots');

const REPORT = 'Báo cáo kiểm điểm tập thể';
const DRAFT = 'Dự thảo nghị quyết';
const SECRET = 'Nhận xét của cấp trên';

async function closeViewer(page: Page): Promise<void> {
  await page.getByTestId('document-full').getByTestId('viewer-close').click();
  await page.getByTestId('document-full').waitFor({ state: 'detached' });
}

const rowOf = (page: Page, title: string) => page.locator('[data-testid="document-row"]', { has: page.getByText(title, { exact: false }) });

/**
 * The paperless room end to end, in Chromium against the real server: the chair uploads from the
 * console, a member's tablet lists what it may see and keeps it for offline reading, a replacement
 * is marked on the tablet, and the chair turns the screen's pages.
 */
describe('documents in the room', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let screen: TestClient;

  beforeAll(async () => {
    server = await startServer();
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });
    screen = await server.connectAs('screen');
    browser = await launchBrowser();
    mkdirSync(DOCS_SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads from the console, lists on the tablet by visibility, reads offline, marks a new version, turns the screen', async () => {
    const { page: console_ } = await browser.device({ width: 1600, height: 1000 });
    await console_.goto(`${server.url}/join/${server.tokenOf('chair')}`);
    await openConsoleTab(console_, 'documents');

    // Two PDFs picked at once, for the collective's item, for participants; the report large enough to show progress.
    await console_.getByTestId('upload-item').selectOption('collective');
    await console_.getByTestId('upload-visibility').selectOption('participants');
    const report = await makePdf(REPORT, 3, 6 * 1024 * 1024);
    const draft = await makePdf(DRAFT, 2);
    await console_.getByTestId('document-file-input').setInputFiles([
      { name: `${REPORT}.pdf`, mimeType: 'application/pdf', buffer: report },
      { name: `${DRAFT}.pdf`, mimeType: 'application/pdf', buffer: draft },
    ]);
    await console_.locator('[data-testid="upload-row"]').first().waitFor();
    expect(await console_.locator('[data-testid="upload-progress"]').count()).toBe(2);
    await waitFor(async () => (await console_.locator('[data-testid="manage-row"]').count()) === 2, 20_000, 'two documents listed in the console');

    // A third, for the chair and the secretary only, dropped on the zone as a file manager would.
    await console_.getByTestId('upload-visibility').selectOption('presidium');
    const secret = await makePdf(SECRET, 1);
    await console_.getByTestId('document-drop-zone').evaluate((zone, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'Nhận xét của cấp trên.pdf', { type: 'application/pdf' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, secret.toString('base64'));
    await waitFor(async () => (await console_.locator('[data-testid="manage-row"]').count()) === 3, 20_000, 'the third document listed');
    const titles = await console_.getByTestId('manage-title').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(titles.sort()).toEqual([DRAFT, REPORT, SECRET].sort());

    // A member's tablet: the two for participants, not the presidium's, kept for offline reading.
    const member = await browser.device({ width: 1024, height: 768, hasTouch: true });
    const tablet = member.page;
    await tablet.goto(`${server.url}/join/${server.tokenOf('m1')}`);
    // The open item's card leads to its documents.
    const link = tablet.getByTestId('item-documents-link');
    await link.waitFor();
    expect(await link.textContent()).toBe('Tài liệu của nội dung này (2)');
    await link.click();
    await tablet.locator('[data-testid="tab-documents"][aria-selected="true"]').waitFor();
    await waitFor(async () => (await tablet.locator('[data-testid="document-row"]').count()) === 2, 10_000, 'two documents on the tablet');
    expect(await tablet.getByText(SECRET).count()).toBe(0);
    // The open item's documents come first.
    await tablet.locator('[data-testid="documents-group-open-item"] [data-testid="document-row"]').nth(1).waitFor();
    await tablet.locator('[data-testid="documents-offline"]').waitFor();
    await tablet.locator('[data-testid="documents-offline"][data-done="2"][data-total="2"]').waitFor({ timeout: 30_000 });
    expect(await tablet.locator('[data-testid="document-offline"][data-state="done"]').count()).toBe(2);
    // Once on the device, a PDF's pages are known without loading the viewer.
    expect(await rowOf(tablet, REPORT).getByTestId('document-pages').textContent()).toBe('3 trang');
    await waitFor(
      () => tablet.evaluate(async () => (await navigator.serviceWorker.ready) !== null && (await caches.match('/__shell')) !== undefined),
      15_000,
      'the app shell cached',
    );

    // The Wi-Fi drops: the document still opens, from the device.
    await member.context.setOffline(true);
    await rowOf(tablet, DRAFT).getByTestId('document-open').click();
    await tablet.getByTestId('document-full').waitFor();
    // The viewer (client/src/documents/viewer) opened it from the device's copy, every page there.
    await tablet.locator('[data-testid="document-viewer"][data-from-device="true"][data-pages="2"]').waitFor();
    // What the viewer reads offline (cachedFile): the whole draft, its SHA-256 checked, in IndexedDB.
    const draftSha = createHash('sha256').update(draft).digest('hex');
    const kept = await tablet.evaluate(async (sha) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('phong-hop-documents');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
      });
      const row = await new Promise<{ complete: boolean; received: number } | undefined>((resolve) => {
        const req = db.transaction('files').objectStore('files').get(sha);
        req.onsuccess = () => resolve(req.result as { complete: boolean; received: number } | undefined);
      });
      db.close();
      return row;
    }, draftSha);
    expect(kept).toEqual(expect.objectContaining({ complete: true, received: draft.length }));
    await closeViewer(tablet);
    await member.context.setOffline(false);

    // The chair replaces the draft: the tablet marks it and fetches the new version.
    const draftRow = console_.locator('[data-testid="manage-row"]', { has: console_.locator(`input[value="${DRAFT}"]`) });
    await draftRow.getByTestId('manage-replace-input').setInputFiles({ name: 'du-thao-v2.pdf', mimeType: 'application/pdf', buffer: await makePdf(`${DRAFT} (sửa)`, 2) });
    await draftRow.locator('[data-testid="manage-version"]', { hasText: '2' }).waitFor();
    await rowOf(tablet, DRAFT).getByTestId('document-updated').waitFor();
    expect(await rowOf(tablet, REPORT).getByTestId('document-updated').count()).toBe(0);
    await tablet.locator('[data-testid="documents-offline"][data-done="2"][data-total="2"]').waitFor({ timeout: 30_000 });
    await tablet.screenshot({ path: join(DOCS_SHOTS, 'tablet-documents.png') });
    // Opened once, the mark goes.
    await rowOf(tablet, DRAFT).getByTestId('document-open').click();
    await closeViewer(tablet);
    expect(await rowOf(tablet, DRAFT).getByTestId('document-updated').count()).toBe(0);

    // The chair puts the report on the screen and turns to page 2; the screen's state follows.
    const reportRow = console_.locator('[data-testid="manage-row"]', { has: console_.locator(`input[value="${REPORT}"]`) });
    const reportId = await reportRow.getAttribute('data-document-id');
    await reportRow.getByTestId('manage-show').click();
    // The page controls are in the documents' tab (and in the screen's own, hidden now).
    const pages = console_.locator('#console-panel-documents [data-testid="screen-pages"]');
    await pages.and(console_.locator('[data-page="1"]')).waitFor();
    await waitFor(() => screen.state.screen.show === 'document', 10_000, 'the screen on the document');
    await pages.getByTestId('screen-page-next').click();
    await pages.and(console_.locator('[data-page="2"]')).waitFor();
    await waitFor(() => screen.state.screen.show === 'document' && screen.state.screen.page === 2, 10_000, 'the screen on page 2');
    expect(screen.state.screen).toEqual({ show: 'document', documentId: reportId, page: 2 });
    // The presidium's own document cannot go on the screen.
    const secretRow = console_.locator('[data-testid="manage-row"]', { has: console_.locator(`input[value="${SECRET}"]`) });
    expect(await secretRow.getByTestId('manage-show').isDisabled()).toBe(true);
    await console_.getByTestId('upload-list').waitFor({ state: 'detached' });
    await console_.locator('#console-panel-documents').evaluate((pane) => pane.scrollTo(0, 0));
    await console_.screenshot({ path: join(DOCS_SHOTS, 'console-documents.png') });
  }, 120_000);
});
