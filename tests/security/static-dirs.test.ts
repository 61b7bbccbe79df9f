import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { createLogger } from '../../server/log.js';
import { SqliteStore } from '../../server/store/sqlite.js';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch asks for gzip and inflates by itself, hiding what was sent. */
function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/**
 * `res.sendFile(absolutePath)` refuses a path with a dot segment, so a client installed under a
 * folder such as ~/.local/apps/phong-hop answered 404 (with a stack) for every page.
 */
describe('the client served from an install folder with dot segments', () => {
  let root: string;
  let dir: string;
  let app: App;
  let url: string;
  let script: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'phong-hop-install-'));
    dir = join(root, '.local/apps/phong-hop/dist/client');
    mkdirSync(dir, { recursive: true });
    cpSync(join(process.cwd(), 'dist/client'), dir, { recursive: true });
    // What a dot segment below the client folder still protects: hidden files, and no source map even if an old build left one.
    writeFileSync(join(dir, '.secret'), 'hidden');
    script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1];
    writeFileSync(join(dir, `${script}.map`), '{"version":3,"sources":["../../client/src/main.tsx"]}');
    app = createApp({
      store: new SqliteStore(join(root, '.local/share/phong-hop/store.sqlite')),
      log: createLogger('silent'),
      adminToken: 'static-dirs-admin',
      publicUrl: 'http://placeholder',
      clientDir: dir,
    });
    url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('GET / and page routes answer the index page', async () => {
    for (const path of ['/', '/join/some-token', '/meeting?view=screen']) {
      const res = await fetchRaw(url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.body.toString(), path).toContain('<div id="root"');
    }
  });

  it('an asset answers plain, and gzipped from the build to a browser that accepts gzip', async () => {
    const plain = readFileSync(join(dir, script));
    const res = await fetchRaw(url + script);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(plain)).toBe(true);

    const zipped = await fetchRaw(url + script, { 'accept-encoding': 'gzip' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^text\/javascript/);
    expect(gunzipSync(zipped.body).equals(plain)).toBe(true);

    const worker = await fetchRaw(`${url}/sw.js`);
    expect(worker.status).toBe(200);
  });

  it('still hides dot files and source maps below the client folder, and nothing above it', async () => {
    for (const path of ['/.secret', '/%2esecret', `${script}.map`, '/..%2f..%2f..%2f..%2f.local/share/phong-hop/store.sqlite']) {
      for (const headers of [{}, { 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
        const res = await fetchRaw(url + path, headers);
        const body = res.body.toString();
        expect(body, path).not.toContain('hidden');
        expect(body, path).not.toContain('"sources"');
        expect(body, path).not.toContain('SQLite format');
        expect(res.status, path).toBeLessThan(500);
      }
    }
    expect((await fetchRaw(`${url}${script}.map`)).status).toBe(404);
  });
});
