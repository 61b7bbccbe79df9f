/**
 * Client: how much JavaScript each view loads, and how soon a member's tablet shows the meeting.
 *
 * Ours is the built client (dist/client, a production build; rebuilt first when it is missing,
 * older than its sources, or holds React's development bundle) served by our server as its own
 * process (server/main.ts). A bench meeting is created over the admin API and started, with its
 * first agenda item open, by the chair over Socket.IO.
 *
 * 1. JS per view (cases "JS, <view>"): each view (chair console, member tablet, room screen,
 *    observer) is opened with its participant's /join/<token> link in a fresh Chromium context
 *    (empty cache, service workers blocked: the app's worker would fetch every chunk of the build
 *    for offline use); every script response is recorded until the view is on screen and no script
 *    has been requested for QUIET_MS. Their bytes, as loaded, are summed raw and gzipped (zlib
 *    level 9, like `gzip -9`). Our server sends them uncompressed (express.static, no compression
 *    middleware, and deploy/nginx.conf does not gzip either), so jsRawKb is what a tablet downloads
 *    today. `firstViewJsGzipKb` is what the view needs to show: every script requested before the
 *    view's own chunk (named after its module, e.g. TabletView-<hash>.js) had arrived, i.e. the
 *    entry chunk, the view chunk and the chunks preloaded with it; what is requested later was
 *    asked for by the rendered view itself (the notes editor). The five pages load side by side:
 *    sizes do not depend on timing.
 * 2. Render (case "render, member tablet, 4× CPU"): R fresh contexts (cache empty, service workers
 *    blocked), CPU throttled 4× over CDP (Emulation.setCPUThrottlingRate), open the member's link;
 *    the time is from navigation start (performance.timeOrigin) to the frame that shows the open
 *    agenda item's title (`current-item-title` with that item's id and text: the live snapshot's
 *    content, not the "connecting" page): a MutationObserver installed before any page script
 *    notes the DOM insertion, and the time is taken after the next animation frame.
 *
 * Baseline: bench/baselines/minimal-client, a React 19 + socket.io-client page that connects with
 * the same member token, receives the snapshot and renders the current item's title with the same
 * test id — built with the project's Vite and React plugin into a temporary directory, served from
 * its own origin with /socket.io/ passed through to our server. It is the least a live page can
 * load and wait for; it stands in every "JS, <view>" case (the least any view can be) and in the
 * render case. Ours and the baseline alternate run by run, so background load hits both alike.
 *
 * The headline key is `value` in every row: jsGzipKb in the JS rows, p50Ms in the render row.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServer, ServerToClient, Snapshot } from '../../shared/protocol.js';
import { buildClient, clientIsStale } from '../../scripts/build.mjs';
import { LAPTOP, PROJECTOR, TABLET_LANDSCAPE, type Size } from '../../tests/e2e/devices.js';
import { launchBrowser, type TestBrowser } from '../../tests/helpers/browser.js';
import { testDefinition } from '../../tests/helpers/definitions.js';
import { removeDataDir, spawnServer, type ServerProcess } from '../../tests/helpers/process.js';
import { buildMinimalClient, serveMinimalClient, type BuiltPage, type PageServer } from '../baselines/minimal-client/serve.js';
import { createMeetingOver } from '../lib/meeting.js';
import type { Measurement, RunOptions, Scenario } from '../lib/scenario.js';
import { summarize } from '../lib/stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'client';
const OURS = 'Phòng họp client (dist/client)';
const BASELINE = 'minimal React 19 + socket.io-client page';
/** After the view is on screen, loading is over once no script has been requested for this long. */
const QUIET_MS = 800;
const CPU_SLOWDOWN = 4;
const RENDER_TIMEOUT_MS = 60_000;
const RENDER_CASE = `render, member tablet, ${CPU_SLOWDOWN}× CPU`;

interface View {
  name: string;
  participant: string;
  /** The lazy chunk of the view, named after its module (client/src/views/…). */
  chunk: string;
  /** The view's root element: on screen means the view has rendered with live state. */
  testId: string;
  size: Size;
}

const VIEWS: View[] = [
  { name: 'chair console', participant: 'chair', chunk: 'ChairConsole', testId: 'chair-console', size: LAPTOP },
  { name: 'member tablet', participant: 'm1', chunk: 'TabletView', testId: 'tablet-view', size: TABLET_LANDSCAPE },
  { name: 'room screen', participant: 'screen', chunk: 'ScreenView', testId: 'screen-view', size: PROJECTOR },
  { name: 'observer', participant: 'obs', chunk: 'ObserverView', testId: 'observer-view', size: TABLET_LANDSCAPE },
];

/** What the page under test must show; checked by the marker script below. */
interface Target {
  selector: string;
  /** The element's exact text, or null for any. */
  text: string | null;
}

interface MarkedWindow {
  __benchDomMs?: number;
  __benchPaintMs?: number;
}

/**
 * Runs in the page before any of its scripts: notes when the target element is in the DOM, then
 * the time after the next animation frame, i.e. once the frame showing it has been produced. A
 * string, not a function: tsx would wrap a function's inner functions in a `__name` helper the
 * page does not have.
 */
function marker(target: Target): string {
  return `(() => {
    const target = ${JSON.stringify(target)};
    const check = () => {
      if (window.__benchDomMs !== undefined) return;
      const el = document.querySelector(target.selector);
      if (!el || (target.text !== null && el.textContent !== target.text)) return;
      window.__benchDomMs = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__benchPaintMs = performance.now(); };
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  })();`;
}

interface PageTiming {
  domMs: number;
  paintMs: number;
  domContentLoadedMs: number;
  /** When the first Socket.IO request (the handshake) was sent; NaN if none is in the resource timing. */
  socketMs: number;
  scripts: { url: string; startMs: number; endMs: number }[];
}

/** Read in the page once the marker has fired; every time is from navigation start. */
function readTiming(): PageTiming {
  const w = window as unknown as MarkedWindow;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const socket = resources.find((r) => new URL(r.name).pathname.startsWith('/socket.io/'));
  return {
    domMs: w.__benchDomMs ?? Number.NaN,
    paintMs: w.__benchPaintMs ?? Number.NaN,
    domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
    socketMs: socket?.startTime ?? Number.NaN,
    scripts: resources.filter((r) => /\.m?js$/.test(new URL(r.name).pathname)).map((r) => ({ url: r.name, startMs: r.startTime, endMs: r.responseEnd })),
  };
}

function newContext(browser: Browser, size: Size) {
  // A fresh context is a device that never opened the app: empty HTTP cache, no storage. The
  // service worker is blocked, or it would fetch (and cache) every chunk of the build at load.
  return browser.newContext({ viewport: size, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', serviceWorkers: 'block' });
}

const isScript = (r: Request) => r.resourceType() === 'script' || /\.m?js$/.test(new URL(r.url()).pathname);

interface ScriptFile {
  url: string;
  raw: number;
  gzip: number;
  /** Requested before the view's chunk had arrived: needed for the view to show at all. */
  beforeView: boolean;
}

/**
 * Opens `url` in a fresh context and records every script it loads until loading goes quiet.
 * `viewChunk` names the view's lazy chunk; without one (the baseline) every script counts as needed.
 */
async function scriptsOf(browser: Browser, url: string, target: Target, size: Size, viewChunk: string | null): Promise<ScriptFile[]> {
  const context = await newContext(browser, size);
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: marker(target) });
    const bodies = new Map<string, Promise<Buffer | null>>();
    let pending = 0;
    let lastActivity = Date.now();
    page.on('request', (r) => {
      if (isScript(r)) {
        pending++;
        lastActivity = Date.now();
      }
    });
    const done = (r: Request) => {
      if (isScript(r)) {
        pending--;
        lastActivity = Date.now();
      }
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('response', (r) => {
      if (isScript(r.request())) bodies.set(r.url(), r.status() === 200 ? r.body().catch(() => null) : Promise.resolve(null));
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as MarkedWindow).__benchPaintMs !== undefined, null, { timeout: RENDER_TIMEOUT_MS });
    const until = Date.now() + 20_000;
    while ((pending > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    if (pending > 0) throw new Error(`${url}: scripts still loading 20 s after the view showed`);
    const timing = await page.evaluate(readTiming);
    let cutoff = Number.POSITIVE_INFINITY;
    if (viewChunk !== null) {
      const chunk = timing.scripts.find((s) => new RegExp(`/assets/${viewChunk}-[^/]+\\.js$`).test(new URL(s.url).pathname));
      if (!chunk)
        throw new Error(`${url}: no ${viewChunk}-<hash>.js among the scripts loaded (${timing.scripts.map((s) => s.url).join(', ')}): has the client's chunking changed?`);
      cutoff = chunk.endMs;
    }
    const files: ScriptFile[] = [];
    for (const [scriptUrl, body] of bodies) {
      const bytes = await body;
      if (!bytes) throw new Error(`${scriptUrl}: no body (failed or not 200)`);
      const entry = timing.scripts.find((s) => s.url === scriptUrl);
      if (!entry) throw new Error(`${scriptUrl}: loaded but not in the page's resource timing`);
      files.push({ url: scriptUrl, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, beforeView: entry.startMs <= cutoff });
    }
    return files;
  } finally {
    await context.close();
  }
}

interface RenderRun {
  paintMs: number;
  domContentLoadedMs: number;
  socketMs: number;
  /** When the first script requested after the Socket.IO handshake started was requested (ours: the view chunk). */
  lateScriptMs: number;
}

/** One cold load of `url` under CPU throttling, until the target is on screen. */
async function renderOnce(browser: Browser, url: string, target: Target): Promise<RenderRun> {
  const context = await newContext(browser, TABLET_LANDSCAPE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript({ content: marker(target) });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as MarkedWindow).__benchPaintMs !== undefined, null, { timeout: RENDER_TIMEOUT_MS, polling: 50 });
    const t = await page.evaluate(readTiming);
    const late = t.scripts.filter((s) => s.startMs > t.socketMs).sort((a, b) => a.startMs - b.startMs)[0];
    return { paintMs: t.paintMs, domContentLoadedMs: t.domContentLoadedMs, socketMs: t.socketMs, lateScriptMs: late?.startMs ?? Number.NaN };
  } finally {
    await context.close();
  }
}

/** Starts the meeting and opens its first item, as the chair (a Socket.IO client, as the console is). */
async function openFirstItem(url: string, chairToken: string): Promise<void> {
  const socket: Socket<ServerToClient, ClientToServer> = io(url, { auth: { token: chairToken }, transports: ['websocket'], reconnection: false });
  try {
    const snapshot = await new Promise<Snapshot>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the chair got no snapshot in 10 s')), 10_000);
      socket.once('snapshot', (s) => {
        clearTimeout(timer);
        resolve(s);
      });
      socket.once('connect_error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    for (const command of [{ type: 'meeting.start' }, { type: 'agenda.next' }]) {
      const ack = (await socket.timeout(10_000).emitWithAck('command', { meetingId: snapshot.meetingId, command })) as { ok: boolean; error?: unknown };
      if (!ack.ok) throw new Error(`${command.type} refused: ${JSON.stringify(ack.error)}`);
    }
  } finally {
    socket.disconnect();
  }
}

/** Why dist/client cannot be measured as it is, or null if it is a current production build. */
function clientBuildProblem(): string | null {
  if (!existsSync(join(ROOT, 'dist/client/index.html'))) return 'it is missing';
  if (clientIsStale(ROOT)) return 'it is older than its sources';
  const assets = join(ROOT, 'dist/client/assets');
  for (const f of readdirSync(assets)) {
    // React's development bundle links its warnings to react.dev/link/; the production one has none.
    if (f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('react.dev/link/')) {
      return `it holds React's development bundle (${f}): it was built with NODE_ENV other than production, e.g. by a vitest run`;
    }
  }
  return null;
}

const kb = (bytes: number) => bytes / 1024;
const sum = (files: ScriptFile[], key: 'raw' | 'gzip') => files.reduce((s, f) => s + f[key], 0);
/** "index 93.6, TabletView 1.2, …; requested by the view: LiveDoc 161.3" (gzip KiB per file). */
function describe(files: ScriptFile[]): string {
  const name = (f: ScriptFile) => new URL(f.url).pathname.replace(/^\/assets\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '');
  const list = (fs: ScriptFile[]) =>
    [...fs]
      .sort((a, b) => b.gzip - a.gzip)
      .map((f) => `${name(f)} ${kb(f.gzip).toFixed(1)}`)
      .join(', ');
  const later = files.filter((f) => !f.beforeView);
  return `gzip KiB per file: ${list(files.filter((f) => f.beforeView))}${later.length ? `; requested by the rendered view: ${list(later)}` : ''}`;
}

function jsValues(files: ScriptFile[]): Record<string, number> {
  const gz = kb(sum(files, 'gzip'));
  return {
    value: gz,
    jsGzipKb: gz,
    jsRawKb: kb(sum(files, 'raw')),
    files: files.length,
    firstViewJsGzipKb: kb(
      sum(
        files.filter((f) => f.beforeView),
        'gzip',
      ),
    ),
  };
}

function renderValues(runs: RenderRun[]): { values: Record<string, number>; note: string } {
  const p50 = (pick: (r: RenderRun) => number) => summarize(runs.map(pick)).p50;
  const paint = summarize(runs.map((r) => r.paintMs));
  const late = p50((r) => r.lateScriptMs);
  const note =
    `p50 from navigation start: DOMContentLoaded ${p50((r) => r.domContentLoadedMs).toFixed(0)} ms, Socket.IO handshake sent ${p50((r) => r.socketMs).toFixed(0)} ms` +
    `${Number.isNaN(late) ? '' : `, first script requested after it (the view chunk, once the snapshot named the role) ${late.toFixed(0)} ms`}` +
    `, title on screen ${paint.p50.toFixed(0)} ms; every run (ms): ${runs.map((r) => r.paintMs.toFixed(0)).join(', ')}`;
  return { values: { value: paint.p50, p50Ms: paint.p50, maxMs: paint.max, domContentLoadedMs: p50((r) => r.domContentLoadedMs), runs: runs.length }, note };
}

async function run({ quick, say }: RunOptions): Promise<Measurement[]> {
  const runs = quick ? 3 : 7;
  const problem = clientBuildProblem();
  if (problem) {
    say(`building the client (vite build): dist/client cannot be measured as it is: ${problem}`);
    if (buildClient(ROOT, ['--logLevel', 'warn']) !== 0) throw new Error('vite build failed');
    const still = clientBuildProblem();
    if (still) throw new Error(`dist/client after the build: ${still}`);
  }

  let server: ServerProcess | undefined;
  let page: BuiltPage | undefined;
  let pageServer: PageServer | undefined;
  let b: TestBrowser | undefined;
  try {
    say('starting our server, building the baseline page and launching Chromium');
    // Side by side, but each one kept as it comes, so that a failure of one does not leak the others.
    const started = await Promise.allSettled([
      spawnServer().then((s) => {
        server = s;
      }),
      buildMinimalClient().then((p) => {
        page = p;
      }),
      launchBrowser().then((x) => {
        b = x;
      }),
    ]);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    if (!server || !page || !b) throw new Error('unreachable: started without a server, page or browser');
    pageServer = await serveMinimalClient(page.dir, server.url);
    const definition = testDefinition();
    const meeting = await createMeetingOver(server.url, server.adminToken, definition);
    await openFirstItem(server.url, meeting.tokenOf('chair'));
    const item = definition.agenda[0];
    const title: Target = { selector: `[data-testid="current-item-title"][data-item-id="${item.id}"]`, text: item.title };
    const link = (base: string, participant: string) => `${base}/join/${meeting.tokenOf(participant)}`;

    const rows: Measurement[] = [];
    const browser = b.browser;
    const [baseFiles, ...viewFiles] = await Promise.all([
      scriptsOf(browser, link(pageServer.url, 'm1'), title, TABLET_LANDSCAPE, null),
      ...VIEWS.map((view) =>
        scriptsOf(
          browser,
          link(server!.url, view.participant),
          view.testId === 'tablet-view' ? title : { selector: `[data-testid="${view.testId}"]`, text: null },
          view.size,
          view.chunk,
        ),
      ),
    ]);
    say(`baseline page: ${baseFiles.length} script(s), ${kb(sum(baseFiles, 'gzip')).toFixed(1)} KiB gzip`);
    VIEWS.forEach((view, i) => {
      const files = viewFiles[i];
      say(
        `${view.name}: ${files.length} scripts, ${kb(sum(files, 'gzip')).toFixed(1)} KiB gzip (${kb(
          sum(
            files.filter((f) => f.beforeView),
            'gzip',
          ),
        ).toFixed(1)} to show the view)`,
      );
      const kase = `JS, ${view.name}`;
      rows.push({ scenario: SCENARIO, case: kase, system: OURS, role: 'ours', values: jsValues(files), note: describe(files) });
      rows.push({
        scenario: SCENARIO,
        case: kase,
        system: BASELINE,
        role: 'baseline',
        values: jsValues(baseFiles),
        note: view.testId === 'tablet-view' ? describe(baseFiles) : undefined,
      });
    });

    const ours: RenderRun[] = [];
    const base: RenderRun[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternating who goes first, so a burst of background load does not always hit the same one.
      const order = i % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
      for (const who of order) {
        const r = who === 'ours' ? await renderOnce(b.browser, link(server.url, 'm1'), title) : await renderOnce(b.browser, link(pageServer.url, 'm1'), title);
        (who === 'ours' ? ours : base).push(r);
      }
      say(`render run ${i + 1}/${runs}: ours ${ours.at(-1)!.paintMs.toFixed(0)} ms, baseline ${base.at(-1)!.paintMs.toFixed(0)} ms`);
    }
    const o = renderValues(ours);
    const m = renderValues(base);
    rows.push({ scenario: SCENARIO, case: RENDER_CASE, system: OURS, role: 'ours', values: o.values, note: o.note });
    rows.push({ scenario: SCENARIO, case: RENDER_CASE, system: BASELINE, role: 'baseline', values: m.values, note: m.note });
    return rows;
  } finally {
    await b?.close().catch(() => undefined);
    await pageServer?.close().catch(() => undefined);
    page?.remove();
    if (server) {
      await server.terminate().catch(() => undefined);
      removeDataDir(server.dataDir);
    }
  }
}

const scenario: Scenario = {
  name: SCENARIO,
  title:
    "JavaScript each view loads (gzip -9 KiB) and the member tablet's time to first meaningful render " +
    `(the open item's title on screen, ${CPU_SLOWDOWN}× CPU throttling, cold cache); headline \`value\` = jsGzipKb in the JS rows, p50Ms in the render row`,
  headline: 'value',
  run,
};
export default scenario;
