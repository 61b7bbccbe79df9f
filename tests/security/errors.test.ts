import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/log.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { startServer, type TestServer } from '../helpers/server.js';

const CLIENT_DIR = join(process.cwd(), 'dist/client');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http, so that the path goes out exactly as written (fetch would normalise it). */
function send(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What an error answer must never hold: a stack frame, an error class, a file path, an HTML error page. */
function expectShortAndBare(res: Answer, what: string): void {
  expect(res.body, what).not.toMatch(/\bat .*:\d+:\d+/);
  expect(res.body, what).not.toMatch(/\b\w*Error\b/);
  expect(res.body, what).not.toMatch(/node_modules|<pre>/i);
  expect(res.body, what).not.toContain(process.cwd());
  expect(res.body, what).not.toContain(tmpdir());
  if (res.status < 400) return; // the client's page, or a file of the build
  expect(res.body, what).not.toMatch(/<html/i);
  expect(res.body.length, what).toBeLessThan(200);
  expect(res.headers['content-type'], what).toMatch(/^(application\/json|text\/plain)/);
  if (res.headers['content-type']?.startsWith('application/json') && res.body) expect(() => JSON.parse(res.body), what).not.toThrow();
}

describe('error answers carry no stack and no path', () => {
  let server: TestServer;
  let script: string;
  beforeAll(async () => {
    server = await startServer();
    script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8'))![1];
  });
  afterAll(() => server.stop());

  it('malformed escapes, traversal, null bytes, odd methods and unknown paths: short answers, never a 5xx', async () => {
    const id = server.meeting.meetingId;
    const paths = [
      '/%E0%A4%A',
      '/%E0%A4%A.js',
      '/assets/%E0%A4%A.js',
      `/api/meetings/%E0/export`,
      `/api/meetings/${id}/export?format=%E0%A4%A`,
      '/api/meetings/%E0%A4%A/participants/x/pin/reset',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/server/app.ts',
      '/%00',
      '/assets/%00.js',
      '//etc/passwd',
      '/yjs/abc',
      '/yjs/%E0',
      '/socket.io/x',
      `/${'a'.repeat(6000)}`,
      '/.env',
      '/.git/config',
      '/assets/',
      '/index.html/',
      `${script}.map`,
      `${script}%2emap`,
      '/join/%E0%A4%A',
    ];
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of paths) {
        const res = await send(server.url, method, path);
        const what = `${method} ${path.slice(0, 60)}`;
        expect(res.status, what).toBeLessThan(500);
        expectShortAndBare(res, what);
      }
    }
  });

  it("an unknown route answers 404 in the API's shape, without echoing the path", async () => {
    const token = server.tokenOf('m1');
    for (const [method, path] of [
      ['POST', `/join/${token}`],
      ['GET', '/yjs/abc'],
      ['DELETE', '/'],
    ] as const) {
      const res = await send(server.url, method, path);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'not-found', message: 'not found' } });
      expect(res.body).not.toContain(token);
    }
  });

  it("a malformed escape in a route parameter is a 400, not the router's stack", async () => {
    const res = await send(server.url, 'GET', '/api/meetings/%E0/export');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'bad request' } });
  });

  it('source maps are never served', async () => {
    for (const path of [`${script}.map`, `${script}.MAP`, `${script}%2Emap`]) {
      const res = await send(server.url, 'GET', path);
      expect(res.status, path).toBe(404);
    }
  });

  it('an unsatisfiable range and a bad body: short answers too', async () => {
    const range = await send(server.url, 'GET', script, { range: 'bytes=999999999-' });
    expect(range.status).toBe(416);
    expectShortAndBare(range, 'range');
    const body = await send(server.url, 'POST', '/api/meetings', { authorization: 'Bearer test-admin-token', 'content-type': 'application/json' }, '{"title": ');
    expect(body.status).toBe(400);
    expectShortAndBare(body, 'bad JSON');
  });
});

describe('a client folder that cannot be sent', () => {
  let url: string;
  let root: string;
  let script: string;
  let close: () => Promise<void>;
  const logs: string[] = [];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'phong-hop-broken-client-'));
    const dir = join(root, 'client');
    cpSync(CLIENT_DIR, dir, { recursive: true });
    script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1];
    // index.html and a script's gzip sibling that exist but cannot be read as files.
    rmSync(join(dir, 'index.html'));
    mkdirSync(join(dir, 'index.html'));
    rmSync(join(dir, `${script}.gz`));
    mkdirSync(join(dir, `${script}.gz`));
    const app = createApp({
      store: new SqliteStore(join(root, 'store.sqlite')),
      log: createLogger('debug', (l) => logs.push(l)),
      adminToken: 'errors-admin-token',
      publicUrl: 'http://placeholder',
      clientDir: dir,
    });
    url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    rmSync(root, { recursive: true, force: true });
  });

  it("a failing sendFile answers a short 5xx without the file's path; the log has the details, not the link", async () => {
    const token = 'Zq3pXk7vN2mB8wR4tY6uH1sD'; // shaped like a link token; nothing checks it before the page is sent
    for (const path of ['/', `/join/${token}`, '/meeting?view=screen']) {
      const res = await send(url, 'GET', path);
      expect(res.status, path).toBe(500);
      expect(JSON.parse(res.body), path).toEqual({ ok: false, error: { code: 'internal', message: 'internal server error' } });
      expectShortAndBare(res, path);
    }
    const failures = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'http failure');
    expect(failures.length).toBe(3);
    expect(logs.join('\n')).not.toContain(token);
  });

  it('a gzip sibling that cannot be sent: a short error, not labelled gzip', async () => {
    const res = await send(url, 'GET', script, { 'accept-encoding': 'gzip' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-encoding']).toBeUndefined();
    expectShortAndBare(res, 'gzip');
  });
});
