import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { PROTOCOL_VERSION } from '../../shared/versions.js';
import type { Store } from '../../server/store/store.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { ADMIN_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { textOf } from '../helpers/yjs.js';
import { focusEnd, storedText } from './notesPages.js';
import { openTabletTab } from './tabletTabs.js';

const ITEM = 'review-m1';
const DOC = notesDocName(ITEM);
const status = '[data-testid="notes-editor"] [data-testid="doc-status"]';
/** Tomorrow's server serves only tomorrow's app: today's is one protocol behind. */
const TOMORROW = PROTOCOL_VERSION + 1;

/** Tomorrow's app: the client built with the next protocol version (tests/e2e/tomorrowApp.config.ts). */
function buildTomorrowsApp(outDir: string): void {
  const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'tests/e2e/tomorrowApp.config.ts', '--logLevel', 'warn'], {
    cwd: process.cwd(),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', TOMORROW_OUT: outDir, TOMORROW_PROTOCOL: String(TOMORROW) },
  });
  if (built.status !== 0) throw new Error("building tomorrow's app failed");
}

/**
 * The deployment overnight: today's server stops, and tomorrow's (this code with the next protocol
 * version, serving only it) starts on the same port and data folder, handing out tomorrow's app.
 */
async function deployTomorrow(server: TestServer, clientDir: string): Promise<Store> {
  await server.app.close();
  vi.resetModules();
  vi.doMock('../../shared/versions.js', async (original) => ({ ...(await original<object>()), PROTOCOL_VERSION: TOMORROW, MIN_CLIENT_PROTOCOL: TOMORROW }));
  const { createApp } = await import('../../server/app.js');
  const { SqliteStore } = await import('../../server/store/sqlite.js');
  const { createLogger } = await import('../../server/log.js');
  const store = new SqliteStore(join(server.dataDir, 'test.sqlite'));
  const app = createApp({ store, log: createLogger('warn', (line) => server.logs.push(line)), adminToken: ADMIN_TOKEN, publicUrl: 'http://placeholder', clientDir });
  await app.listen(Number(new URL(server.url).port), '127.0.0.1');
  server.app = app;
  server.store = store;
  return store;
}

async function storedBy(store: Store, server: TestServer): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await store.loadDoc(server.meeting.meetingId, DOC)).updates) Y.applyUpdate(doc, update);
  return textOf(doc);
}

/** Page scripts the document loaded: which build of the app it runs. */
const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);

describe("a tablet holding yesterday's app meets a server that no longer serves it (Chromium)", () => {
  let server: TestServer;
  let browser: TestBrowser;
  let tomorrowDir: string;

  beforeAll(async () => {
    tomorrowDir = mkdtempSync(join(tmpdir(), 'phong-hop-tomorrow-'));
    buildTomorrowsApp(tomorrowDir);
    server = await startServer();
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'agenda.open', itemId: ITEM })).toMatchObject({ ok: true });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tomorrowDir) rmSync(tomorrowDir, { recursive: true, force: true });
  });

  it('updates itself and reloads, keeping its link and the note edits it had not sent, which then reach the server', async () => {
    const { context, page } = await browser.device();
    const token = server.tokenOf('m1');
    await page.goto(`${server.url}/join/${token}`);
    await openTabletTab(page, 'notes');
    await page.locator(`${status}[data-phase="synced"]`).waitFor();
    await focusEnd(page);
    await page.keyboard.type('Trước khi cập nhật ứng dụng.');
    await waitFor(async () => (await storedText(server, DOC)).includes('Trước khi cập nhật ứng dụng.'), 10_000, 'the first line stored');
    await waitFor(
      () => page.evaluate(async () => (await navigator.serviceWorker.ready) !== null && (await caches.match('/__shell')) !== undefined),
      15_000,
      'the app shell cached',
    );
    const todaysScripts = await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src || location.href).pathname).filter((p) => p.startsWith('/assets/')));

    // Edits made without a connection stay on the tablet, not yet on any server.
    await context.setOffline(true);
    await page.locator(`${status}[data-phase="offline"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ghi khi mất mạng, trước bản cập nhật.');
    await page.locator(`${status}[data-pending="true"]`).waitFor();
    // What the tablet says while it updates, noted where it survives the reload.
    await page.evaluate(() => {
      new MutationObserver(() => {
        const said = document.querySelector('[data-testid="connection-refusal"]')?.textContent;
        if (said) sessionStorage.setItem('test.refusal-seen', said);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    const store = await deployTomorrow(server, tomorrowDir);
    const reloaded = page.waitForEvent('load', { timeout: 45_000 });
    await context.setOffline(false);
    await reloaded;

    // Tomorrow's app, from tomorrow's server, through the new service worker.
    await page.locator('[data-testid="connection"][data-state="connected"]').first().waitFor({ timeout: 20_000 });
    const tomorrowsScripts = scriptsOf(readFileSync(join(tomorrowDir, 'index.html'), 'utf8'));
    const running = await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src || location.href).pathname).filter((p) => p.startsWith('/assets/')));
    expect(running).toEqual(tomorrowsScripts);
    expect(running).not.toEqual(todaysScripts);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state)).toBe('activated');
    expect(await page.evaluate(() => sessionStorage.getItem('test.refusal-seen'))).toContain('Đang cập nhật ứng dụng…');

    // The same participant, from the stored link: the address bar never held the token again.
    expect(new URL(page.url()).pathname).toBe('/meeting');
    expect(await page.evaluate(() => localStorage.getItem('phong-hop.token'))).toBe(token);
    await page.locator('[data-testid="tablet-view"]').waitFor();

    // The edit made offline under yesterday's app reaches tomorrow's server.
    await page.locator(`${status}[data-phase="synced"]`).waitFor({ timeout: 20_000 });
    await waitFor(
      async () => {
        const stored = await storedBy(store, server);
        return stored.includes('Trước khi cập nhật ứng dụng.') && stored.includes('Ghi khi mất mạng, trước bản cập nhật.');
      },
      15_000,
      "the offline edit stored by tomorrow's server",
    );
  }, 120_000);
});
