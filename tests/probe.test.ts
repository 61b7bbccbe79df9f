import { it } from 'vitest';
import { startServer } from './helpers/server.js';
import { launchBrowser } from './helpers/browser.js';

it('browser probe', async () => {
  const s = await startServer();
  const b = await launchBrowser();
  for (const [who, w, h] of [['chair', 1280, 800], ['m1', 1024, 768], ['screen', 1920, 1080], ['obs', 1280, 800]] as const) {
    const { page } = await b.device({ width: w, height: h });
    await page.goto(`${s.url}/join/${s.tokenOf(who)}`);
    await page.waitForSelector('[data-testid$="-view"], [data-testid="chair-console"]');
    await b.screenshot(page, `probe-${who}`);
  }
  await b.close();
  await s.stop();
}, 60000);
