/**
 * The ballots baseline: bare Socket.IO doing the least a durable, exactly-once vote needs, and
 * nothing else (no meeting state, no event log, no broadcast, no paper check, no anonymity work).
 *
 * Each `vote` { ballotId, paper } from a connection (whose voter id is its handshake's `auth.voter`)
 * runs one atomic step, then acknowledges { ok: true } or { ok: false, error: { code: 'already-voted' } }:
 * - STORE=sqlite (default): one better-sqlite3 transaction on a file in DATA_DIR, journal WAL and
 *   synchronous FULL as our SQLite store has them: insert the voter into a has-voted table (primary
 *   key: a second paper changes nothing) and add one to each of the paper's count keys.
 * - STORE=redis (REDIS_URL, REDIS_PREFIX): one script, SADD the voter (0: already voted) and
 *   HINCRBY each count key.
 * `tally` { ballotId } answers { ok: true, voters, counts } (who voted, and the counts) for the scenario to check.
 * With TURNOUT_MS set, it also does the one thing a meeting adds that a device can see during a burst:
 * every connection learns who has voted, as `turnout` { voters } with the voters counted since the
 * last one, sent after their acknowledgements and at most every TURNOUT_MS (ours: 200 ms).
 * That is the reference for what a live turnout costs in itself.
 * Prints "vote-server listening on port N" once it listens on PORT (0: any free port).
 */
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

type Counts = Record<string, number>;
type Ack = (answer: unknown) => void;

interface VoteStore {
  vote(ballotId: string, voterId: string, keys: string[]): Promise<boolean>;
  tally(ballotId: string): Promise<{ voters: string[]; counts: Counts }>;
  close(): Promise<void>;
}

function sqliteStore(file: string): VoteStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS voted (ballot_id TEXT NOT NULL, voter_id TEXT NOT NULL, PRIMARY KEY (ballot_id, voter_id)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS counts (ballot_id TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (ballot_id, key)) WITHOUT ROWID;
  `);
  const addVoter = db.prepare('INSERT OR IGNORE INTO voted (ballot_id, voter_id) VALUES (?, ?)');
  const addOne = db.prepare('INSERT INTO counts (ballot_id, key, n) VALUES (?, ?, 1) ON CONFLICT (ballot_id, key) DO UPDATE SET n = n + 1');
  const vote = db.transaction((ballotId: string, voterId: string, keys: string[]) => {
    if (addVoter.run(ballotId, voterId).changes !== 1) return false;
    for (const key of keys) addOne.run(ballotId, key);
    return true;
  });
  const voters = db.prepare('SELECT voter_id FROM voted WHERE ballot_id = ?').pluck();
  const counts = db.prepare('SELECT key, n FROM counts WHERE ballot_id = ?');
  return {
    vote: async (ballotId, voterId, keys) => vote(ballotId, voterId, keys),
    tally: async (ballotId) => ({
      voters: voters.all(ballotId) as string[],
      counts: Object.fromEntries((counts.all(ballotId) as { key: string; n: number }[]).map((r) => [r.key, r.n])),
    }),
    close: async () => {
      db.close();
    },
  };
}

/** KEYS: voters set, counts hash. ARGV: voter, then the count keys. */
const VOTE_SCRIPT = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
for i = 2, #ARGV do redis.call('HINCRBY', KEYS[2], ARGV[i], 1) end
return 1
`;

function redisStore(url: string, prefix: string): VoteStore {
  const redis = new Redis(url, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  redis.defineCommand('vote', { numberOfKeys: 2, lua: VOTE_SCRIPT });
  const voters = (b: string) => `${prefix}voters:${b}`;
  const counts = (b: string) => `${prefix}counts:${b}`;
  return {
    vote: async (ballotId, voterId, keys) => (await (redis as Redis & { vote(...a: string[]): Promise<number> }).vote(voters(ballotId), counts(ballotId), voterId, ...keys)) === 1,
    tally: async (ballotId) => ({
      voters: await redis.smembers(voters(ballotId)),
      counts: Object.fromEntries(Object.entries(await redis.hgetall(counts(ballotId))).map(([k, v]) => [k, Number(v)])),
    }),
    close: async () => {
      await redis.quit();
    },
  };
}

const store =
  process.env.STORE === 'redis'
    ? redisStore(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', process.env.REDIS_PREFIX ?? 'bench-vote:')
    : sqliteStore(join(process.env.DATA_DIR ?? '.', 'votes.sqlite'));

const http = createServer();
const io = new Server(http, { transports: ['websocket'] });

const turnoutEveryMs = Number(process.env.TURNOUT_MS ?? 0);
let uncounted: string[] = [];
let turnoutTimer: NodeJS.Timeout | null = null;
let lastTurnoutAt = -Infinity;

function tellTurnout(voterId: string): void {
  uncounted.push(voterId);
  if (turnoutTimer) return;
  turnoutTimer = setTimeout(
    () => {
      turnoutTimer = null;
      lastTurnoutAt = performance.now();
      const voters = uncounted;
      uncounted = [];
      io.emit('turnout', { voters });
    },
    Math.max(0, lastTurnoutAt + turnoutEveryMs - performance.now()),
  );
}

io.on('connection', (socket) => {
  const { voter } = socket.handshake.auth as { voter?: unknown };
  const voterId = typeof voter === 'string' ? voter : '';
  socket.on('vote', async (payload: { ballotId: string; paper: Record<string, string> }, ack: Ack) => {
    try {
      const keys = Object.entries(payload.paper).map(([row, answer]) => `${row}/${answer}`);
      const counted = await store.vote(payload.ballotId, voterId, keys);
      ack(counted ? { ok: true } : { ok: false, error: { code: 'already-voted', message: 'already counted' } });
      if (counted && turnoutEveryMs > 0) tellTurnout(voterId);
    } catch (e) {
      ack({ ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } });
    }
  });
  socket.on('tally', async (payload: { ballotId: string }, ack: Ack) => ack({ ok: true, ...(await store.tally(payload.ballotId)) }));
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = http.address() as { port: number };
  process.stdout.write(`vote-server listening on port ${port}\n`);
});

const stop = () => {
  void io.close();
  void store.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
