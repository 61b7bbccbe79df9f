import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../../shared/documents/types.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { upload } from '../documents-reader/seed.js';
import { malformedPdf, PHRASE, vietnameseReport } from '../documents-reader/vietnamesePdf.js';
import { openDocument, pageShown, pageText, pinch, scaleOf, viewer } from '../documents-reader/viewerPage.js';

const DOCS_SHOTS = join(process.cwd(), 'docs', 'screenshots');
const REPORT = 'Báo cáo kiểm điểm tập thể năm 2026';
const BROKEN = 'Tệp hỏng';
const WHEN = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;

/** Every CSP violation the page reports (pdf.js must run without eval, its worker from this origin). */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

/** Reading a document on a member's tablet, in Chromium against the real server (docs/DOCUMENTS.md, "Reading"). */
describe('reading a document on the tablet', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;
  let report: MeetingDocument;

  beforeAll(async () => {
    server = await startServer();
    chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });
    report = await upload(server, await vietnameseReport(4), { title: REPORT, visibility: 'participants', itemId: 'collective' });
    await upload(server, malformedPdf(), { title: BROKEN, visibility: 'participants' });
    browser = await launchBrowser();
    mkdirSync(DOCS_SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('turns pages, zooms (buttons, two fingers, fit to width), finds Vietnamese text, shows thumbnails and the watermark', async () => {
    const { page } = await browser.device({ width: 1280, height: 800, hasTouch: true });
    const violations = cspViolations(page);
    await page.goto(`${server.url}/join/${server.tokenOf('m1')}`);
    await openDocument(page, REPORT);
    await pageShown(page, 1);
    expect(await viewer(page).getAttribute('data-pages')).toBe('4');
    // The text layer holds the Vietnamese letters as they are written (Noto Serif, embedded).
    expect(await pageText(page)).toContain('Đánh giá kết quả thực hiện nhiệm vụ');

    // Pages: the buttons, the page number, the arrow keys.
    await page.getByTestId('page-next').click();
    await pageShown(page, 2);
    await page.getByTestId('page-input').fill('4');
    await page.getByTestId('page-input').press('Enter');
    await pageShown(page, 4);
    expect(await page.getByTestId('page-next').isDisabled()).toBe(true);
    // The arrow keys turn pages unless one is typing (the page number field has the focus still).
    await page.locator('.dv-title').click();
    await page.keyboard.press('ArrowLeft');
    await pageShown(page, 3);

    // Zoom: fitted to the width first; + and − by a quarter; two fingers apart; back to the width.
    const fit = await scaleOf(page);
    await page.getByTestId('zoom-in').click();
    await waitFor(async () => Math.abs((await scaleOf(page)) - fit * 1.25) < 0.01, 5_000, 'zoomed in');
    await page.getByTestId('zoom-out').click();
    await page.getByTestId('zoom-out').click();
    await waitFor(async () => Math.abs((await scaleOf(page)) - fit / 1.25) < 0.01, 5_000, 'zoomed out');
    const before = await scaleOf(page);
    await pinch(page, 2);
    await waitFor(async () => Math.abs((await scaleOf(page)) - before * 2) < 0.02, 5_000, 'pinched to twice the size');
    await page.getByTestId('fit-width').click();
    await waitFor(async () => Math.abs((await scaleOf(page)) - fit) < 0.01, 5_000, 'fitted to the width again');

    // Search: three matches on pages 2 and 3, the first highlighted, next and previous.
    await page.getByTestId('toggle-search').click();
    await page.getByTestId('search-input').fill(PHRASE.toLowerCase());
    await page.getByTestId('search-input').press('Enter');
    await page.locator('[data-testid="search-count"][data-count="3"]').waitFor();
    await pageShown(page, 2);
    await waitFor(async () => (await page.locator('.dv-stage .textLayer span.selected').count()) > 0, 5_000, 'the match highlighted');
    expect(await page.locator('.dv-stage .textLayer span.selected').first().textContent()).toContain(PHRASE);
    await page.getByTestId('search-next').click();
    await pageShown(page, 3);
    expect(await page.getByTestId('search-count').textContent()).toBe('2/3');
    await waitFor(async () => (await page.locator('.dv-stage .textLayer span.match').count()) > 0, 5_000, 'both matches of page 3 marked');
    await page.getByTestId('search-prev').click();
    await page.getByTestId('search-prev').click();
    // Past the first match, the last one: on page 3.
    expect(await page.getByTestId('search-count').textContent()).toBe('3/3');
    await pageShown(page, 3);

    // The watermark: the reader's name and the time, dd/MM/yyyy HH:mm.
    const mark = await page.locator('.dv-stage [data-testid="watermark"]').getAttribute('data-text');
    expect(mark).toContain('Lê Văn Một');
    expect(mark).toMatch(WHEN);

    // Thumbnails, watermarked too; one tap goes to its page.
    await page.getByTestId('toggle-thumbnails').click();
    await waitFor(async () => (await page.locator('[data-testid="thumbnails"] .pdf-page[data-rendered="true"]').count()) === 4, 10_000, 'four thumbnails');
    await page.getByTestId('thumbnails').getByRole('button', { name: 'Trang 1', exact: true }).click();
    await pageShown(page, 1);
    await page.getByTestId('thumbnails').getByRole('button', { name: 'Trang 2', exact: true }).click();
    await pageShown(page, 2);

    // Every control is a finger's target.
    for (const box of await page
      .locator('.dv-toolbar button, .dv-search button, .dv-toolbar input')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect)))
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);

    // With the thumbnails beside it, the page fitted to what width is left.
    await page.getByTestId('fit-width').click();
    await waitFor(async () => (await scaleOf(page)) < fit, 5_000, 'fitted beside the thumbnails');
    await pageShown(page, 2);
    await page.screenshot({ path: join(DOCS_SHOTS, 'documents-viewer.png') });
    expect(violations).toEqual([]);
  });

  it('says a damaged file cannot be opened, and nothing else breaks', async () => {
    const { page } = await browser.device({ width: 1024, height: 768, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/join/${server.tokenOf('m2')}`);
    await openDocument(page, BROKEN);
    await page.locator('[data-testid="viewer-error"][data-failure="malformed"]').waitFor();
    expect(await page.getByTestId('viewer-error').textContent()).toContain('Không mở được tài liệu này');
    // The app around it goes on: close it, open the good one.
    await page.getByTestId('viewer-close').click();
    await viewer(page).waitFor({ state: 'detached' });
    await openDocument(page, REPORT);
    await pageShown(page, 1);
    // In English too (the app's language switch, kept on the device).
    await page.evaluate(() => localStorage.setItem('phong-hop.lang', 'en'));
    await page.reload();
    await openDocument(page, BROKEN);
    await page.locator('[data-testid="viewer-error"][data-failure="malformed"]').waitFor();
    expect(await page.getByTestId('viewer-error').textContent()).toContain('This document cannot be opened');
    expect(errors).toEqual([]);
    expect(report.id).toBeTruthy();
  });
});
