import { RedisStore } from '../store/redis.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

/**
 * A ballot's sealed counts and the number of voters recorded, read for the recount by a path of its
 * own: its own SQL (json_each over the tally row, COUNT over the voters) or its own Redis commands
 * (HSCAN, SCARD), never the store's `readCounts` that the live tally was published from. A fault in
 * that method, or in the JSON it parses, would then show up as a difference instead of agreeing
 * with itself.
 */
export interface SealedRead {
  /** Every count key with its number, as stored (zeros included). */
  counts: [key: string, count: number][];
  /** Voters recorded as having handed in a paper. */
  voters: number;
}

function fromSqlite(store: SqliteStore, meetingId: string, ballotId: string): SealedRead {
  const rows = store.db
    .prepare('SELECT j.key AS key, j.value AS value FROM ballot_tallies AS t, json_each(t.counts) AS j WHERE t.meeting_id = ? AND t.ballot_id = ?')
    .all(meetingId, ballotId) as { key: string; value: unknown }[];
  const voters = store.db.prepare('SELECT COUNT(*) AS n FROM ballot_voters WHERE meeting_id = ? AND ballot_id = ?').get(meetingId, ballotId) as { n: number };
  return { counts: rows.map((r) => [r.key, Number(r.value)]), voters: voters.n };
}

/** Keys written out here again, as layout 1 has them (server/store/redisLayout.ts), rather than taken from the store's code. */
async function fromRedis(store: RedisStore, meetingId: string, ballotId: string): Promise<SealedRead> {
  const countsKey = `${store.prefix}counts:{${meetingId}}:${ballotId}`;
  const votersKey = `${store.prefix}voters:{${meetingId}}:${ballotId}`;
  const counts: [string, number][] = [];
  let cursor = '0';
  do {
    const [next, flat] = await store.redis.hscan(countsKey, cursor, 'COUNT', 100);
    for (let i = 0; i + 1 < flat.length; i += 2) counts.push([flat[i], Number(flat[i + 1])]);
    cursor = next;
  } while (cursor !== '0');
  return { counts, voters: await store.redis.scard(votersKey) };
}

export async function readSealed(store: Store, meetingId: string, ballotId: string): Promise<SealedRead> {
  if (store instanceof SqliteStore) return fromSqlite(store, meetingId, ballotId);
  if (store instanceof RedisStore) return fromRedis(store, meetingId, ballotId);
  throw new Error(`no independent read path for a ${store.kind} store`);
}
