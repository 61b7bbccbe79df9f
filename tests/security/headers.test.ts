import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, ORIGIN_REFUSED, type AppOptions } from '../../server/app.js';
import { createLogger } from '../../server/log.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { focusEnd, prose } from '../e2e/notesPages.js';
import { openTabletTab } from '../e2e/tabletTabs.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const CLIENT_DIR = join(process.cwd(), 'dist/client');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http, so that Host and Origin are exactly what the test says. */
function get(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The policy as directive → sources. */
function csp(headers: IncomingHttpHeaders): Map<string, string[]> {
  const value = headers['content-security-policy'];
  expect(typeof value).toBe('string');
  return new Map(
    (value as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** An app of its own, for what startServer does not set (PUBLIC_URL's scheme, ALLOWED_ORIGINS). */
async function bootApp(opts: Partial<AppOptions>): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'phong-hop-headers-'));
  const app = createApp({
    store: new SqliteStore(join(dir, 'store.sqlite')),
    log: createLogger('silent'),
    adminToken: 'headers-admin-token',
    publicUrl: 'http://placeholder',
    clientDir: CLIENT_DIR,
    ...opts,
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('security headers on every HTTP answer', () => {
  let server: TestServer;
  let script: string;
  beforeAll(async () => {
    server = await startServer();
    script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8'))![1];
  });
  afterAll(() => server.stop());

  it('the built page and its sources have no inline script for the policy to allow', () => {
    for (const file of [join(CLIENT_DIR, 'index.html'), join(process.cwd(), 'client/index.html')]) {
      const html = readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs, file).toMatch(/\bsrc="/);
        expect(body.trim(), file).toBe('');
      }
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handler either
    }
  });

  it('pages, assets, the API, errors and unknown paths all carry the policy, nosniff, no-referrer and DENY', async () => {
    const paths = [
      '/',
      `/join/${server.tokenOf('m1')}`,
      '/meeting?view=screen',
      script,
      '/sw.js',
      '/healthz',
      '/api/nothing',
      '/nothing/at/all',
      '/%E0%A4%A',
      `/api/meetings/${server.meeting.meetingId}/export`,
    ];
    for (const path of paths) {
      const res = await get(server.url, path);
      expect(res.status, path).toBeLessThan(500);
      const policy = csp(res.headers);
      expect(policy.get('default-src'), path).toEqual(["'self'"]);
      expect(policy.get('script-src'), path).toEqual(["'self'"]);
      expect(policy.get('script-src-attr'), path).toEqual(["'none'"]);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(policy.get('img-src'), path).toEqual(["'self'", 'data:']);
      expect(policy.get('style-src'), path).toEqual(["'self'", "'unsafe-inline'"]);
      expect(
        [...policy.values()].flat().filter((s) => s.includes('unsafe-eval')),
        path,
      ).toEqual([]);
      expect(policy.has('upgrade-insecure-requests'), path).toBe(false);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['strict-transport-security'], path).toBeUndefined(); // PUBLIC_URL is http here
      expect(res.headers['x-powered-by'], path).toBeUndefined();
    }
  });

  it("lets the page connect to its own host's WebSockets, and echoes no malformed Host", async () => {
    const { port } = new URL(server.url);
    const res = await get(server.url, '/', { host: `meeting-laptop.local:${port}` });
    expect(csp(res.headers).get('connect-src')).toEqual(["'self'", `ws://meeting-laptop.local:${port}`, `wss://meeting-laptop.local:${port}`]);
    const v6 = await get(server.url, '/', { host: `[::1]:${port}` });
    expect(csp(v6.headers).get('connect-src')).toEqual(["'self'", `ws://[::1]:${port}`, `wss://[::1]:${port}`]);
    for (const host of ['evil.example; script-src *', 'a b', 'x,y']) {
      const odd = await get(server.url, '/', { host });
      expect(odd.status, host).toBe(200);
      expect(csp(odd.headers).get('connect-src'), host).toEqual(["'self'", "'self'"]);
      expect(csp(odd.headers).get('script-src'), host).toEqual(["'self'"]);
    }
  });

  it('sends HSTS and upgrade-insecure-requests only when PUBLIC_URL is https', async () => {
    const app = await bootApp({ publicUrl: 'https://hop.example.vn' });
    try {
      const res = await get(app.url, '/');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
      expect(csp(res.headers).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('Socket.IO checks Origin', () => {
  let app: { url: string; close(): Promise<void> };
  const handshake = '/socket.io/?EIO=4&transport=polling';
  beforeAll(async () => {
    app = await bootApp({ publicUrl: 'https://hop.example.vn', allowedOrigins: ['https://mirror.example.vn'] });
  });
  afterAll(() => app.close());

  it('a page from another site is refused with a clear message, polling (403) or WebSocket (400)', async () => {
    const polled = await get(app.url, handshake, { origin: 'https://evil.example' });
    expect(polled.status).toBe(403);
    expect(JSON.parse(polled.body)).toEqual({ code: 4, message: ORIGIN_REFUSED });

    const upgrade = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const ws = new WebSocket(`${app.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { origin: 'https://evil.example' });
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      ws.on('open', () => {
        ws.close();
        reject(new Error('the upgrade was accepted'));
      });
      ws.on('error', () => undefined);
    });
    expect(upgrade).toEqual({ status: 400, body: ORIGIN_REFUSED });
  });

  it("the server's own origin, PUBLIC_URL's, ALLOWED_ORIGINS and clients without Origin are let in", async () => {
    const { port } = new URL(app.url);
    for (const origin of [`http://127.0.0.1:${port}`, 'https://hop.example.vn', 'https://mirror.example.vn', undefined]) {
      const res = await get(app.url, handshake, origin ? { origin } : {});
      expect(res.status, origin).toBe(200);
      expect(res.body, origin).toMatch(/^0\{"sid":/);
    }
    const opened = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(`${app.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { origin: 'https://mirror.example.vn' });
      ws.on('open', () => {
        ws.close();
        resolve(true);
      });
      ws.on('error', () => resolve(false));
    });
    expect(opened).toBe(true);
  });
});

describe('in Chromium, under the policy', () => {
  let server: TestServer;
  let browser: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    const chair = await server.connectAs('chair');
    expect(await chair.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the tablets (notes with carets) and the room screen (QR code) run with no violation, and no request carries a Referer', { timeout: 60_000 }, async () => {
    const violations: string[] = [];
    const requests: Request[] = [];
    const open = async (participantId: string) => {
      const { context, page } = await browser.device();
      context.on('request', (r) => requests.push(r));
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) violations.push(`${participantId}: ${m.text()}`);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${server.url}/join/${server.tokenOf(participantId)}`);
      await page.locator('[data-testid="connection"][data-state="connected"]').waitFor();
      return page;
    };
    const [m1, m2, screen] = [await open('m1'), await open('m2'), await open('screen')];

    // Two editors in the same notes: TipTap's injected stylesheet and each other's coloured carets.
    for (const page of [m1, m2]) {
      await openTabletTab(page, 'notes');
      await page.locator('[data-testid="notes-editor"] [data-testid="doc-status"][data-phase="synced"]').waitFor();
    }
    await focusEnd(m1);
    await m1.keyboard.type('Ý kiến thứ nhất.');
    await focusEnd(m2);
    await m2.keyboard.type(' Ý kiến thứ hai.');
    await waitFor(async () => (await prose(m1).innerText()).includes('Ý kiến thứ hai.'), 10_000, "m2's text on m1");
    await m1.locator('.collaboration-carets__caret').first().waitFor();

    // The QR code of the observer link: a data: image, drawn.
    const qr = screen.locator('[data-testid="join-qr"] img');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await waitFor(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), 5000, 'the QR code to be drawn');

    expect(violations).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    const withReferer: string[] = [];
    for (const r of requests) {
      const headers = await r.allHeaders().catch(() => r.headers());
      if (headers.referer) withReferer.push(`${r.url()} ← ${headers.referer}`);
    }
    expect(withReferer).toEqual([]);
  });
});
