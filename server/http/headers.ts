import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';

/** A Host header as browsers send it (name or IPv4, or [IPv6], and a port); anything else is not echoed. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The WebSocket origins of the host the page was asked from (Socket.IO and Yjs both connect back
 * to it). CSP Level 3 counts them in 'self', but Safari before 15.4 and older tablets' browsers do not.
 */
const sameHostSockets = (req: IncomingMessage): string => {
  const host = req.headers.host;
  return host && HOST.test(host) ? `ws://${host} wss://${host}` : "'self'";
};

/**
 * Security headers on every HTTP answer (docs/SECURITY.md, "HTTP headers"), from helmet:
 * - CSP: scripts from this origin only, no inline script and no eval (the built index.html has no
 *   inline script; Vite's module preload helper is in the bundle); connections to this origin and
 *   its WebSockets; images from here or `data:` (the QR codes are drawn to data: URLs by `qrcode`);
 *   no plugin, no `<base>`, forms post here only; no page may frame ours (`frame-ancestors 'none'`,
 *   the room screen included: it is opened full-screen, never framed).
 * - style-src keeps 'unsafe-inline' for styles only, because TipTap injects its base editor
 *   stylesheet as a `<style>` element (its `injectCSS` option, on in client/src/notes/NotesEditor.tsx).
 *   A style can change how the page looks but runs no script. Everything else styles through the
 *   CSSOM, which CSP does not restrict: React's `style={…}` props, the collaboration carets' colours,
 *   ProseMirror's decorations. With `injectCSS: false` and that CSS in our own stylesheet, this
 *   could be 'self' alone (tests/security/headers.test.ts reports any violation in Chromium).
 * - `Referrer-Policy: no-referrer`: a page opened at /join/<token> must not send its address (the
 *   token) as Referer with its first asset requests.
 * - HSTS and `upgrade-insecure-requests` only when PUBLIC_URL is https: the meeting laptop on the
 *   room's Wi-Fi serves plain http, and a browser told to upgrade could not reach it any more.
 * - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` for browsers without CSP 3, and
 *   helmet's other defaults (same-origin opener and resource policies, no DNS prefetch).
 */
export function securityHeaders(publicUrl: string) {
  const https = publicUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", sameHostSockets],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
}
