import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client's per-address budgets are kept under, or null for none (this machine itself).
 *
 * - A peer on the public internet is its own address; whatever X-Forwarded-For it sends is ignored.
 * - A peer on this machine or the local network may be a reverse proxy (deploy/nginx.conf, or nginx
 *   in docker compose): the last X-Forwarded-For entry is the address that proxy saw. It is kept
 *   together with the peer's, so a tablet on the room's network that sends the header itself can
 *   only split its own budget, never spend someone else's.
 * - This machine without the header (tests, benchmarks, the organiser's own browser, a local proxy
 *   that does not say who its clients are) has no per-address budget: the per-link and
 *   per-connection ones still apply.
 *
 * IPv6 addresses count by their /64 network: one client holds a whole /64.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string | null {
  const from = normalise(peer);
  if (from === null) return null;
  const local = isLoopback(from);
  if (!local && !isPrivate(from)) return network(from);
  const forwarded = lastForwarded(forwardedFor);
  if (forwarded !== null) return `${network(from)}>${network(forwarded)}`;
  return local ? null : network(from);
}

function normalise(address: string | undefined): string | null {
  if (!address) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1] : address.replace(/%.*$/, '');
  return isIPv4(plain) || isIPv6(plain) ? plain.toLowerCase() : null;
}

function lastForwarded(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header.at(-1) : header;
  if (!value) return null;
  return normalise(value.split(',').at(-1)?.trim());
}

function isLoopback(a: string): boolean {
  return a === '::1' || (isIPv4(a) && a.startsWith('127.'));
}

function isPrivate(a: string): boolean {
  if (isIPv4(a)) {
    const [x, y] = a.split('.').map(Number);
    return x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 169 && y === 254);
  }
  return /^f[cd]/.test(a) || /^fe[89ab]/.test(a);
}

/** An IPv4 address as is; an IPv6 address as its /64 network. */
function network(a: string): string {
  if (isIPv4(a)) return a;
  const [head, tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
