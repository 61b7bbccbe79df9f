/**
 * Builds the minimal live page (index.html + main.tsx here) with the project's Vite and
 * @vitejs/plugin-react into a temporary directory, and serves it: its files from that directory,
 * any other page path (/join/<token>) as its index.html, and /socket.io/ (polling and the WebSocket
 * upgrade) passed through to our server, so the page talks to our server from its own origin
 * exactly as the app does (our server sends no CORS headers).
 */
import react from '@vitejs/plugin-react';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface BuiltPage {
  dir: string;
  /** The built JavaScript files, relative to `dir`. */
  scripts: string[];
  remove(): void;
}

/** A production build (minified, React's production bundle), like `vite build` of the app. */
export async function buildMinimalClient(): Promise<BuiltPage> {
  const dir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-minimal-client-'));
  try {
    await build({
      root: HERE,
      configFile: false,
      envDir: false,
      publicDir: false,
      logLevel: 'warn',
      mode: 'production',
      plugins: [react()],
      // React picks its production bundle from process.env.NODE_ENV, which Vite defines from the mode.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: { outDir: dir, emptyOutDir: true, sourcemap: false },
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const scripts = readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return { dir, scripts, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (a free port), with /socket.io/ proxied to `upstream` (our server). */
export async function serveMinimalClient(dir: string, upstream: string): Promise<PageServer> {
  const target = new URL(upstream);
  const upstreamPort = Number(target.port);
  const index = readFileSync(join(dir, 'index.html'));
  const tunnels = new Set<Socket>();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://page').pathname;
    if (path.startsWith('/socket.io/')) {
      const up = httpRequest({ host: target.hostname, port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.pipe(up);
      return;
    }
    const file = normalize(join(dir, decodeURIComponent(path)));
    let body = index;
    let type = TYPES['.html'];
    if (file.startsWith(dir + sep) && isFile(file)) {
      body = readFileSync(file);
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(body);
  });

  // The WebSocket upgrade: the request head as received, then bytes both ways.
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const up = connect(upstreamPort, target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    tunnels.add(socket).add(up);
    const end = () => {
      socket.destroy();
      up.destroy();
      tunnels.delete(socket);
      tunnels.delete(up);
    };
    up.on('error', end).on('close', end);
    socket.on('error', end).on('close', end);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of tunnels) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
