import { migrateState, NewerSchemaError, schemaOf } from '../../../shared/migrations/index.js';
import type { Snapshot } from '../../../shared/protocol.js';
import { SCHEMA_VERSION } from '../../../shared/versions.js';

/**
 * The last snapshot this device received, kept in localStorage so that a page reloaded without a
 * connection still shows the meeting as it was last known (greyed, marked offline) and its notes,
 * which live in IndexedDB. Keyed per link: two people sharing a tablet keep two copies.
 */
export interface CachedSnapshot {
  snapshot: Snapshot;
  offsetMs: number;
}

/**
 * As kept: stamped with the schema of the app that wrote it (absent before stamps existed: 1), so
 * an updated app migrates yesterday's copy (shared/migrations/) and an older one leaves a newer
 * copy alone rather than misread it.
 */
export interface StoredSnapshot extends CachedSnapshot {
  schema?: number;
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
    return readCached(JSON.parse(raw) as StoredSnapshot);
  } catch (e) {
    if (e instanceof NewerSchemaError) console.warn(`the device copy of the meeting is not shown: ${e.message}`);
    return null;
  }
}

/** A stored copy brought to this app's schema; null when it is not one; throws NewerSchemaError for a newer one. */
export function readCached(stored: StoredSnapshot | null): CachedSnapshot | null {
  if (!stored?.snapshot?.state || !stored.snapshot.you) return null;
  const what = 'the device copy of the meeting';
  const schema = schemaOf(stored.schema, what);
  if (schema > SCHEMA_VERSION) throw new NewerSchemaError(what, schema);
  const { schema: _, ...cached } = stored;
  return { ...cached, snapshot: { ...cached.snapshot, state: migrateState(cached.snapshot.state, what) } };
}

export function saveSnapshot(token: string, cached: CachedSnapshot): void {
  try {
    localStorage.setItem(keyOf(token), JSON.stringify({ ...cached, schema: SCHEMA_VERSION } satisfies StoredSnapshot));
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
