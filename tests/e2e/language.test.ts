import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connected, openLink, PROJECTOR, TABLET_LANDSCAPE } from './devices.js';

describe('Vietnamese by default, English on request, remembered per device (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    const chair = await server.connectAs('chair');
    await chair.send({ type: 'agenda.open', itemId: 'open' });
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  it('switches the tablet to English, keeps it across a reload, and back', async () => {
    const tablet = await openLink(b, server.url, server.tokenOf('m1'));
    expect(await tablet.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await tablet.getByTestId('ask-floor').textContent()).toBe('Xin phát biểu');
    expect(await tablet.getByTestId('lang-switch').textContent()).toBe('English');

    await tablet.getByTestId('lang-switch').click();
    await tablet.getByText('Ask for the floor').waitFor();
    expect(await tablet.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await tablet.getByTestId('meeting-status').textContent()).toBe('In session');
    expect(await tablet.getByTestId('lang-switch').textContent()).toBe('Tiếng Việt');

    // The link was put away on the first visit; a reload keeps both who this is and the language.
    await tablet.reload();
    await connected(tablet);
    expect(await tablet.getByTestId('ask-floor').textContent()).toBe('Ask for the floor');
    expect(await tablet.getByTestId('you').textContent()).toContain('Lê Văn Một');

    // Another device keeps its own choice.
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);
    expect(await screen.evaluate(() => document.documentElement.lang)).toBe('vi');

    await tablet.getByTestId('lang-switch').click();
    await tablet.getByText('Xin phát biểu').waitFor();
    expect(await tablet.evaluate(() => document.documentElement.lang)).toBe('vi');
  });

  it('opens in English from the first frame on a device set to English', async () => {
    const { page } = await b.device(TABLET_LANDSCAPE);
    await page.addInitScript(() => {
      localStorage.setItem('phong-hop.lang', 'en');
      // Every state of the page the reader could see: React commits before the browser paints, and
      // a MutationObserver's callback runs before the paint too.
      const seen: string[] = [];
      (window as unknown as { seenTexts: string[] }).seenTexts = seen;
      new MutationObserver(() => {
        const root = document.getElementById('root');
        const text = root?.textContent ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${server.url}/join/${server.tokenOf('m2')}`);
    await connected(page);
    await page.getByText('Ask for the floor').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatch(/Connecting|Tiếng Việt/);
    for (const text of seen) expect(text).not.toMatch(/Đang kết nối|Xin phát biểu|Trực tuyến/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('stays in Vietnamese when the English words cannot be downloaded, and switches once they can', async () => {
    // No service worker: it would answer from its own copy, past the blocked route.
    const { page } = await b.device({ ...TABLET_LANDSCAPE, serviceWorkers: 'block' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/assets/en-*.js', (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/join/${server.tokenOf('m3')}`);
    await connected(page);
    const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/assets/en-'));
    await page.getByTestId('lang-switch').click();
    await failed;
    // The failed import settles within a few frames; the page must still be whole and Vietnamese.
    await page.waitForTimeout(300);
    expect(await page.getByTestId('ask-floor').textContent()).toBe('Xin phát biểu');
    expect(await page.getByTestId('lang-switch').textContent()).toBe('English');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');

    await page.unroute('**/assets/en-*.js');
    await page.getByTestId('lang-switch').click();
    await page.getByText('Ask for the floor').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
  });
});
