import { flushBeforeReload } from './pendingWrites.js';

/**
 * What a device does when the server answers `upgrade-required` (docs/UPGRADES.md): it holds an app
 * the server no longer serves, typically yesterday's, kept by the service worker. It asks the
 * service worker to fetch the current one, waits for it to take over, makes sure every note edit
 * is in IndexedDB, and reloads. The link token (local and session storage) and the device copy of
 * the meeting stay as they are; the new app reads them on start.
 */

/** sessionStorage: when this tab last reloaded for an update. */
const RELOADED_AT = 'phong-hop.updated-at';
/**
 * At most one reload per tab in this time: a server refusing the very app it hands out (a broken
 * deployment) must leave the tablet showing the meeting, not reloading in a loop.
 */
const RELOAD_EVERY_MS = 60_000;
const WORKER_WAIT_MS = 15_000;

function reloadedRecently(now: number): boolean {
  try {
    return now - Number(sessionStorage.getItem(RELOADED_AT) ?? 0) < RELOAD_EVERY_MS;
  } catch {
    return false;
  }
}

function markReload(now: number): void {
  try {
    sessionStorage.setItem(RELOADED_AT, String(now));
  } catch {
    // Without storage the guard is lost, not the update.
  }
}

/** Asks the service worker for the app's current version and waits until a new worker is active. */
async function newWorkerActive(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (!registration) return;
  // A failed check (sw.js unreachable) leaves the old worker, whose pages come from the network first.
  await registration.update().catch(() => undefined);
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return;
  // sw.js skips waiting when installed: "activated" follows once it has stored the new shell.
  await new Promise<void>((resolve) => {
    const settled = () => {
      if (worker.state === 'activated' || worker.state === 'redundant') resolve();
    };
    worker.addEventListener('statechange', settled);
    settled();
    setTimeout(resolve, WORKER_WAIT_MS);
  });
}

/**
 * Fetches the app the server serves and reloads on it; `saveState` runs last, just before. Answers
 * false, doing nothing, when this tab already reloaded for an update a moment ago.
 */
export async function updateApp(saveState: () => void, now = Date.now()): Promise<boolean> {
  if (reloadedRecently(now)) return false;
  markReload(now);
  await newWorkerActive();
  await flushBeforeReload();
  saveState();
  window.location.reload();
  return true;
}
