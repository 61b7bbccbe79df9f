import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_SPEAKING_SEC } from '../../shared/limits.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { connected, smallTargets, withAttr } from './devices.js';
import type { TabletTab } from './tabletTabs.js';

interface Device {
  name: string;
  width: number;
  height: number;
}
/** A 10-inch tablet both ways and a phone, all touch screens. */
const DEVICES: Device[] = [
  { name: '1024x768', width: 1024, height: 768 },
  { name: '768x1024', width: 768, height: 1024 },
  { name: '390x844', width: 390, height: 844 },
];
const BEFORE_START = 'Hội nghị chưa bắt đầu';

/** What each tab must bring into sight. */
const TARGETS: Record<TabletTab, string> = {
  item: '[data-testid="tab-panel-item"] [data-testid="current-item-title"]',
  speakers: '[data-testid="tab-panel-speakers"] .speakers-panel',
  notes: '[data-testid="tab-panel-notes"] [data-testid="notes-panel"]',
  vote: '[data-testid="tab-panel-vote"] > *',
};

/** Whether the element's top lies within the viewport and it has a visible size there. */
async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.first().boundingBox();
  const { width, height } = page.viewportSize()!;
  return box !== null && box.width > 0 && box.height > 0 && box.y >= 0 && box.y < height - 20 && box.x >= 0 && box.x + box.width <= width + 1;
}

/** Taps a tab once and checks it is selected and its content is on screen. */
async function tapTab(page: Page, tab: TabletTab): Promise<void> {
  await page.getByTestId(`tab-${tab}`).tap();
  await page.locator(`[data-testid="tab-${tab}"][aria-selected="true"]`).waitFor();
  await page.locator(TARGETS[tab]).first().waitFor();
  expect(await inViewport(page, page.locator(TARGETS[tab])), `${tab} in view`).toBe(true);
}

const overflowsSideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);

describe('the tablet and the observer phone at a glance (Chromium, touch)', () => {
  let server: TestServer;
  let b: TestBrowser;
  let chair: TestClient;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    chair = await server.connectAs('chair');
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  async function open(s: TestServer, participantId: string, d: Device, beforeLoad?: (page: Page) => Promise<void>): Promise<Page> {
    const context = await b.browser.newContext({
      viewport: { width: d.width, height: d.height },
      hasTouch: true,
      isMobile: true,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await beforeLoad?.(page);
    await page.goto(`${s.url}/join/${s.tokenOf(participantId)}`);
    await connected(page);
    return page;
  }

  it('before the start: the message once, each section one tap away, fingertip-sized tabs', async () => {
    for (const d of DEVICES) {
      const page = await open(server, 'm2', d);
      await withAttr(page, 'meeting-status', 'data-status', 'scheduled').waitFor({ state: 'attached' });
      const said = await page.getByTestId('tablet-view').evaluate((e, text) => (e.textContent ?? '').split(text).length - 1, BEFORE_START);
      expect(said, d.name).toBe(1);
      expect(await page.getByRole('tablist').count()).toBe(1);
      expect(await page.getByRole('tab').count()).toBe(4);
      expect(await page.getByTestId('tab-item').getAttribute('aria-selected')).toBe('true');
      expect(await inViewport(page, page.getByText(BEFORE_START))).toBe(true);
      await b.screenshot(page, `tablet-${d.name}-before-start`);
      for (const tab of ['speakers', 'notes', 'vote', 'item'] as const) await tapTab(page, tab);
      // A keyboard moves between the tabs with the arrow keys, as the tabs pattern has it.
      await page.getByTestId('tab-item').focus();
      await page.keyboard.press('ArrowRight');
      await page.locator('[data-testid="tab-speakers"][aria-selected="true"]:focus').waitFor();
      await page.keyboard.press('ArrowLeft');
      await page.locator('[data-testid="tab-item"][aria-selected="true"]:focus').waitFor();
      expect(await smallTargets(page), d.name).toEqual([]);
      expect(await overflowsSideways(page), d.name).toBe(false);
      await page.context().close();
    }
  }, 90_000);

  it("one's own place and countdown stay in view on the notes tab; an overrun reads 'Quá giờ'; a paper waiting is badged", async ({ onTestFinished }) => {
    // As in floor.test.ts: the rooms' clock and each page's move forward together, under 20 s in all.
    let skipped = 0;
    const timed = await startServer({ clock: () => Date.now() + skipped, maxConnectionsPerToken: 10 });
    const pages: Page[] = [];
    onTestFinished(async () => {
      await Promise.all(pages.map((p) => p.context().close()));
      await timed.stop();
    });
    const boss = await timed.connectAs('chair');
    for (const id of ['chair', 'm1', 'm2', 'm3', 'm4']) expect(await boss.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    expect(await boss.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });
    expect(await boss.send({ type: 'queue.setSpeakingTime', seconds: MIN_SPEAKING_SEC })).toMatchObject({ ok: true });
    const m3 = await timed.connectAs('m3');
    const m2 = await timed.connectAs('m2');
    expect(await m3.send({ type: 'queue.request', kind: 'speech' })).toMatchObject({ ok: true });
    expect(await m2.send({ type: 'queue.request', kind: 'speech' })).toMatchObject({ ok: true });

    for (const d of DEVICES) pages.push(await open(timed, 'm2', d, (page) => page.clock.install()));
    for (const [i, page] of pages.entries()) {
      const name = DEVICES[i].name;
      await tapTab(page, 'notes');
      await page.locator('[data-testid="notes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor();
      expect(await inViewport(page, page.getByTestId('notes-editor')), name).toBe(true);
      const place = withAttr(page, 'my-position', 'data-position', '2');
      await place.waitFor();
      expect(await place.innerText()).toMatch(/^Bạn đứng thứ 2/);
      expect(await inViewport(page, place), name).toBe(true);
      await b.screenshot(page, `tablet-${name}-notes-queued`);
      await tapTab(page, 'speakers');
      expect(await inViewport(page, page.getByTestId('queue-entry-m2')), name).toBe(true);
      await b.screenshot(page, `tablet-${name}-speakers`);
      await tapTab(page, 'item');
      await b.screenshot(page, `tablet-${name}-item`);
      await tapTab(page, 'notes');
    }

    // The chair gives m2 the floor while m2 is on the notes: the countdown is there, then the overrun.
    expect(await boss.send({ type: 'queue.give', participantId: 'm2' })).toMatchObject({ ok: true });
    for (const page of pages) {
      const countdown = withAttr(page, 'my-countdown', 'data-overtime', 'false');
      await countdown.waitFor();
      expect(await inViewport(page, countdown)).toBe(true);
      expect(await page.getByTestId('my-position').innerText()).toBe('Bạn đang phát biểu');
    }
    skipped += (MIN_SPEAKING_SEC + 1) * 1000;
    await Promise.all(pages.map((p) => p.clock.fastForward((MIN_SPEAKING_SEC + 1) * 1000)));
    for (const [i, page] of pages.entries()) {
      const over = withAttr(page, 'my-countdown', 'data-overtime', 'true');
      await over.waitFor({ timeout: 5000 });
      expect(await over.locator('.countdown-clock').innerText()).toMatch(/^Quá giờ \d+:\d\d$/);
      expect(await inViewport(page, over)).toBe(true);
      await b.screenshot(page, `tablet-${DEVICES[i].name}-overrun`);
    }
    expect(await boss.send({ type: 'queue.end' })).toMatchObject({ ok: true });

    // A paper for m2: the vote tab says how many are waiting, and one tap opens it.
    expect(await boss.send({ type: 'ballot.create', ballot: { kind: 'motion', title: 'Thông qua Nghị quyết hội nghị' } })).toMatchObject({ ok: true });
    await waitFor(() => boss.state.ballots.length === 1, 10_000, 'the draft');
    expect(await boss.send({ type: 'ballot.open', ballotId: boss.state.ballots[0].id })).toMatchObject({ ok: true });
    for (const [i, page] of pages.entries()) {
      const badge = withAttr(page, 'tab-vote-badge', 'data-count', '1');
      await badge.waitFor();
      expect(await inViewport(page, badge)).toBe(true);
      expect(await page.getByTestId('tab-vote').innerText()).toContain('1');
      await b.screenshot(page, `tablet-${DEVICES[i].name}-paper-waiting`);
      await tapTab(page, 'vote');
      await b.screenshot(page, `tablet-${DEVICES[i].name}-paper`);
    }
  }, 120_000);

  it('the observer: a header of at most 64 px on a phone, nothing wider than the screen, each section one tap away', async () => {
    for (const [command, by] of [
      [{ type: 'agenda.open', itemId: 'review-m1' }, chair],
      [{ type: 'queue.request', kind: 'speech' }, await server.connectAs('m3')],
      [{ type: 'queue.give' }, chair],
      [{ type: 'queue.request', kind: 'speech' }, await server.connectAs('m4')],
    ] as const) {
      expect(await by.send(command)).toMatchObject({ ok: true });
    }
    for (const d of DEVICES) {
      const page = await open(server, 'obs', d);
      await withAttr(page, 'current-item-title', 'data-item-id', 'review-m1').waitFor();
      if (d.width <= 600) expect((await page.locator('.app-head').boundingBox())!.height, d.name).toBeLessThanOrEqual(64);
      expect(await overflowsSideways(page), d.name).toBe(false);
      await b.screenshot(page, `observer-${d.name}`);
      for (const tab of ['speakers', 'notes', 'vote', 'item'] as const) {
        await tapTab(page, tab);
        expect(await overflowsSideways(page), `${d.name} ${tab}`).toBe(false);
        if (tab !== 'item') await b.screenshot(page, `observer-${d.name}-${tab}`);
      }
      expect(await smallTargets(page), d.name).toEqual([]);
      await page.context().close();
    }
  }, 90_000);
});
