/*
 * The app shell, kept on the device so that a tablet reloaded without a connection still opens the
 * meeting (its last known state from localStorage, its notes from IndexedDB).
 * - Pages (navigations): network first, the last shell from the cache when the network fails.
 * - /assets/ (content-hashed by Vite, so never stale): cache first.
 * - Everything else (API, Socket.IO, Yjs, QR images…): not touched, straight to the network.
 */
const CACHE = 'phong-hop-shell-v1';
const SHELL = '/__shell';
const ASSET = /^\/assets\//;

/** The assets a shell references: its scripts, stylesheets and preloaded modules. */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

/** Every chunk of the build (views and the editor load on demand), as vite.config.ts lists them. */
async function buildAssets() {
  try {
    const response = await fetch('/shell-assets.json', { cache: 'no-store' });
    return response.ok ? await response.json() : [];
  } catch {
    return [];
  }
}

/** Stores a fresh shell and the assets it needs; drops assets of older builds. */
async function keepShell(response) {
  const html = await response.clone().text();
  const assets = [...new Set([...assetsOf(html), ...(await buildAssets())])];
  const cache = await caches.open(CACHE);
  await Promise.all(
    assets.map(async (url) => {
      if (!(await cache.match(url))) await cache.add(url);
    }),
  );
  await cache.put(SHELL, response);
  const keep = new Set(assets.map((a) => new URL(a, self.location.origin).href));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (ASSET.test(path) && !keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch('/', { cache: 'no-store' });
      if (response.ok) await keepShell(response);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('Content-Type') ?? '').includes('text/html')) {
      // Kept in the background: the page must not wait for the cache.
      keepShell(response.clone()).catch(() => undefined);
    }
    return response;
  } catch (e) {
    const cached = await caches.match(SHELL);
    if (cached) return cached;
    throw e;
  }
}

async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches
      .open(CACHE)
      .then((cache) => cache.put(request, copy))
      .catch(() => undefined);
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !/^\/(api|socket\.io|yjs)\//.test(url.pathname)) event.respondWith(page(request));
  else if (ASSET.test(url.pathname)) event.respondWith(asset(request));
});
