import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTabletTab } from '../e2e/tabletTabs.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';

interface Seen {
  url: string;
  navigation: boolean;
  fromServiceWorker: boolean;
  referer: string | undefined;
}

/** Every header Chromium sent, the Referer included (it is added below the page, by the network stack). */
async function refererOf(request: Request): Promise<string | undefined> {
  try {
    return (await request.allHeaders()).referer;
  } catch {
    // A request cancelled before it was sent: only what the page asked for is known.
    return request.headers().referer;
  }
}

/**
 * A participant's link holds their token once, in the first navigation: the page replaces
 * /join/<token> by /meeting, and nothing after it carries the token, neither in a URL (assets,
 * Socket.IO, the notes' WebSocket, the service worker's fetches) nor as Referer.
 */
describe('no token in a URL after the first request, nor as Referer (Chromium)', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    const chair = await server.connectAs('chair');
    // The current item's notes open by themselves on the tablet.
    expect(await chair.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a member opens their join link, and only that first request carries the token', async () => {
    const token = server.tokenOf('m1');
    const { context, page } = await browser.device();
    const seen: Promise<Seen>[] = [];
    const sockets: string[] = [];
    // The context's events include the service worker's own fetches, which the page's do not.
    context.on('request', (request) => {
      seen.push(
        refererOf(request).then((referer) => ({
          url: request.url(),
          navigation: request.isNavigationRequest(),
          fromServiceWorker: request.serviceWorker() !== null,
          referer,
        })),
      );
    });
    page.on('websocket', (ws) => sockets.push(ws.url()));

    const ready = async () => {
      await page.locator('[data-testid="tablet-view"]').waitFor();
      await page.locator('[data-testid="connection"][data-state="connected"]').first().waitFor();
      // The tab is kept per browser tab, so after a reload the notes are already in front.
      if ((await page.getByTestId('tab-notes').getAttribute('aria-selected')) !== 'true') await openTabletTab(page, 'notes');
      await page.locator('[data-testid="notes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor();
    };
    await page.goto(`${server.url}/join/${token}`);
    await ready();
    expect(new URL(page.url()).pathname).toBe('/meeting');
    await expect(page.locator('meta[name="referrer"]').getAttribute('content')).resolves.toBe('no-referrer');

    // The service worker (127.0.0.1 is a secure context) installs and fetches the shell; a reload
    // then goes through it.
    const worker = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]),
    );
    expect(worker, 'the service worker to be active').toBe(true);
    await page.reload();
    await ready();
    expect(new URL(page.url()).pathname).toBe('/meeting');
    // A control: a request that asks for a Referer gets one, and the capture sees it.
    await page.evaluate(() => fetch('/healthz?control', { referrerPolicy: 'unsafe-url' }).then((r) => r.ok));

    const requests = await Promise.all(seen);
    // The capture saw what it must: assets, the service worker's fetches, both WebSockets.
    expect(requests.length).toBeGreaterThan(3);
    expect(
      requests.some((r) => r.fromServiceWorker),
      'a request of the service worker',
    ).toBe(true);
    expect(
      sockets.some((u) => new URL(u).pathname.startsWith('/socket.io/')),
      'the Socket.IO WebSocket',
    ).toBe(true);
    expect(
      sockets.some((u) => new URL(u).pathname.startsWith('/yjs/')),
      'the notes WebSocket',
    ).toBe(true);

    expect(requests.find((r) => r.url.endsWith('/healthz?control'))?.referer).toBe(`${server.url}/meeting`);

    expect(requests[0]).toMatchObject({ url: `${server.url}/join/${token}`, navigation: true });
    const withToken = requests.filter((r) => r.url.includes(token));
    expect(withToken.map((r) => r.url)).toEqual([`${server.url}/join/${token}`]);
    expect(requests.filter((r) => r.referer?.includes(token)).map((r) => `${r.url} ← ${r.referer}`)).toEqual([]);
    expect(sockets.filter((u) => u.includes(token))).toEqual([]);
    await context.close();
  });
});
