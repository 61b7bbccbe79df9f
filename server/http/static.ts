import express from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const COMPRESSED_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json; charset=utf-8',
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
    res.sendFile(`${file}.gz`, { maxAge: '1h' }, (e) => { if (e) next(e); });
  };
}

/** Serves the built client, with the SPA's index.html for every page route (e.g. /join/<token>). */
export function clientRouter(dir: string): express.Router {
  const router = express.Router();
  const index = join(dir, 'index.html');
  router.use(precompressed(dir));
  router.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: (res, path) => {
    if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  } }));
  router.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
