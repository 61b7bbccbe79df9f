import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer } from '../helpers/server.js';

describe('a view that fails while rendering says so instead of going blank (Chromium)', () => {
  let b: TestBrowser;
  beforeAll(async () => {
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('the tablet shows the crash page, and reloading brings the meeting back', async () => {
    const server = await startServer();
    try {
      // Without the service worker: once it controls the page it fetches the view's code itself,
      // past page.route, and the swap below would sometimes not happen.
      const { page } = await b.device({ serviceWorkers: 'block' });
      // The tablet view's code, swapped for one that throws when React renders it.
      let broken = true;
      await page.route('**/assets/TabletView-*.js', (route) =>
        broken ? route.fulfill({ contentType: 'text/javascript', body: 'export const TabletView = () => { throw new Error("render failed"); };' }) : route.continue(),
      );
      await page.goto(`${server.url}/join/${server.tokenOf('m2')}`);
      await page.getByTestId('crashed').waitFor();
      broken = false;
      await page.getByTestId('crash-reload').click();
      await page.getByTestId('tablet-view').waitFor();
    } finally {
      await server.stop();
    }
  }, 60_000);
});
