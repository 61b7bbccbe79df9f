import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { testDefinition } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { upload } from '../documents-reader/seed.js';
import { vietnameseReport } from '../documents-reader/vietnamesePdf.js';

const DOCS_SHOTS = join(process.cwd(), 'docs', 'screenshots');
const REPORT = 'Báo cáo kiểm điểm tập thể năm 2026';

/** The room screen showing the page the chair chose (docs/DOCUMENTS.md, "On the screen"), in Chromium against the real server. */
describe('a document on the room screen', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;

  beforeAll(async () => {
    // The public link may see the `everyone` documents (docs/DOCUMENTS.md, visibility).
    const definition = testDefinition();
    server = await startServer({ definition: { ...definition, observers: { ...definition.observers, documents: true } } });
    chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
    browser = await launchBrowser();
    mkdirSync(DOCS_SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows page 1 before the rest of the file has arrived, follows the page turns (the observer link too), watermarked with the meeting', async () => {
    // About 2 MB, nearly all of it a picture on the last page.
    const bytes = await vietnameseReport(4, { lastPageImage: 800 });
    const report = await upload(server, bytes, { title: REPORT, visibility: 'everyone' });
    const { page } = await browser.device({ width: 1920, height: 1080 });
    const remote = await browser.device({ width: 1280, height: 900 });
    await remote.page.goto(`${server.url}/join/${server.tokenOf('obs')}`);
    await remote.page.getByTestId('observer-view').waitFor();
    const ranges: number[] = [];
    page.on('response', (response) => {
      const range = /bytes (\d+)-(\d+)\//.exec(response.headers()['content-range'] ?? '');
      if (response.url().includes(`/documents/${report.id}/file`) && response.status() === 206 && range) ranges.push(Number(range[2]) - Number(range[1]) + 1);
    });
    // Nothing the switching abandons may surface as an error in the page.
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/join/${server.tokenOf('screen')}`);
    await page.getByTestId('screen-view').waitFor();

    expect(await chair.send({ type: 'screen.show', show: 'document', documentId: report.id, page: 1 })).toMatchObject({ ok: true });
    await page.locator('[data-testid="screen-document"][data-page="1"] [data-testid="screen-page"][data-state="ready"] .pdf-page[data-rendered="true"]').waitFor();
    // Range requests only, and far from the whole file: page 1 came before the picture on page 4.
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.reduce((a, b) => a + b, 0)).toBeLessThan(bytes.length / 2);
    const mark = await page.locator('[data-testid="screen-page"] [data-testid="watermark"]').getAttribute('data-text');
    expect(mark).toContain(chair.state.title);
    expect(mark).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // The page fits the picture: nothing of it outside the window.
    const box = (await page.locator('[data-testid="screen-page"] .pdf-page').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    expect(box.x + box.width).toBeLessThanOrEqual(1920);

    expect(await chair.send({ type: 'screen.show', show: 'document', documentId: report.id, page: 3 })).toMatchObject({ ok: true });
    await page.locator('[data-testid="screen-document"][data-page="3"] [data-testid="screen-page"][data-page="3"] .pdf-page[data-page="3"][data-rendered="true"]').waitFor();
    await page.screenshot({ path: join(DOCS_SHOTS, 'screen-document.png') });
    // The observer link follows the same page.
    await remote.page.locator('[data-testid="shown-document"][data-page="3"] [data-testid="screen-page"][data-page="3"] .pdf-page[data-rendered="true"]').waitFor();

    // A document for participants only: the screen shows it, the observer link gets the agenda.
    const inner = await upload(server, await vietnameseReport(2), { title: 'Dự thảo nghị quyết', visibility: 'participants' });
    // Straight from one document to the next and back, faster than a file opens: each switch
    // abandons a file still opening, and the last one shown must still come (pdf.js once refused it
    // while the previous one was being let go).
    for (const documentId of [inner.id, report.id, inner.id]) {
      expect(await chair.send({ type: 'screen.show', show: 'document', documentId, page: 2 })).toMatchObject({ ok: true });
    }
    await page.locator(`[data-testid="screen-document"][data-document-id="${inner.id}"] [data-testid="screen-page"][data-page="2"] .pdf-page[data-rendered="true"]`).waitFor();
    await remote.page.getByTestId('shown-document').waitFor({ state: 'detached' });

    // Back to the agenda: the page goes.
    expect(await chair.send({ type: 'screen.show', show: 'agenda' })).toMatchObject({ ok: true });
    await page.getByTestId('screen-document').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
