import type { Redis } from 'ioredis';

/**
 * The Redis store's key layout, numbered in one key under the prefix (`<prefix>store-layout`),
 * as SQLite's is in `user_version` (server/store/sqliteSchema.ts). The data inside (meeting states,
 * event records) carries its own schema stamp and migrates per meeting on load. Layout 1 is every
 * key as the unnumbered versions wrote them; a step would go here, run once by whichever instance
 * sets the next number first.
 */
export const REDIS_LAYOUT = 1;
// Keys added within layout 1 (new keys beside the old ones, so no step: an older version never reads
// them). A document's history and attribution (docs/YJS.md, "History", "Attribution"):
// - `versions:{<meetingId>}:<docName>`: hash, version id -> its metadata (JSON, with `hash`, `bytes`, `editors`);
// - `vstate:{<meetingId>}:<docName>`: hash, version id -> the whole encoded document of that version;
// - `authors:{<meetingId>}:<docName>`: hash, Yjs client id -> participant id (HSETNX: the first owner stays);
// - `editors:{<meetingId>}:<docName>`: sorted set of the participants who changed the document since its
//   last version, scored by the order they first came; read and deleted by the script that stores the next version.
// Self-assessments (docs/BALLOTS.md, "Self-assessment"):
// - `selfassess:{<meetingId>}`: hash, participant id -> that member's latest self-assessment (JSON: level,
//   scores, exceededShare, text, submittedAt), its content here and nowhere else until it is disclosed.

/** The prefix holds keys of a newer version: this code must not read or write them. */
export class NewerRedisLayoutError extends Error {}

export async function checkRedisLayout(redis: Redis, key: string): Promise<void> {
  // Unnumbered (a fresh prefix, or one written before the number existed) is layout 1.
  await redis.set(key, String(REDIS_LAYOUT), 'NX');
  const found = Number(await redis.get(key));
  if (found > REDIS_LAYOUT) {
    throw new NewerRedisLayoutError(
      `the Redis keys under ${key.slice(0, -'store-layout'.length)} were written by a newer version of Phòng họp ` +
        `(store layout ${found}; this one knows up to ${REDIS_LAYOUT}): run that version or a later one; the keys were left as they are`,
    );
  }
}
