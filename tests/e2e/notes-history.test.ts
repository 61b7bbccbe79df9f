import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorOf } from '../../client/src/notes/colors.js';
import { notesDocName } from '../../shared/notes/access.js';
import { CurrentContent, VersionList } from '../../shared/notes/history.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { caretAtEndOfBlock, getAs, openHistory, versionRow } from './historyPages.js';
import { openTabletTab } from './tabletTabs.js';
import { contentHtml, contentText, focusEnd, openAs, prose, storedText } from './notesPages.js';

const TABLET = { width: 1024, height: 768 };
const CONSOLE = { width: 1440, height: 900 };
const status = '[data-testid="notes-editor"] [data-testid="doc-status"]';

describe("a document's history in the console, and the text coloured by author", () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chairSocket: TestClient;

  beforeAll(async () => {
    server = await startServer();
    chairSocket = await server.connectAs('chair');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a member wipes the notes; the chair finds the version before the wipe, compares it and restores it; the member sees the text and a notice', async () => {
    const ITEM = 'collective';
    const DOC = notesDocName(ITEM);
    expect(await chairSocket.send({ type: 'agenda.open', itemId: ITEM })).toMatchObject({ ok: true });
    const lines = ['Tập thể đoàn kết, thống nhất cao trong lãnh đạo.', 'Còn nể nang trong tự phê bình, chưa khắc phục dứt điểm.'];

    const m1 = await openAs(browser, server, 'm1', TABLET);
    await m1.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
    await m1.locator(`${status}[data-phase="synced"]`).waitFor();
    await focusEnd(m1);
    await m1.keyboard.type(lines[0]);
    await m1.keyboard.press('Enter');
    await m1.keyboard.type(lines[1]);
    await waitFor(async () => (await storedText(server, DOC)).includes(lines[1]), 10_000, 'the two lines stored');

    // Select all, delete: one change that removes the whole text.
    await m1.keyboard.press('Control+A');
    await m1.keyboard.press('Delete');
    await waitFor(async () => (await storedText(server, DOC)).trim() === '', 10_000, 'the wipe stored');
    expect((await contentText(m1)).trim()).toBe('');

    const chair = await openAs(browser, server, 'chair', CONSOLE);
    const pane = await openHistory(chair, 'notes');
    const before = versionRow(pane, 'before-wipe');
    await before.waitFor();
    await expect(before.getByTestId('version-kind').innerText()).resolves.toContain('Trước khi xoá nhiều');
    await expect(before.getByTestId('version-editors').innerText()).resolves.toContain('Lê Văn Một');
    await browser.screenshot(chair, 'notes-history-list');

    await before.click();
    await expect(before.getAttribute('aria-pressed')).resolves.toBe('true');
    const compare = pane.getByTestId('version-compare');
    await compare.getByTestId('diff-summary').waitFor();
    // Everything the version has and the current text lacks is struck through, and said to be removed.
    const removed = (await compare.getByTestId('diff-version').locator('del').allInnerTexts()).join(' ');
    for (const line of lines) expect(removed).toContain(line);
    expect(removed).toContain('[bắt đầu phần đã bỏ]');
    await expect(compare.getByTestId('diff-current').locator('ins').count()).resolves.toBe(0);
    // The wipe left one empty paragraph: one block emptied, the other gone, every character removed.
    await expect(compare.getByTestId('diff-summary').innerText()).resolves.toBe(`1 đoạn sửa, 0 đoạn thêm, 1 đoạn bỏ · +0 / −${lines[0].length + lines[1].length} ký tự`);
    await browser.screenshot(chair, 'notes-history-compare');

    await compare.getByTestId('version-restore').click();
    await expect(compare.getByTestId('version-restore-message').innerText()).resolves.toMatch(
      /^Văn bản hiện tại được lưu thành một phiên bản, rồi thay bằng bản lúc \d\d:\d\d; ai đang soạn vẫn giữ phần đang gõ\.$/,
    );
    await compare.getByTestId('version-restore-confirm').click();
    await pane.getByTestId('history-done').filter({ hasText: 'Đã khôi phục bản lúc' }).waitFor();

    // The member's editor has the text back, and the member is told what happened.
    await waitFor(
      async () => {
        const text = await contentText(m1);
        return lines.every((l) => text.includes(l));
      },
      10_000,
      'the text back on the tablet',
    );
    // Above the editor, where the member is looking, and in the member's notices.
    const note = m1.getByTestId('notes-restored');
    await note.waitFor();
    await expect(note.innerText()).resolves.toMatch(/Góp ý «Kiểm điểm tập thể» đã được khôi phục về bản lúc \d\d:\d\d bởi/);
    await openTabletTab(m1, 'item');
    await m1.locator('[data-testid="my-notice"][data-kind="notes-restored"]').waitFor();
    await openTabletTab(m1, 'notes');
    // The text as it was before the restore (empty) is itself a version now.
    await versionRow(pane, 'before-restore').waitFor();
    expect(await storedText(server, DOC)).toContain(lines[1]);

    // The minutes have their history one tap from their editor too.
    const minutes = await openHistory(chair, 'minutes');
    await expect(minutes.getByTestId('doc-history').getAttribute('data-doc')).resolves.toBe('minutes');
    await minutes.locator('[data-testid="version-list"], [data-testid="history-empty"]').first().waitFor();
  }, 120_000);

  it('a restore while a tablet is offline with unsent edits in a paragraph it keeps: both are there for everyone after it reconnects', async () => {
    const ITEM = 'review-m1';
    const DOC = notesDocName(ITEM);
    expect(await chairSocket.send({ type: 'agenda.open', itemId: ITEM })).toMatchObject({ ok: true });
    const kept = 'Ý kiến thứ nhất: cần làm rõ trách nhiệm cá nhân.';
    const dropped = 'Ý kiến thứ hai: bị xoá rồi được khôi phục.';
    const offline = ' Bổ sung khi mất mạng.';

    const [m2, m3] = await Promise.all([openAs(browser, server, 'm2', TABLET), openAs(browser, server, 'm3', TABLET)]);
    for (const page of [m2, m3]) {
      await page.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
      await page.locator(`${status}[data-phase="synced"]`).waitFor();
    }
    await focusEnd(m2);
    await m2.keyboard.type(kept);
    await m2.keyboard.press('Enter');
    await m2.keyboard.type(dropped);
    await waitFor(async () => (await contentText(m3)).includes(dropped), 10_000, "m2's lines on m3");

    // The chair names the version with both paragraphs.
    const chair = await openAs(browser, server, 'chair', CONSOLE);
    const pane = await openHistory(chair, 'notes');
    await pane.getByTestId('version-name-open').click();
    await pane.getByTestId('version-name-input').fill('Bản chốt');
    await pane.getByTestId('version-name-submit').click();
    const named = versionRow(pane, 'named');
    await named.waitFor();
    await expect(named.getByTestId('version-kind').innerText()).resolves.toBe('Bản chốt · đặt bởi Nguyễn Văn Chủ');

    // m2 deletes the second paragraph.
    await caretAtEndOfBlock(m2, 1);
    await m2.keyboard.press('Shift+Home');
    await m2.keyboard.press('Backspace');
    await m2.keyboard.press('Backspace');
    await waitFor(async () => !(await storedText(server, DOC)).includes(dropped), 10_000, 'the deletion stored');
    await waitFor(async () => !(await contentText(m3)).includes(dropped), 10_000, 'the deletion on m3');

    // m3 loses the network and writes at the end of the first paragraph.
    await m3.context().setOffline(true);
    await m3.locator(`${status}[data-phase="offline"]`).waitFor();
    await caretAtEndOfBlock(m3, 0);
    await m3.keyboard.type(offline);
    await m3.locator(`${status}[data-pending="true"]`).waitFor();

    // Meanwhile the chair restores "Bản chốt".
    await named.click();
    const compare = pane.getByTestId('version-compare');
    await compare.getByTestId('diff-summary').waitFor();
    await compare.getByTestId('version-restore').click();
    await compare.getByTestId('version-restore-confirm').click();
    await pane.getByTestId('history-done').filter({ hasText: 'Đã khôi phục' }).waitFor();
    await waitFor(async () => (await storedText(server, DOC)).includes(dropped), 10_000, 'the restore stored');
    await waitFor(async () => (await contentText(m2)).includes(dropped), 10_000, 'the restore on m2');
    expect(await storedText(server, DOC)).not.toContain(offline.trim());

    // Back online: m3's sentence joins the restored text, everywhere.
    await m3.context().setOffline(false);
    await m3.locator(`${status}[data-phase="synced"]`).waitFor();
    await waitFor(
      async () => {
        const [a, b] = await Promise.all([contentHtml(m2), contentHtml(m3)]);
        return a === b && a.includes(`${kept}${offline}`) && a.includes(dropped);
      },
      15_000,
      'both tablets to converge on the restored text with the offline edit',
    );
    await waitFor(
      async () => {
        const stored = await storedText(server, DOC);
        return stored.includes(`${kept}${offline}`) && stored.includes(dropped);
      },
      10_000,
      'both stored',
    );
    await expect(prose(m3).getAttribute('contenteditable')).resolves.toBe('true');
  }, 120_000);

  it('two members write passages; colour by author shows each passage under its author', async () => {
    const ITEM = 'open';
    expect(await chairSocket.send({ type: 'agenda.open', itemId: ITEM })).toMatchObject({ ok: true });
    const one = 'Đồng chí Một viết đoạn này.';
    const two = 'Đồng chí Hai viết đoạn kia.';
    const later = 'Hai viết thêm khi đang tô màu.';

    const [m1, m2] = await Promise.all([openAs(browser, server, 'm1', TABLET), openAs(browser, server, 'm2', TABLET)]);
    for (const page of [m1, m2]) {
      await page.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
      await page.locator(`${status}[data-phase="synced"]`).waitFor();
    }
    // Off by default: the editor is shown.
    await expect(m1.getByTestId('authors-toggle').getAttribute('aria-pressed')).resolves.toBe('false');
    await focusEnd(m1);
    await m1.keyboard.type(one);
    await waitFor(async () => (await contentText(m2)).includes(one), 10_000, "m1's passage on m2");
    await focusEnd(m2);
    await m2.keyboard.press('Enter');
    await m2.keyboard.type(two);
    await waitFor(async () => (await contentText(m1)).includes(two), 10_000, "m2's passage on m1");

    await m1.getByTestId('authors-toggle').click();
    const view = m1.getByTestId('author-colours');
    await view.getByTestId('author-run').first().waitFor();
    const byAuthor = async (id: string) => (await view.locator(`[data-testid="author-run"][data-author="${id}"]`).allTextContents()).join('');
    await waitFor(async () => (await byAuthor('m1')).includes(one) && (await byAuthor('m2')).includes(two), 10_000, 'each passage under its author');
    expect(await byAuthor('m1')).not.toContain(two);
    expect(await byAuthor('m2')).not.toContain(one);
    const legend = await view.getByTestId('author-legend').innerText();
    expect(legend).toContain('Lê Văn Một');
    expect(legend).toContain('Phạm Thị Hai');
    // The colour of a passage is its author's caret colour.
    for (const id of ['m1', 'm2']) {
      const run = view.locator(`[data-testid="author-run"][data-author="${id}"]`).first();
      await expect(run.evaluate((el) => el.style.getPropertyValue('--author'))).resolves.toBe(colorOf(id));
    }
    // Read only while shown; the text is the editor's.
    await expect(view.locator('[contenteditable="true"]').count()).resolves.toBe(0);

    // What is written meanwhile shows too.
    await focusEnd(m2);
    await m2.keyboard.press('Enter');
    await m2.keyboard.type(later);
    await waitFor(async () => (await byAuthor('m2')).includes(later), 15_000, "m2's new passage coloured on m1");
    await browser.screenshot(m1, 'notes-colour-by-author');

    // Off again: back to the editor, which kept its text.
    await m1.getByTestId('authors-toggle').click();
    await prose(m1).waitFor();
    expect(await contentText(m1)).toContain(later);
  }, 120_000);

  it("a member's tablet has no history, and the server does not give a member the versions", async () => {
    const m4 = await openAs(browser, server, 'm4', TABLET);
    await m4.getByTestId('doc-tools').waitFor();
    await m4.getByTestId('authors-toggle').waitFor();
    await expect(m4.getByTestId('history-open').count()).resolves.toBe(0);
    await expect(m4.getByTestId('version-name-open').count()).resolves.toBe(0);

    const doc = notesDocName('collective');
    expect((await getAs(server, 'm4', `docs/${doc}/versions`)).status).toBe(403);
    const list = await getAs(server, 'chair', `docs/${doc}/versions`);
    expect(list.status).toBe(200);
    const { versions } = VersionList.parse(list.body);
    expect(versions.length).toBeGreaterThan(0);
    expect((await getAs(server, 'm4', `docs/${doc}/versions/${versions[0].id}`)).status).toBe(403);
    // The member may see who wrote what, an observer may not.
    const current = await getAs(server, 'm4', `docs/${doc}/current`);
    expect(current.status).toBe(200);
    CurrentContent.parse(current.body);
    expect((await getAs(server, 'obs', `docs/${doc}/current`)).status).toBe(403);

    const obs = await openAs(browser, server, 'obs', TABLET);
    await obs.locator('[data-testid="notes-editor"]').waitFor();
    await expect(obs.getByTestId('doc-tools').count()).resolves.toBe(0);
  }, 60_000);
});
