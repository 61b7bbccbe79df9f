import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { LAPTOP, openLink, TABLET_LANDSCAPE, withAttr } from './devices.js';
import { openTabletTab } from './tabletTabs.js';

const TEXT = 'Ưu điểm: hoàn thành đúng hạn các nhiệm vụ được giao.\n\nKhuyết điểm: có lúc chậm báo cáo; sẽ khắc phục trong năm tới.';

describe('self-assessment on the tablet, in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;
  let m1: Page;
  let m2: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    chair = await server.connectAs('chair');
    // A 10-inch tablet held landscape at its smallest: 1024 × 768.
    m1 = await openLink(browser, server.url, server.tokenOf('m1'), LAPTOP);
    m2 = await openLink(browser, server.url, server.tokenOf('m2'), TABLET_LANDSCAPE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a member fills in the form: scores with a running total, the level they allow, the self-review', async () => {
    expect(await m1.getByTestId('self-status').getAttribute('data-state')).toBe('none');
    await m1.getByTestId('self-open').click();
    const form = m1.getByTestId('self-form');
    await form.getByTestId('self-text').waitFor();
    await form.getByTestId('self-score-politics-ethics').fill('26');
    await form.getByTestId('self-score-results').fill('60');
    expect(await form.getByTestId('self-total').textContent()).toContain('86');
    await withAttr(m1, 'self-allowed', 'data-level', 'good').waitFor();
    // Excellent needs 90 points and 30 % of tasks exceeded: the form says so before the server would.
    await form.getByTestId('self-level-excellent').click();
    await form.getByTestId('self-above').waitFor();
    expect(await form.getByTestId('self-submit').isDisabled()).toBe(true);
    await form.getByTestId('self-level-good').click();
    await form.getByTestId('self-text').fill(TEXT);
    await browser.screenshot(m1, 'self-assessment-form-1024x768');
    await form.getByTestId('self-submit').click();
    await form.getByTestId('self-saved').waitFor();
    await waitFor(() => chair.state.selfAssessed.m1 !== undefined, 10_000, "m1's self-assessment handed in");
    // The others learn that it was handed in, never what it says.
    expect(JSON.stringify(chair.state)).not.toContain('chậm báo cáo');
    await form.getByTestId('self-close').click();
    await withAttr(m1, 'self-status', 'data-state', 'submitted').waitFor();
    expect(await m1.getByTestId('self-status').textContent()).toMatch(/^Đã nộp lúc \d\d:\d\d$/);

    // Opened again, the form reads back what was handed in.
    await m1.getByTestId('self-open').click();
    await m1.getByTestId('self-form').getByTestId('self-text').waitFor();
    expect(await m1.getByTestId('self-text').inputValue()).toBe(TEXT);
    expect(await m1.getByTestId('self-score-results').inputValue()).toBe('60');
    await m1.getByTestId('self-close').click();
  });

  it("the body sees it on the item tab once the member's review item opens; it is then read-only", async () => {
    versionOf(await chair.send({ type: 'agenda.open', itemId: 'review-m1' }));
    await openTabletTab(m2, 'item');
    const disclosed = m2.getByTestId('disclosed-assessment');
    await disclosed.waitFor();
    expect(await disclosed.getByTestId('disclosed-level').textContent()).toBe('Hoàn thành tốt nhiệm vụ');
    expect(await disclosed.getByTestId('disclosed-score').textContent()).toContain('86/100');
    expect(await disclosed.getByTestId('disclosed-text').locator('p').allTextContents()).toEqual(TEXT.split('\n\n'));
    await browser.screenshot(m2, 'self-assessment-disclosed-item');

    await withAttr(m1, 'self-status', 'data-state', 'disclosed').waitFor();
    await m1.getByTestId('self-open').click();
    await withAttr(m1, 'self-form-status', 'data-state', 'disclosed').waitFor();
    expect(await m1.getByTestId('self-submit').count()).toBe(0);
    expect(await m1.getByTestId('self-text').isDisabled()).toBe(true);
    await m1.getByTestId('self-close').click();
  });

  it('every rating paper shows the self-rating beside the name', async () => {
    await markPresent(chair, ['chair', 'm1', 'm2', 'm3', 'm4']);
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'r1', kind: 'rating', title: 'Đánh giá, xếp loại cá nhân năm 2024', subjects: ['m1', 'm3'] } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'r1' }));
    await openTabletTab(m2, 'vote');
    const self = m2.getByTestId('paper-self-m1');
    await self.waitFor();
    expect(await self.textContent()).toBe('tự xếp loại: Hoàn thành tốt nhiệm vụ');
    // m3 handed nothing in: nothing to show.
    expect(await m2.getByTestId('paper-self-m3').count()).toBe(0);
    await browser.screenshot(m2, 'self-assessment-paper');
  });
});
