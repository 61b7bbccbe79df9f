import type { IncomingMessage } from 'node:http';

/**
 * Whether a browser page from `Origin` may open a Socket.IO or Yjs connection here: the server's own
 * origin (the page it served), PUBLIC_URL's, and ALLOWED_ORIGINS. A request without `Origin` is not
 * from a browser page (a script, the CLI, a test client): the token is what authorises it, and such
 * a client could send any Origin it liked anyway. The check keeps other sites' pages from using a
 * participant's browser, with its stored token, against the meeting.
 */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return allowed.includes(origin);
}

/** The origins a deployment allows: PUBLIC_URL's and ALLOWED_ORIGINS (both already origins or URLs). */
export function allowedOrigins(publicUrl: string, extra: readonly string[] = []): string[] {
  const origins = new Set(extra);
  try {
    origins.add(new URL(publicUrl).origin);
  } catch {
    // A test's placeholder URL: only the server's own origin and the extra ones then.
  }
  return [...origins];
}
