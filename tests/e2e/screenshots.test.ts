import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { LAPTOP, openLink, overflowsSideways, PROJECTOR, smallTargets, TABLET_LANDSCAPE, TABLET_PORTRAIT, withAttr, type Size } from './devices.js';
import { openConsoleTab } from './consoleTabs.js';

/**
 * The four views in a realistic moment of the meeting, saved for people to look at
 * (test-results/screenshots/, git-ignored), each checked for fingertip-sized controls and for
 * fitting the tablet's width in both orientations.
 */
describe('the four views, photographed (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    // One link is opened in a window per screen size, beside the test's own socket: more than a tablet and a spare.
    server = await startServer({ maxConnectionsPerToken: 10 });
    b = await launchBrowser();
    const chair = await server.connectAs('chair');
    const [m1, m2, m3, guest] = await Promise.all(['m1', 'm2', 'm3', 'guest'].map((p) => server.connectAs(p)));
    const steps: [typeof chair, Parameters<typeof chair.send>[0]][] = [
      [chair, { type: 'agenda.open', itemId: 'open' }],
      [m2, { type: 'queue.request', kind: 'speech' }],
      [chair, { type: 'queue.give' }],
      [chair, { type: 'queue.end' }],
      [chair, { type: 'agenda.next' }],
      [chair, { type: 'agenda.next' }],
      [m2, { type: 'queue.request', kind: 'speech' }],
      [guest, { type: 'queue.request', kind: 'speech' }],
      [m3, { type: 'queue.request', kind: 'point-of-order' }],
      [m1, { type: 'queue.request', kind: 'reply' }],
      [chair, { type: 'queue.give' }],
      ...['chair', 'sec', 'm1', 'm2', 'm3', 'guest'].map(
        (id) => [chair, { type: 'attendance.mark', participantId: id, status: 'present' }] as [typeof chair, Parameters<typeof chair.send>[0]],
      ),
      [chair, { type: 'attendance.mark', participantId: 'm4', status: 'excused' }],
    ];
    for (const [client, command] of steps) expect(await client.send(command)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  async function photograph(participantId: string, name: string, size: Size, fullPage = false) {
    const page = await openLink(b, server.url, server.tokenOf(participantId), size);
    await withAttr(page, 'current-item-title', 'data-item-id', 'review-m1').waitFor();
    await page.getByTestId('countdown').first().waitFor();
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    if (fullPage) await page.screenshot({ path, fullPage: true });
    else await b.screenshot(page, name);
    expect(statSync(path).size).toBeGreaterThan(10_000);
    return page;
  }

  it('chair console: landscape, portrait and a small laptop', async () => {
    for (const [size, name] of [
      [TABLET_LANDSCAPE, 'chair-console'],
      [TABLET_PORTRAIT, 'chair-console-portrait'],
      [LAPTOP, 'chair-console-1024'],
    ] as const) {
      const page = await photograph('chair', name, size);
      expect(await smallTargets(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
    }
    const page = await photograph('chair', 'chair-console-full', TABLET_LANDSCAPE, true);
    expect(await page.getByTestId('current-item-timing').isVisible()).toBe(true);
    await openConsoleTab(page, 'stats');
    await page.getByTestId('stats-row-m2').waitFor();
  }, 60_000);

  it('member tablet: landscape and portrait, with the own place in the queue', async () => {
    for (const [size, name] of [
      [TABLET_LANDSCAPE, 'tablet-landscape'],
      [TABLET_PORTRAIT, 'tablet-portrait'],
    ] as const) {
      const page = await photograph('m1', name, size);
      expect(await page.getByTestId('my-position').getAttribute('data-position')).toBe('3');
      expect(await smallTargets(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
    }
  }, 60_000);

  it('room screen: the speaker with the countdown and the next speakers, at 1920 × 1080', async () => {
    const page = await photograph('screen', 'room-screen', PROJECTOR);
    expect(await page.getByTestId('current-speaker').textContent()).toBe('Hoàng Văn Ba');
    expect(await page.locator('[data-testid="queue-list"] li').count()).toBe(3);
    await page.getByTestId('join-qr').waitFor();
    // Readable from the back of the hall: the speaker's name and the countdown are very large.
    const px = (testId: string, selector = '') =>
      page
        .locator(`[data-testid="${testId}"] ${selector}`.trim())
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await px('current-speaker')).toBeGreaterThanOrEqual(100);
    expect(await px('countdown', '.countdown-clock')).toBeGreaterThanOrEqual(200);
    expect(await smallTargets(page)).toEqual([]);
  }, 60_000);

  it('observer: read only, landscape and portrait', async () => {
    for (const [size, name] of [
      [TABLET_LANDSCAPE, 'observer'],
      [TABLET_PORTRAIT, 'observer-portrait'],
    ] as const) {
      const page = await photograph('obs', name, size);
      // Besides the tabs that move between sections, the language switch is the only control an observer has.
      expect(await page.locator('button:not([role="tab"])').evaluateAll((list) => list.map((e) => e.getAttribute('data-testid')))).toEqual(['lang-switch']);
      expect(await overflowsSideways(page)).toBe(false);
    }
  }, 60_000);
});
