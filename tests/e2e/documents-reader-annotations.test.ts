import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationsDocName } from '../../shared/notes/access.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { connectDoc } from '../helpers/yjs.js';
import { upload } from '../documents-reader/seed.js';
import { vietnameseReport } from '../documents-reader/vietnamesePdf.js';
import { dragOnPage, openDocument, pageShown, viewer } from '../documents-reader/viewerPage.js';

const DOCS_SHOTS = join(process.cwd(), 'docs', 'screenshots');
const REPORT = 'Báo cáo kiểm điểm tập thể năm 2026';
const ONLINE_NOTE = 'Hỏi lại số liệu quý III';
const OFFLINE_NOTE = 'Ghi khi mất mạng: đề nghị làm rõ trách nhiệm';
const panel = (page: Page) => page.getByTestId('annotation-panel');

/** Highlights a band of the page on screen (`y`: within the part in view) and writes `note` on it. */
async function annotate(page: Page, y: number, note: string): Promise<void> {
  const before = await page.locator('.dv-stage [data-testid="annotation"]').count();
  await dragOnPage(page, { x: 0.15, y }, { x: 0.6, y: y + 0.04 });
  await waitFor(async () => (await page.locator('.dv-stage [data-testid="annotation"]').count()) === before + 1, 5_000, 'the new highlight');
  await panel(page).locator('[data-testid="annotation-item"].is-selected textarea').fill(note);
}

/** Private highlights and notes (docs/DOCUMENTS.md, "Annotations"): offline, across a reload, on a second device, nobody else's. */
describe("a member's private annotations", () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
    await upload(server, await vietnameseReport(3), { title: REPORT, visibility: 'participants' });
    browser = await launchBrowser();
    mkdirSync(DOCS_SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('annotates online and offline, keeps them across a reload without network, syncs them to a second device, shows them to nobody else', async () => {
    const one = await browser.device({ width: 1280, height: 800, hasTouch: true });
    const tablet = one.page;
    await tablet.goto(`${server.url}/join/${server.tokenOf('m1')}`);
    await tablet.getByTestId('tab-documents').click();
    // The offline copy of the file and the app shell are on the device before the network goes.
    await tablet.locator('[data-testid="documents-offline"][data-done="1"][data-total="1"]').waitFor({ timeout: 30_000 });
    await waitFor(
      () => tablet.evaluate(async () => (await navigator.serviceWorker.ready) !== null && (await caches.match('/__shell')) !== undefined),
      15_000,
      'the app shell cached',
    );

    await openDocument(tablet, REPORT);
    await pageShown(tablet, 1);
    await tablet.getByTestId('toggle-annotate').click();
    await annotate(tablet, 0.2, ONLINE_NOTE);
    await tablet.locator('[data-testid="annotation-panel"][data-phase="synced"][data-pending="false"]').waitFor();

    // The Wi-Fi drops: another highlight, on page 2, kept on the device.
    await one.context.setOffline(true);
    await tablet.locator('[data-testid="annotation-panel"][data-phase="offline"]').waitFor();
    await tablet.getByTestId('page-next').click();
    await pageShown(tablet, 2);
    await annotate(tablet, 0.25, OFFLINE_NOTE);
    await tablet.locator('[data-testid="annotation-panel"][data-pending="true"]').waitFor();
    const stored = connectDoc(server.url, server.meeting.meetingId, annotationsDocName('m1'), server.tokenOf('m1'));
    await stored.synced();
    expect(JSON.stringify(stored.doc.getMap('annotations').toJSON())).not.toContain(OFFLINE_NOTE);

    // A reload without any network: the document opens from the device, both notes with it.
    await tablet.reload();
    await openDocument(tablet, REPORT);
    await pageShown(tablet, 1);
    expect(await viewer(tablet).getAttribute('data-from-device')).toBe('true');
    await tablet.getByTestId('toggle-notes').click();
    await panel(tablet).locator(`textarea`, { hasText: ONLINE_NOTE }).waitFor();
    await tablet.getByTestId('page-next').click();
    await pageShown(tablet, 2);
    await panel(tablet).locator(`textarea`, { hasText: OFFLINE_NOTE }).waitFor();
    await tablet.screenshot({ path: join(DOCS_SHOTS, 'documents-annotations.png') });

    // Back online: the offline note reaches the server, then the member's other device.
    await one.context.setOffline(false);
    await tablet.locator('[data-testid="annotation-panel"][data-phase="synced"][data-pending="false"]').waitFor({ timeout: 20_000 });
    await waitFor(() => JSON.stringify(stored.doc.getMap('annotations').toJSON()).includes(OFFLINE_NOTE), 10_000, 'the offline note on the server');
    stored.destroy();

    const two = await browser.device({ width: 1024, height: 768 });
    await two.page.goto(`${server.url}/join/${server.tokenOf('m1')}`);
    await openDocument(two.page, REPORT);
    await pageShown(two.page, 1);
    await two.page.getByTestId('toggle-notes').click();
    await panel(two.page).locator('textarea', { hasText: ONLINE_NOTE }).waitFor();
    expect(await two.page.locator('.dv-stage [data-testid="annotation"]').count()).toBe(1);
    await two.page.getByTestId('page-next').click();
    await pageShown(two.page, 2);
    await panel(two.page).locator('textarea', { hasText: OFFLINE_NOTE }).waitFor();

    // The export: every note, by document, version and page.
    const [download] = await Promise.all([two.page.waitForEvent('download'), two.page.getByTestId('export-md').click()]);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain(`## ${REPORT} (phiên bản 1)`);
    expect(markdown).toContain(`Trang 1 — Đánh dấu (Vàng): ${ONLINE_NOTE}`);
    expect(markdown).toContain(`Trang 2 — Đánh dấu (Vàng): ${OFFLINE_NOTE}`);
    const [json] = await Promise.all([two.page.waitForEvent('download'), two.page.getByTestId('export-json').click()]);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as { documents: { title: string; version: number; annotations: { page: number; note: string }[] }[] };
    expect(exported.documents).toEqual([
      expect.objectContaining({
        title: REPORT,
        version: 1,
        annotations: [expect.objectContaining({ page: 1, note: ONLINE_NOTE }), expect.objectContaining({ page: 2, note: OFFLINE_NOTE })],
      }),
    ]);

    // Another member opens the same document: their own (empty) notes, none of these. The chair's
    // link is refused the document outright (tests/documents-reader/annotations-access.test.ts).
    const other = await browser.device({ width: 1024, height: 768 });
    await other.page.goto(`${server.url}/join/${server.tokenOf('m2')}`);
    await openDocument(other.page, REPORT);
    await pageShown(other.page, 1);
    await other.page.getByTestId('toggle-notes').click();
    await other.page.locator('[data-testid="annotation-panel"][data-phase="synced"]').waitFor();
    expect(await other.page.locator('[data-testid="annotation"]').count()).toBe(0);
    expect(await panel(other.page).textContent()).not.toContain(ONLINE_NOTE);
  });
});
