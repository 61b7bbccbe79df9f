import express from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { notFound } from './errors.js';

const COMPRESSED_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** Sends the build's gzip sibling of a script or stylesheet (see vite.config.ts) to browsers that accept gzip. */
function precompressed(dir: string): express.RequestHandler {
  return (req, res, next) => {
    const type = COMPRESSED_TYPES[extname(req.path)];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type || !req.acceptsEncodings('gzip')) return next();
    let file: string;
    try {
      file = normalize(join(dir, decodeURIComponent(req.path)));
    } catch {
      return next(); // a malformed escape: express.static answers it
    }
    if (!file.startsWith(join(dir, sep)) || !existsSync(`${file}.gz`)) return next();
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Type', type);
    // Relative to `root`: send refuses dot segments in an absolute path, the install folder's included.
    res.sendFile(`${file.slice(dir.length)}.gz`, { root: dir, maxAge: '1h' }, (e) => {
      if (e) next(e);
    });
  };
}

function isSourceMap(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: not a file name express.static could match either
  }
  return /\.map$/i.test(path) || /\.map$/i.test(decoded);
}

/**
 * Serves the built client, with the SPA's index.html for every page route (e.g. /join/<token>).
 * Files are sent relative to `dir` (the `root` option): `res.sendFile` of an absolute path refuses
 * any dot segment in it, so a client installed under ~/.local/apps/… would answer 404; with a root
 * only the part below it is checked. Source maps are never served, even from an old build.
 */
export function clientRouter(clientDir: string): express.Router {
  const router = express.Router();
  const dir = resolve(clientDir);
  const index = join(dir, 'index.html');
  router.use((req, res, next) => (isSourceMap(req.path) ? notFound(req, res, next) : next()));
  router.use(precompressed(dir));
  router.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res, next) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: dir }, (e) => {
      if (e) next(e);
    });
  });
  return router;
}
