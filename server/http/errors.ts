import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { error, type ErrorCode } from '../../shared/errors.js';
import type { Logger } from '../log.js';

/**
 * The answers of last resort, for everything outside /api (which answers its own errors in
 * server/http/api.ts): the client's files, page routes, the export, anything unknown. Express's
 * own final handler would send an HTML page with the error's stack and this server's file paths
 * (a malformed escape in a route parameter, an index.html that cannot be read) and echo the path
 * asked for; these answer a short JSON body, the same shape as the API's, and nothing else.
 */

function codeOf(status: number): ErrorCode {
  if (status === 404) return 'not-found';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 413) return 'payload-too-large';
  return status >= 500 ? 'internal' : 'invalid-payload';
}

function answer(res: Response, status: number): void {
  res.status(status).json({ ok: false, error: error(codeOf(status), (STATUS_CODES[status] ?? 'Error').toLowerCase()) });
}

/** No route took the request: 404, without echoing the path (it may be a /join/<token> link). */
export const notFound: RequestHandler = (_req, res) => answer(res, 404);

/**
 * An error from a route or middleware: its 4xx status when it has one (a malformed URL, a range
 * that cannot be satisfied), 500 otherwise. 5xx are logged with their stack; the request's path is
 * not, since a page route carries a participant's token.
 */
export function errorAnswers(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const given = (err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
    const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) log.error('http failure', { method: req.method, status, err: err instanceof Error ? err.stack : String(err) });
    // A file already on its way (the client went away mid-send): nothing more can be said.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // Whatever the failed middleware set for the file it meant to send does not describe this body.
    for (const name of ['Content-Type', 'Content-Encoding', 'Content-Disposition', 'ETag', 'Last-Modified', 'Vary']) res.removeHeader(name);
    res.setHeader('Cache-Control', 'no-store');
    answer(res, status >= 500 ? 500 : status);
  };
}
