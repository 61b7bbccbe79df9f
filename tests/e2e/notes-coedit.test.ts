import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc } from '../helpers/yjs.js';
import { contentHtml, contentText, focusEnd, openAs, prose, storedDoc, storedText } from './notesPages.js';

const ITEM = 'collective';
const DOC = notesDocName(ITEM);

describe('notes, co-edited in Chromium', () => {
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

  it("two members write the current item's notes together; an observer sees it live and cannot type", async () => {
    const [m1, m2, obs] = await Promise.all([openAs(browser, server, 'm1', { width: 1280, height: 800 }), openAs(browser, server, 'm2'), openAs(browser, server, 'obs')]);
    for (const page of [m1, m2, obs]) {
      // The current item's notes open by themselves.
      await page.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
      await page.locator('[data-testid="notes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor();
    }
    await expect(prose(m1, 'notes-editor').getAttribute('contenteditable')).resolves.toBe('true');
    await expect(prose(obs).getAttribute('contenteditable')).resolves.toBe('false');
    await obs.locator('[data-testid="notes-read-only"]').waitFor();
    await expect(obs.locator('[data-testid="notes-toolbar"]').count()).resolves.toBe(0);

    // m1: a heading, a paragraph with a bold part.
    await focusEnd(m1);
    await m1.locator('[data-testid="tool-h2"]').click();
    await m1.keyboard.type('Ưu điểm');
    await m1.keyboard.press('Enter');
    await m1.keyboard.type('Tập thể đoàn kết, ');
    await m1.locator('[data-testid="tool-bold"]').click();
    await m1.keyboard.type('thống nhất cao');
    await m1.locator('[data-testid="tool-bold"]').click();
    await m1.keyboard.type('.');
    await waitFor(async () => (await contentText(m2)).includes('thống nhất cao.'), 10_000, "m1's text on m2");

    // m2 adds a list below while m1 keeps writing: both at once.
    await focusEnd(m2);
    await m2.keyboard.press('Enter');
    await m2.locator('[data-testid="tool-bullet-list"]').click();
    await Promise.all([
      (async () => {
        await m2.keyboard.type('Còn nể nang trong tự phê bình');
        await m2.keyboard.press('Enter');
        await m2.keyboard.type('Chậm khắc phục hạn chế đã chỉ ra');
      })(),
      (async () => {
        await m1.keyboard.press('Enter');
        await m1.keyboard.type('Ý kiến thêm của đồng chí Một.');
      })(),
    ]);

    const expected = ['Ưu điểm', 'thống nhất cao', 'Còn nể nang trong tự phê bình', 'Chậm khắc phục hạn chế đã chỉ ra', 'Ý kiến thêm của đồng chí Một.'];
    await waitFor(
      async () => {
        const [a, b, c] = await Promise.all([contentHtml(m1), contentHtml(m2), contentHtml(obs)]);
        return a === b && b === c && expected.every((s) => a.includes(s));
      },
      15_000,
      'the three pages to converge',
    );
    const html = await contentHtml(m1);
    expect(html).toContain('<h2>Ưu điểm</h2>');
    expect(html).toContain('<strong>thống nhất cao</strong>');
    expect(html).toMatch(/<ul><li><p>Còn nể nang trong tự phê bình<\/p><\/li><li><p>Chậm khắc phục hạn chế đã chỉ ra<\/p><\/li><\/ul>/);

    // The server has it all, with TipTap's node and mark names the export reads.
    await waitFor(
      async () => {
        const text = await storedText(server, DOC);
        return expected.every((s) => text.includes(s));
      },
      10_000,
      'the stored document',
    );
    const fragment = (await storedDoc(server, DOC)).getXmlFragment(TIPTAP_FIELD);
    expect(fragment.toArray().map((node) => (node instanceof Y.XmlElement ? node.nodeName : '?'))).toEqual(['heading', 'paragraph', 'paragraph', 'bulletList']);
    expect(fragment.toString()).toContain('<heading level="2">Ưu điểm</heading>');
    expect(fragment.toString()).toContain('<bold>thống nhất cao</bold>');

    // Everyone sees who is in the document; m2 sees m1's named caret while m1 types.
    await m1.locator('[data-testid="doc-person"][data-participant="obs"]').waitFor();
    await m1.locator('[data-testid="doc-person"][data-participant="m2"]').waitFor();
    await m1.keyboard.type(' ');
    await m2.locator('.collaboration-carets__label', { hasText: 'Lê Văn Một' }).waitFor();
    await obs.locator('.collaboration-carets__label', { hasText: 'Lê Văn Một' }).waitFor();
    await browser.screenshot(m1, 'notes-tablet');

    // The observer taps into the text and types: nothing changes, here or on the server.
    await prose(obs).click();
    await obs.keyboard.type('QUAN-SAT-GO-PHIM');
    await obs.keyboard.press('Enter');
    await obs.keyboard.press('Backspace');
    // A later edit that reaches the observer proves its own keystrokes had their chance to travel.
    await focusEnd(m1);
    await m1.keyboard.type(' Hết.');
    await waitFor(async () => (await contentText(obs)).includes('Hết.'), 10_000, "m1's last edit on the observer page");
    await waitFor(async () => (await storedText(server, DOC)).includes('Hết.'), 10_000, "m1's last edit stored");
    expect(await contentText(obs)).not.toContain('QUAN-SAT');
    expect(await contentHtml(obs)).toBe(await contentHtml(m1));
    expect(await storedText(server, DOC)).not.toContain('QUAN-SAT');
  }, 120_000);

  it("a member browses another item's notes and comes back to the current one", async () => {
    const writer = connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf('m4'));
    await writer.synced();
    appendParagraph(writer.doc, 'Nội dung của mục đang thảo luận.');
    const page = await openAs(browser, server, 'm3', { width: 800, height: 1200 });
    await page.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
    await page.locator('[data-testid="notes-item-picker"]').selectOption('review-m1');
    await page.locator('[data-testid="notes-doc"][data-item-id="review-m1"]').waitFor();
    await page.locator('[data-testid="notes-away"]').waitFor();
    await page.locator('[data-testid="notes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor();
    await focusEnd(page);
    await page.keyboard.type('Ghi chú trước cho mục sau');
    await waitFor(async () => (await storedText(server, notesDocName('review-m1'))).includes('Ghi chú trước cho mục sau'), 10_000, "the other item's notes stored");
    // Undo and redo take back one's own typing, everywhere.
    await page.locator('[data-testid="tool-undo"]').click();
    await waitFor(async () => !(await storedText(server, notesDocName('review-m1'))).includes('Ghi chú trước'), 10_000, 'the undo stored');
    expect(await contentText(page)).not.toContain('Ghi chú trước');
    await page.locator('[data-testid="tool-redo"]').click();
    await waitFor(async () => (await storedText(server, notesDocName('review-m1'))).includes('Ghi chú trước cho mục sau'), 10_000, 'the redo stored');
    // Its notes are not the current item's.
    expect(await storedText(server, DOC)).not.toContain('Ghi chú trước');

    await page.locator('[data-testid="notes-follow-current"]').click();
    await page.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
    await waitFor(async () => (await contentText(page)).includes('Nội dung của mục đang thảo luận.'), 10_000, "the current item's notes");
    writer.destroy();
    await browser.screenshot(page, 'notes-tablet-portrait');
    await page.close();
  });

  it('the notes follow the chair to the next item unless one browses elsewhere', async () => {
    const follower = await openAs(browser, server, 'm4');
    const chair = await server.connectAs('chair');
    await follower.locator(`[data-testid="notes-doc"][data-item-id="${ITEM}"]`).waitFor();
    expect(await chair.send({ type: 'agenda.open', itemId: 'review-m2' })).toMatchObject({ ok: true });
    await follower.locator('[data-testid="notes-doc"][data-item-id="review-m2"]').waitFor();
    await follower.locator('[data-testid="notes-item-picker"]').selectOption('open');
    expect(await chair.send({ type: 'agenda.open', itemId: 'close' })).toMatchObject({ ok: true });
    await follower.locator('[data-testid="notes-away"]', { hasText: 'Bế mạc' }).waitFor();
    expect(await follower.locator('[data-testid="notes-doc"]').getAttribute('data-item-id')).toBe('open');
    await follower.close();
  });
});
