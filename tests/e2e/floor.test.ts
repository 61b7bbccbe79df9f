import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_SPEAKING_SEC } from '../../shared/limits.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connected, openLink, PROJECTOR, TABLET_LANDSCAPE, withAttr, type Size } from './devices.js';
import { openConsoleTab } from './consoleTabs.js';

/** "m:ss" (or "-m:ss") on a countdown, in seconds. */
function seconds(clock: string): number {
  const [, over, m, s] = /^(Quá giờ )?(\d+):(\d\d)$/.exec(clock.trim())!;
  return (over ? -1 : 1) * (Number(m) * 60 + Number(s));
}

describe('the floor, from a tablet to the room screen (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  it('a member asks on the tablet, the screen lists them, the chair gives the floor, the countdown turns red and extends', async ({ onTestFinished }) => {
    // The speaking time runs on a clock the test moves instead of waiting it out. This server's rooms
    // (speech start and end times) read real time plus `skipped`; each device's page has Playwright's
    // clock installed before the app loads. Both flow with real time, so the offset the app measures
    // at connect (`time` round trips, answered from the real clock) is about 0; `skip` then moves the
    // rooms and every page forward together, and the devices' view of server time stays the rooms'.
    // Keep skips under 20 s in all: a page clock 45 s past Engine.IO's last ping (sent every 25 s)
    // is a dead connection to its client, and a reconnect would measure the offset against real time.
    let skipped = 0;
    const timed = await startServer({ clock: () => Date.now() + skipped });
    const pages: Page[] = [];
    // The devices go first: a server closing with browsers still connected may wait on them.
    onTestFinished(async () => {
      await Promise.all(pages.map((p) => p.context().close()));
      await timed.stop();
    });
    const openTimed = async (token: string, size: Size = TABLET_LANDSCAPE) => {
      const { page } = await b.device(size);
      await page.clock.install();
      await page.goto(`${timed.url}/join/${token}`);
      await connected(page);
      pages.push(page);
      return page;
    };
    const skip = async (ms: number) => {
      skipped += ms;
      await Promise.all(pages.map((p) => p.clock.fastForward(ms)));
    };

    const chairClient = await timed.connectAs('chair');
    const { version } = (await chairClient.send({ type: 'agenda.open', itemId: 'collective' })) as { version: number };
    // The shortest speaking time the rules allow.
    await chairClient.send({ type: 'queue.setSpeakingTime', seconds: MIN_SPEAKING_SEC });
    await chairClient.waitForVersion(version + 1);

    const chair = await openTimed(timed.tokenOf('chair'));
    const tablet = await openTimed(timed.tokenOf('m2'));
    const screen = await openTimed(timed.tokenOf('screen'), PROJECTOR);

    await tablet.getByTestId('ask-floor').click();
    await withAttr(tablet, 'my-position', 'data-position', '1').waitFor();
    await screen.locator('[data-testid="queue-list"] [data-testid="queue-entry-m2"]').waitFor();
    expect(await screen.getByTestId('queue-entry-m2').textContent()).toContain('Phạm Thị Hai');

    // A guest asks after her: she keeps her place, and both see their own.
    const guest = await timed.connectAs('guest');
    await guest.send({ type: 'queue.request', kind: 'speech' });
    await screen.getByTestId('queue-entry-guest').waitFor();
    await withAttr(tablet, 'my-position', 'data-position', '1').waitFor();

    await chair.getByTestId('give-next').click();
    await withAttr(screen, 'current-speaker', 'data-participant-id', 'm2').waitFor();
    expect(await screen.getByTestId('current-speaker').textContent()).toBe('Phạm Thị Hai');
    await screen.getByTestId('queue-entry-m2').waitFor({ state: 'detached' });
    await tablet.getByText('Bạn đang phát biểu').waitFor();

    const countdown = screen.getByTestId('countdown');
    const shown = async () => seconds((await countdown.locator('.countdown-clock').textContent()) ?? '');
    // Polled: in the speech's first instant the app may still put server time a few ms before its
    // start (its clock estimate lags by up to half a round trip), which shows 0:16 until the next tick.
    await expect.poll(shown).toBeLessThanOrEqual(MIN_SPEAKING_SEC);
    expect(await shown()).toBeGreaterThan(0);
    expect(await countdown.getAttribute('data-overtime')).toBe('false');
    // Past the limit the countdown says by how much ("Quá giờ 0:01") in red, on the screen and on the console.
    await skip((MIN_SPEAKING_SEC + 1) * 1000);
    await withAttr(screen, 'countdown', 'data-overtime', 'true').waitFor({ timeout: 5000 });
    expect(await countdown.locator('.countdown-clock').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(255, 90, 79)');
    await expect.poll(shown, { timeout: 5000 }).toBeLessThan(0);
    await withAttr(chair, 'countdown', 'data-overtime', 'true').waitFor();

    await chair.getByTestId('extend-60').click();
    await withAttr(screen, 'countdown', 'data-overtime', 'false').waitFor();
    const left = await shown();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(60);

    await chair.getByTestId('end-speech').click();
    await withAttr(screen, 'current-speaker', 'data-participant-id', '').waitFor();
    await openConsoleTab(chair, 'stats');
    await withAttr(chair, 'stats-row-m2', 'data-times', '1').waitFor();
    await chair.getByTestId('not-spoken-m3').waitFor();
  }, 60_000);

  it('a point of order goes ahead of speeches; a member withdraws; only the member under review may reply', async () => {
    const chairClient = await server.connectAs('chair');
    await chairClient.send({ type: 'agenda.open', itemId: 'review-m1' });
    const subject = await openLink(b, server.url, server.tokenOf('m1'));
    const other = await openLink(b, server.url, server.tokenOf('m3'));
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);
    await withAttr(subject, 'current-item-title', 'data-item-id', 'review-m1').waitFor();

    expect(await subject.getByTestId('ask-reply').count()).toBe(1);
    expect(await other.getByTestId('ask-reply').count()).toBe(0);

    await other.getByTestId('ask-floor').click();
    await withAttr(other, 'my-position', 'data-position', '1').waitFor();
    await subject.getByTestId('ask-point-of-order').click();
    await withAttr(subject, 'my-position', 'data-position', '1').waitFor();
    await withAttr(other, 'my-position', 'data-position', '2').waitFor();
    const names = () => screen.locator('[data-testid="queue-list"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')));
    await expect.poll(names).toEqual(['queue-entry-m1', 'queue-entry-m3']);

    await other.getByTestId('withdraw-speech').click();
    await withAttr(other, 'my-position', 'data-position', '').waitFor();
    await expect.poll(names).toEqual(['queue-entry-m1']);
  });
});
