import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { demoTokens, removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { connectClient, startServer, type TestServer } from '../helpers/server.js';
import { openLink, withAttr } from './devices.js';
import { openTabletTab } from './tabletTabs.js';

describe('a tablet that loses its connection says so and heals by itself (Chromium)', () => {
  let b: TestBrowser;
  beforeAll(async () => {
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('offline: the last state greys out with a notice; back online it shows what changed meanwhile', async () => {
    const server: TestServer = await startServer();
    try {
      const chair = await server.connectAs('chair');
      await chair.send({ type: 'agenda.open', itemId: 'open' });
      const { context, page } = await b.device();
      await page.goto(`${server.url}/join/${server.tokenOf('m2')}`);
      await withAttr(page, 'current-item-title', 'data-item-id', 'open').waitFor();
      expect(await page.getByTestId('stale-notice').count()).toBe(0);

      await context.setOffline(true);
      await withAttr(page, 'connection', 'data-state', 'offline').waitFor();
      await page.getByTestId('stale-notice').waitFor();
      expect(await page.getByTestId('tablet-view').getAttribute('class')).toContain('is-stale');
      // The tablet refuses to act on a state it knows may be old.
      await page.getByTestId('ask-floor').click();
      await page.getByTestId('toast').waitFor();

      // Meanwhile the meeting moves on.
      await chair.send({ type: 'agenda.next' });
      await chair.send({ type: 'queue.request', kind: 'speech', participantId: 'm3' });

      await context.setOffline(false);
      await withAttr(page, 'connection', 'data-state', 'connected').waitFor({ timeout: 20_000 });
      await withAttr(page, 'current-item-title', 'data-item-id', 'collective').waitFor();
      await openTabletTab(page, 'speakers');
      await page.getByTestId('queue-entry-m3').waitFor();
      await page.getByTestId('stale-notice').waitFor({ state: 'detached' });
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('server restart: the tablet shows it is reconnecting and comes back to the current state', { timeout: 60_000 }, async () => {
    let proc: ServerProcess = await spawnServer();
    const { dataDir, port } = proc;
    try {
      const tokens = demoTokens(dataDir);
      const page = await openLink(b, proc.url, tokens.roleOf('member'));

      await proc.kill9();
      await withAttr(page, 'connection', 'data-state', 'reconnecting').waitFor();
      await page.getByTestId('stale-notice').waitFor();

      proc = await spawnServer({ dataDir, port });
      const chair = await connectClient(proc.url, tokens.roleOf('chair'));
      try {
        const reply = await chair.send({ type: 'agenda.next' });
        expect(reply.ok).toBe(true);
        await withAttr(page, 'connection', 'data-state', 'connected').waitFor({ timeout: 20_000 });
        await withAttr(page, 'current-item-title', 'data-item-id', chair.state.activeItemId ?? '-').waitFor();
        await page.getByTestId('stale-notice').waitFor({ state: 'detached' });
      } finally {
        chair.close();
      }
    } finally {
      await proc.terminate();
      removeDataDir(dataDir);
    }
  });

  // A restart that cuts off a lazy chunk (here the notes editor's, loaded just after the meeting is
  // on screen) once blanked the whole app for good: React.lazy keeps the rejection.
  it('a chunk cut off by a restart: the tablet stays on screen and the notes load once the server answers', async () => {
    const server: TestServer = await startServer();
    try {
      // Without the service worker: once it controls the page it fetches the chunk itself, past
      // page.route, and the cut would sometimes not happen.
      const { page } = await b.device({ serviceWorkers: 'block' });
      let cutOff = 0;
      await page.route('**/assets/LiveDoc-*.js', (route) => (cutOff++ === 0 ? route.abort('connectionreset') : route.continue()));
      await page.goto(`${server.url}/join/${server.tokenOf('m2')}`);
      await withAttr(page, 'connection', 'data-state', 'connected').waitFor();
      await openTabletTab(page, 'notes');
      await page.locator('[data-testid="notes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor({ timeout: 20_000 });
      expect(cutOff).toBeGreaterThan(0);
      await withAttr(page, 'connection', 'data-state', 'connected').waitFor();
    } finally {
      await server.stop();
    }
  }, 60_000);
});
