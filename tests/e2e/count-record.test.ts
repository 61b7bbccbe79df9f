import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { readPdf } from '../helpers/pdf.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openConsoleTab } from './consoleTabs.js';
import { openAs } from './notesPages.js';

/**
 * The counting record from the chair's console: beside a published ballot, DOCX and PDF, for the
 * chair and the secretary; nothing beside a ballot still sealed. The files are the server's, fetched
 * with the participant's own token.
 */
describe('the counting record downloaded from the console', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    const ids = ['chair', 'm1', 'm2', 'm3', 'm4'];
    const clients = await Promise.all(ids.map((id) => server.connectAs(id)));
    const chair = clients[0];
    await markPresent(chair, ids);
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'rate', kind: 'rating', title: 'Xếp loại tập thể năm 2024', subjects: ['collective'] } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'rate' }));
    for (const [i, c] of clients.entries()) versionOf(await c.send({ type: 'ballot.vote', ballotId: 'rate', paper: { collective: i < 3 ? 'good' : 'excellent' } }));
    versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'rate' }));
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'sealed', kind: 'motion', title: 'Biểu quyết chưa công bố' } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'sealed' }));
    // Four of five papers, closed early: sealed until published.
    for (const c of clients.slice(0, 4)) versionOf(await c.send({ type: 'ballot.vote', ballotId: 'sealed', paper: { question: 'agree' } }));
    versionOf(await chair.send({ type: 'ballot.close', ballotId: 'sealed' }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers DOCX and PDF beside a published ballot only, and downloads them', async () => {
    const page = await openAs(browser, server, 'chair', { width: 1366, height: 1024 });
    await page.locator('[data-testid="chair-console"]').waitFor();
    await openConsoleTab(page, 'ballots');
    await page.getByTestId('ballot-record-pdf-rate').waitFor();
    expect(await page.getByTestId('ballot-record-docx-rate').innerText()).toBe('Biên bản kiểm phiếu (DOCX)');
    expect(await page.locator('[data-testid^="ballot-record-"][data-testid$="-sealed"]').count()).toBe(0);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ballot-record-pdf-rate').click()]);
    expect(pdf.suggestedFilename()).toBe('Biên bản kiểm phiếu - Xếp loại tập thể năm 2024.pdf');
    const text = await readPdf(readFileSync(await pdf.path()));
    expect(text.lines).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text.lines).toContain('Xếp loại tập thể năm 2024');
    expect(text.joined).toMatch(/Kiểm tra lại độc lập: khớp \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)/);

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ballot-record-docx-rate').click()]);
    expect(docx.suggestedFilename()).toBe('Biên bản kiểm phiếu - Xếp loại tập thể năm 2024.docx');
    const xml = await (await JSZip.loadAsync(readFileSync(await docx.path()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('BIÊN BẢN KIỂM PHIẾU');
    await page.getByTestId('ballot-card-rate').scrollIntoViewIfNeeded();
    await browser.screenshot(page, 'count-record-console');
    await page.close();
  });

  it("is on the secretary's console too", async () => {
    const page = await openAs(browser, server, 'sec', { width: 1366, height: 1024 });
    await page.locator('[data-testid="chair-console"]').waitFor();
    await openConsoleTab(page, 'ballots');
    await page.getByTestId('ballot-record-pdf-rate').waitFor();
    await page.close();
  });
});
