import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Serves the built client, with the SPA's index.html for every page route (e.g. /join/<token>). */
export function clientRouter(dir: string): express.Router {
  const router = express.Router();
  const index = join(dir, 'index.html');
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
