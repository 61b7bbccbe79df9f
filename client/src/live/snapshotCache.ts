import type { Snapshot } from '../../../shared/protocol.js';

/**
 * The last snapshot this device received, kept in localStorage so that a page reloaded without a
 * connection still shows the meeting as it was last known (greyed, marked offline) and its notes,
 * which live in IndexedDB. Keyed per link: two people sharing a tablet keep two copies.
 */
export interface CachedSnapshot {
  snapshot: Snapshot;
  offsetMs: number;
}

const PREFIX = 'phong-hop.snapshot.';

/** A short, non-secret name for a token (FNV-1a): the key must not be the secret itself. */
function keyOf(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PREFIX + hash.toString(16).padStart(8, '0');
}

export function loadSnapshot(token: string): CachedSnapshot | null {
  try {
    const raw = localStorage.getItem(keyOf(token));
    if (!raw) return null;
    const cached = JSON.parse(raw) as CachedSnapshot;
    return cached?.snapshot?.state && cached.snapshot.you ? cached : null;
  } catch {
    return null;
  }
}

export function saveSnapshot(token: string, cached: CachedSnapshot): void {
  try {
    localStorage.setItem(keyOf(token), JSON.stringify(cached));
  } catch {
    // Full or disabled storage: only the offline reload loses its picture.
  }
}

export function forgetSnapshot(token: string): void {
  try {
    localStorage.removeItem(keyOf(token));
  } catch {
    // Nothing stored.
  }
}
