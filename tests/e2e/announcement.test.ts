import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openLink, PROJECTOR, TABLET_PORTRAIT } from './devices.js';
import { openConsoleTab } from './consoleTabs.js';

describe('announcements reach the room screen and every device (Chromium)', () => {
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

  it('a break with a countdown covers the screen, shows on the tablet and the observer, and goes when cleared', async () => {
    const chair = await openLink(b, server.url, server.tokenOf('chair'));
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);
    const tablet = await openLink(b, server.url, server.tokenOf('m3'), TABLET_PORTRAIT);
    const observer = await openLink(b, server.url, server.tokenOf('obs'));

    await openConsoleTab(chair, 'announcement');
    await chair.getByTestId('announcement-preset-0').click();
    expect(await chair.getByTestId('announcement-input').inputValue()).toBe('Nghỉ giải lao 15 phút');
    expect(await chair.getByTestId('announcement-minutes').inputValue()).toBe('15');
    await chair.getByTestId('announcement-post').click();

    for (const page of [screen, tablet, observer]) {
      await page.getByTestId('announcement').waitFor();
      expect(await page.getByTestId('announcement-text').textContent()).toBe('Nghỉ giải lao 15 phút');
      // Counted down from the server's end time: at most 15:00, and not yet much less.
      expect(await page.getByTestId('announcement-countdown').textContent()).toMatch(/^Còn (15:00|14:[0-5]\d)$/);
    }
    // On the room screen the message covers everything, in very large type.
    const overlayFont = await screen.getByTestId('announcement-text').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(overlayFont).toBeGreaterThanOrEqual(100);

    await chair.getByTestId('announcement-clear').click();
    for (const page of [screen, tablet, observer]) await page.getByTestId('announcement').waitFor({ state: 'detached' });
  });

  it('a message without a countdown shows no timer', async () => {
    const chair = await openLink(b, server.url, server.tokenOf('chair'));
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);
    await openConsoleTab(chair, 'announcement');
    await chair.getByTestId('announcement-input').fill('Mời đại biểu vào hội trường');
    await chair.getByTestId('announcement-post').click();
    await screen.getByTestId('announcement').waitFor();
    expect(await screen.getByTestId('announcement-text').textContent()).toBe('Mời đại biểu vào hội trường');
    expect(await screen.getByTestId('announcement-countdown').count()).toBe(0);
  });
});
