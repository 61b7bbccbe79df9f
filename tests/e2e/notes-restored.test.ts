import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesDocName } from '../../shared/notes/access.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { versionsOf, wipe } from '../helpers/history.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf } from '../helpers/yjs.js';
import { openConsoleTab } from './consoleTabs.js';

const NOTES = notesDocName('collective');

describe('a restored document is announced on members’ devices and in the console, not on the room screen', () => {
  let server: TestServer;
  let browser: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const open = async (who: string, size: { width: number; height: number; hasTouch?: boolean }): Promise<Page> => {
    const { page } = await browser.device(size);
    await page.goto(`${server.url}/join/${server.tokenOf(who)}`);
    return page;
  };

  it('says which document, to which version and by whom', async () => {
    const writer = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('m2'));
    await writer.synced();
    appendParagraph(writer.doc, 'Góp ý: cần bổ sung phần nguyên nhân chủ quan.');
    const chair = await server.connectAs('chair');
    await waitFor(async () => (await server.store.loadDoc(server.meeting.meetingId, NOTES)).updates.length > 0, 10_000, 'the notes stored');
    const named = (await chair.send({ type: 'notes.nameVersion', docName: NOTES, label: 'Bản chốt' })) as { versionId: string };
    wipe(writer.doc);
    await waitFor(async () => (await versionsOf(server.url, server.meeting.meetingId, NOTES, server.tokenOf('chair'))).some((v) => v.kind === 'before-wipe'), 10_000, 'the wipe');
    expect(await chair.send({ type: 'notes.restore', docName: NOTES, versionId: named.versionId })).toMatchObject({ ok: true });
    await waitFor(() => textOf(writer.doc).includes('nguyên nhân'), 10_000, 'the restore');
    writer.destroy();

    const said = /^Góp ý «Kiểm điểm tập thể» đã được khôi phục về bản lúc \d\d:\d\d \(«Bản chốt»\) bởi đ\/c Nguyễn Văn Chủ \(\d\d:\d\d\)$/;
    const tablet = await open('m1', { width: 1024, height: 768, hasTouch: true });
    const mine = tablet.locator('[data-testid="my-notice"][data-kind="notes-restored"]');
    await mine.waitFor();
    expect(await mine.innerText()).toMatch(said);
    // Not a step taken about this member: no "tell the organisers" hint.
    expect(await tablet.locator('.my-notices-hint').count()).toBe(0);

    const console_ = await open('sec', { width: 1440, height: 900 });
    await openConsoleTab(console_, 'notices');
    expect(await console_.locator('[data-testid="notice"][data-kind="notes-restored"]').innerText()).toMatch(said);

    const screen = await open('screen', { width: 1920, height: 1080 });
    await screen.getByTestId('screen-view').waitFor();
    expect(await screen.locator('[data-kind="notes-restored"]').count()).toBe(0);
  }, 90_000);
});
