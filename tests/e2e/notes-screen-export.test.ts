import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { readPdf } from '../helpers/pdf.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc } from '../helpers/yjs.js';
import { contentText, focusEnd, openAs, prose, storedText } from './notesPages.js';
import { openConsoleTab } from './consoleTabs.js';

const ITEM = 'collective';
const DOC = notesDocName(ITEM);
const SEEDED = 'Tập thể Ban Thường vụ đã phát huy tốt vai trò lãnh đạo.';

describe('notes on the room screen, and the record downloaded from the console', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;

  beforeAll(async () => {
    server = await startServer();
    chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'agenda.open', itemId: ITEM })).toMatchObject({ ok: true });
    // Notes someone already wrote, from a y-websocket client of their own.
    const writer = connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf('m3'));
    await writer.synced();
    appendParagraph(writer.doc, SEEDED);
    await waitFor(async () => (await storedText(server, DOC)).includes(SEEDED), 10_000, 'the seeded notes stored');
    writer.destroy();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the chair puts the notes on the screen: large, live, scrolled to the newest line', async () => {
    const [m1, screen] = await Promise.all([openAs(browser, server, 'm1'), openAs(browser, server, 'screen', { width: 1920, height: 1080 })]);
    await m1.locator('[data-testid="notes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor();

    // The screen shows the agenda until the chair switches it.
    await screen.locator('[data-testid="screen-view"]').waitFor();
    expect(await screen.locator('[data-testid="screen-notes"]').count()).toBe(0);
    expect(await chair.send({ type: 'screen.show', show: 'notes' })).toMatchObject({ ok: true });
    await screen.locator('[data-testid="screen-notes"] [data-testid="current-item-title"]', { hasText: 'Kiểm điểm tập thể' }).waitFor();
    await waitFor(async () => (await contentText(screen, 'screen-notes-doc')).includes(SEEDED), 10_000, 'the notes on the screen');
    await expect(prose(screen, 'screen-notes-doc').getAttribute('contenteditable')).resolves.toBe('false');

    // Typed on a tablet, it appears on the screen; the newest line stays in sight however long the notes get.
    await focusEnd(m1);
    await m1.keyboard.press('Enter');
    await m1.keyboard.type('Cần khắc phục ngay tình trạng nể nang, né tránh.');
    await waitFor(async () => (await contentText(screen, 'screen-notes-doc')).includes('nể nang, né tránh.'), 10_000, 'a new line on the screen');
    const writer = connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf('m2'));
    await writer.synced();
    for (let i = 1; i <= 25; i++) appendParagraph(writer.doc, `Ý kiến số ${i} của các đồng chí ủy viên.`);
    await waitFor(async () => (await contentText(screen, 'screen-notes-doc')).includes('Ý kiến số 25'), 10_000, 'the long notes on the screen');
    await waitFor(
      () => screen.locator('.screen-notes-body').evaluate((el) => el.scrollHeight > el.clientHeight && el.scrollTop + el.clientHeight >= el.scrollHeight - 2),
      10_000,
      'the screen scrolled to the newest line',
    );
    writer.destroy();
    await browser.screenshot(screen, 'notes-screen');

    expect(await chair.send({ type: 'screen.show', show: 'agenda' })).toMatchObject({ ok: true });
    await screen.locator('[data-testid="screen-notes"]').waitFor({ state: 'detached' });
    await Promise.all([m1.close(), screen.close()]);
  });

  it('a guest reads the notes but cannot edit them', async () => {
    const guest = await openAs(browser, server, 'guest', { width: 800, height: 1280 });
    await waitFor(async () => (await contentText(guest)).includes(SEEDED), 10_000, 'the notes on the guest tablet');
    await expect(prose(guest).getAttribute('contenteditable')).resolves.toBe('false');
    await guest.locator('[data-testid="notes-read-only"]').waitFor();
    await guest.close();
  });

  it('the chair keeps the minutes and downloads the record as Markdown, DOCX and PDF, with the notes in it', async () => {
    const page = await openAs(browser, server, 'chair', { width: 1366, height: 1024 });
    await page.locator('[data-testid="chair-console"]').waitFor();
    await openConsoleTab(page, 'notes');
    await waitFor(async () => (await contentText(page)).includes(SEEDED), 10_000, 'the current notes on the console');
    await focusEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Chủ trì kết luận: đồng ý với các ý kiến góp ý.');
    await openConsoleTab(page, 'minutes');
    await page.locator('[data-testid="minutes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor();
    await focusEnd(page, 'minutes-editor');
    await page.keyboard.type('Hội nghị thống nhất đánh giá tập thể hoàn thành tốt nhiệm vụ.');
    await waitFor(async () => (await storedText(server, MINUTES_DOC)).includes('hoàn thành tốt nhiệm vụ'), 10_000, 'the minutes stored');
    await waitFor(async () => (await storedText(server, DOC)).includes('Chủ trì kết luận'), 10_000, "the chair's notes stored");

    const [md] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-md"]').click()]);
    expect(md.suggestedFilename()).toBe('Hội nghị kiểm điểm (thử nghiệm).md');
    const markdown = readFileSync(await md.path(), 'utf8');
    expect(markdown).toContain(SEEDED);
    expect(markdown).toContain('Chủ trì kết luận: đồng ý với các ý kiến góp ý.');
    expect(markdown).toContain('Hội nghị thống nhất đánh giá tập thể hoàn thành tốt nhiệm vụ.');

    const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-docx"]').click()]);
    expect(docx.suggestedFilename()).toBe('Hội nghị kiểm điểm (thử nghiệm).docx');
    const zip = await JSZip.loadAsync(readFileSync(await docx.path()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(SEEDED);
    expect(xml).toContain('Chủ trì kết luận: đồng ý với các ý kiến góp ý.');
    expect(xml).toContain('Hội nghị thống nhất đánh giá tập thể hoàn thành tốt nhiệm vụ.');

    // The minutes as filed, as PDF: the same record, every diacritic in the text.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-pdf"]').click()]);
    expect(pdf.suggestedFilename()).toBe('Hội nghị kiểm điểm (thử nghiệm).pdf');
    const filed = await readPdf(readFileSync(await pdf.path()));
    expect(filed.lines).toContain('BIÊN BẢN HỘI NGHỊ');
    expect(filed.joined).toContain('Hội nghị thống nhất đánh giá tập thể hoàn thành tốt nhiệm vụ.');
    await browser.screenshot(page, 'notes-console');
    await page.close();
  });

  it('a member has no minutes editor and no export; the server refuses their token anyway', async () => {
    const page = await openAs(browser, server, 'm2');
    await page.locator('[data-testid="notes-panel"]').waitFor();
    expect(await page.locator('[data-testid="minutes-panel"], [data-testid="export-buttons"]').count()).toBe(0);
    const status = await page.evaluate(
      async ({ meetingId, token }) => (await fetch(`/api/meetings/${meetingId}/export?format=md`, { headers: { Authorization: `Bearer ${token}` } })).status,
      { meetingId: server.meeting.meetingId, token: server.tokenOf('m2') },
    );
    expect(status).toBe(403);
    await page.close();
  });
});
