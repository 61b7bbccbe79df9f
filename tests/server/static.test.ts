import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch asks for gzip and inflates by itself, hiding what was sent. */
function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the built client over HTTP', () => {
  let server: TestServer;
  let script: string;
  beforeAll(async () => {
    server = await startServer();
    const index = readFileSync(join(process.cwd(), 'dist/client/index.html'), 'utf8');
    script = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
  });
  afterAll(() => server.stop());

  it('sends scripts gzipped from the build to a browser that accepts gzip, the same bytes inflated', async () => {
    const plain = readFileSync(join(process.cwd(), 'dist/client', script));
    const zipped = await fetchRaw(server.url + script, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^text\/javascript/);
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.body.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(zipped.body).equals(plain)).toBe(true);
  });

  it('sends them plain to a client that does not accept gzip', async () => {
    const res = await fetchRaw(server.url + script);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(readFileSync(join(process.cwd(), 'dist/client', script)))).toBe(true);
  });

  it('never serves a file outside the client folder or trips on a malformed path', async () => {
    for (const path of ['/assets/..%2f..%2fpackage.json', '/%E0%A4%A.js', '/assets/%2e%2e/%2e%2e/server/app.ts.js']) {
      const res = await fetchRaw(server.url + path, { 'accept-encoding': 'gzip' });
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).not.toContain('"name": "phong-hop"');
    }
  });
});
