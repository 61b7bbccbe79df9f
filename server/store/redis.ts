import { Redis } from 'ioredis';
import { countKeys } from '../../shared/ballots/tally.js';
import type { Counts } from '../../shared/ballots/types.js';
import { migrateEvents, migrateState, schemaOf } from '../../shared/migrations/index.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import type { SelfAssessment } from '../../shared/review/types.js';
import { checkRedisLayout } from './redisLayout.js';
import {
  MeetingExistsError,
  StoreUnavailableError,
  type Commit,
  type EventRecord,
  type MeetingSummary,
  type NewDocVersion,
  type NewMeeting,
  type Store,
  type StoredDoc,
  type StoredMeeting,
  type StoredPin,
  type StoredVersionMeta,
  type TokenOwner,
} from './store.js';

/**
 * Version check, votes and state change in one step: Redis runs a script atomically, so two
 * instances racing on one meeting get exactly one 'ok'. Voters are added to an unordered set per
 * ballot and the counts to a hash; nothing ties the two together, and the papers of one commit are
 * summed before they reach the hash. The first paper creates every key of the ballot at 0, in sorted
 * order, so the hash's field order (kept in dumps) says nothing about which answers came first.
 * The counts of a ballot the commit says to drop (cancelled: never published) are deleted.
 * KEYS: meeting hash, events list, then a voters set and a counts hash for each ballot touched.
 * ARGV: expected version, state JSON, event record JSON, then the ballots touched as JSON, in KEYS
 * order: [{ voters: [id], keys: [every count key], add: [[key, n]], drop: bool }].
 * Every voter is checked before anything is written: a script's writes are not rolled back.
 */
const COMMIT_SCRIPT = `
local v = redis.call('HGET', KEYS[1], 'version')
if not v or tonumber(v) ~= tonumber(ARGV[1]) then return 'conflict' end
local ballots = cjson.decode(ARGV[4])
for b, ballot in ipairs(ballots) do
  local seen = {}
  for _, voter in ipairs(ballot.voters) do
    if seen[voter] or redis.call('SISMEMBER', KEYS[1 + 2 * b], voter) == 1 then return 'already-voted' end
    seen[voter] = true
  end
end
for b, ballot in ipairs(ballots) do
  local voters, counts = KEYS[1 + 2 * b], KEYS[2 + 2 * b]
  if #ballot.voters > 0 then
    for _, voter in ipairs(ballot.voters) do redis.call('SADD', voters, voter) end
    if redis.call('EXISTS', counts) == 0 then
      for _, key in ipairs(ballot.keys) do redis.call('HSET', counts, key, 0) end
    end
    for _, add in ipairs(ballot.add) do redis.call('HINCRBY', counts, add[1], add[2]) end
  end
  if ballot.drop then redis.call('DEL', counts) end
end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'version', tonumber(ARGV[1]) + 1)
redis.call('RPUSH', KEYS[2], ARGV[3])
return 'ok'
`;

const REPLACE_TOKEN_SCRIPT = `
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then redis.call('DEL', ARGV[4] .. old) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SET', ARGV[4] .. ARGV[2], ARGV[3])
if ARGV[5] ~= '' then redis.call('SET', KEYS[2], ARGV[5]) end
return 'ok'
`;

/**
 * A document's log is a list of "<seq>:<update>" entries, seq from a counter bumped in the same
 * script, so the list is in seq order and compaction can pop exactly the prefix it merged.
 * KEYS: log list, seq counter. ARGV: update.
 */
const APPEND_DOC_SCRIPT = `
local seq = redis.call('INCR', KEYS[2])
redis.call('RPUSH', KEYS[1], seq .. ':' .. ARGV[1])
return seq
`;

/**
 * The same append, announced to every instance holding the document in the same step: nobody hears
 * of an update before it is stored, and no stored update goes unannounced. The message is
 * "u<instance>:<seq>:<update>" (see server/yjs/redisFanout.ts).
 * KEYS: log list, seq counter. ARGV: update, channel, instance id.
 */
const APPEND_DOC_ANNOUNCED_SCRIPT = `
local seq = redis.call('INCR', KEYS[2])
redis.call('RPUSH', KEYS[1], seq .. ':' .. ARGV[1])
redis.call('PUBLISH', ARGV[2], 'u' .. ARGV[3] .. ':' .. seq .. ':' .. ARGV[1])
return seq
`;

/** KEYS: log list. ARGV: through, merged update. Pops entries with seq <= through, pushes the merge. */
const COMPACT_DOC_SCRIPT = `
local through = tonumber(ARGV[1])
local removed = 0
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then break end
  if tonumber(string.match(head, '^(%d+):')) > through then break end
  redis.call('LPOP', KEYS[1])
  removed = removed + 1
end
if removed > 0 then redis.call('LPUSH', KEYS[1], ARGV[1] .. ':' .. ARGV[2]) end
return removed
`;

/** KEYS: log list. The bytes of every entry ("<seq>:<update>"), summed where they are rather than sent. */
const DOC_BYTES_SCRIPT = `
local bytes = 0
for _, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do bytes = bytes + #entry end
return bytes
`;

/**
 * A document's version stored with the editors recorded since the previous one, which it takes and
 * clears in the same step: an edit recorded by another instance meanwhile counts towards the next.
 * The editors (a sorted set, scored by when each was first recorded) are spliced into the meta JSON.
 * KEYS: versions hash, states hash, editors sorted set. ARGV: id, meta JSON without editors, state.
 */
const SAVE_VERSION_SCRIPT = `
local editors = redis.call('ZRANGE', KEYS[3], 0, -1)
redis.call('DEL', KEYS[3])
local quoted = {}
for i, e in ipairs(editors) do quoted[i] = cjson.encode(e) end
local meta = string.sub(ARGV[2], 1, -2) .. ',"editors":[' .. table.concat(quoted, ',') .. ']}'
redis.call('HSET', KEYS[1], ARGV[1], meta)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return meta
`;

/**
 * Adds participants to a document's editors since its last version, each scored by its place in
 * the order they first came (the set only grows until the next version deletes it).
 * KEYS: editors sorted set. ARGV: participant ids.
 */
const ADD_EDITORS_SCRIPT = `
for _, p in ipairs(ARGV) do
  if not redis.call('ZSCORE', KEYS[1], p) then redis.call('ZADD', KEYS[1], redis.call('ZCARD', KEYS[1]), p) end
end
return 'ok'
`;

interface BallotWrite {
  id: string;
  voters: string[];
  keys: string[];
  add: [string, number][];
  drop: boolean;
}

/** What a commit writes to each ballot's voters and counts: its papers summed, or their deletion. */
function ballotsTouched(c: Commit): BallotWrite[] {
  const byId = new Map<string, BallotWrite & { sums: Map<string, number> }>();
  const touch = (id: string) => {
    let b = byId.get(id);
    if (!b) {
      const ballot = c.state.ballots.find((x) => x.id === id);
      b = { id, voters: [], keys: ballot ? countKeys(ballot) : [], add: [], drop: false, sums: new Map() };
      byId.set(id, b);
    }
    return b;
  };
  for (const vote of c.votes ?? []) {
    const b = touch(vote.ballotId);
    b.voters.push(vote.voterId);
    for (const key of vote.increments) b.sums.set(key, (b.sums.get(key) ?? 0) + 1);
  }
  for (const id of c.tallies?.drop ?? []) touch(id).drop = true;
  return [...byId.values()].map(({ sums, ...b }) => ({ ...b, add: [...sums] }));
}

/** Splits a "<seq>:<update>" log entry. */
function docEntry(raw: Buffer): { seq: number; update: Uint8Array } {
  const colon = raw.indexOf(0x3a);
  return { seq: Number(raw.subarray(0, colon).toString('ascii')), update: new Uint8Array(raw.buffer, raw.byteOffset + colon + 1, raw.length - colon - 1) };
}

/**
 * The scale-out store: every instance shares one Redis. Keys carry the meeting id as a hash tag
 * ({id}) so one meeting's keys sit in one slot of a Redis Cluster and scripts may touch them together.
 * Commands are never queued while Redis is away: they fail at once with StoreUnavailableError.
 */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  readonly redis: Redis;

  constructor(
    url: string,
    readonly prefix = 'ph:',
  ) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // ioredis reports every failed reconnect here; health checks and commands report it instead.
    this.redis.on('error', () => undefined);
    // The number of keys varies with the ballots a commit touches: it is passed first on each call.
    this.redis.defineCommand('phCommit', { lua: COMMIT_SCRIPT });
    this.redis.defineCommand('phReplaceToken', { numberOfKeys: 2, lua: REPLACE_TOKEN_SCRIPT });
    this.redis.defineCommand('phAppendDoc', { numberOfKeys: 2, lua: APPEND_DOC_SCRIPT });
    this.redis.defineCommand('phCompactDoc', { numberOfKeys: 1, lua: COMPACT_DOC_SCRIPT });
    this.redis.defineCommand('phAppendDocAnnounced', { numberOfKeys: 2, lua: APPEND_DOC_ANNOUNCED_SCRIPT });
    this.redis.defineCommand('phDocBytes', { numberOfKeys: 1, lua: DOC_BYTES_SCRIPT });
    this.redis.defineCommand('phSaveVersion', { numberOfKeys: 3, lua: SAVE_VERSION_SCRIPT });
    this.redis.defineCommand('phAddEditors', { numberOfKeys: 1, lua: ADD_EDITORS_SCRIPT });
  }

  /** Resolves once connected (or rejects after `timeoutMs`), for start-up. */
  async ready(timeoutMs = 5000): Promise<void> {
    if (this.redis.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new StoreUnavailableError(new Error(`Redis not ready after ${timeoutMs} ms`))), timeoutMs);
        this.redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    // Not through `call`: a newer layout must stop the start with its own message, not 'unavailable'.
    await checkRedisLayout(this.redis, this.key.layout());
  }

  private key = {
    meeting: (id: string) => `${this.prefix}meeting:{${id}}`,
    events: (id: string) => `${this.prefix}events:{${id}}`,
    voters: (id: string, ballot: string) => `${this.prefix}voters:{${id}}:${ballot}`,
    counts: (id: string, ballot: string) => `${this.prefix}counts:{${id}}:${ballot}`,
    participantTokens: (id: string) => `${this.prefix}ptokens:{${id}}`,
    publicToken: (id: string) => `${this.prefix}public:{${id}}`,
    pins: (id: string) => `${this.prefix}pins:{${id}}`,
    pinFailures: (id: string) => `${this.prefix}pinfail:{${id}}`,
    selfAssessments: (id: string) => `${this.prefix}selfassess:{${id}}`,
    tokenPrefix: () => `${this.prefix}token:`,
    meetings: () => `${this.prefix}meetings`,
    docLog: (id: string, doc: string) => `${this.prefix}doc:{${id}}:${doc}`,
    docSeq: (id: string, doc: string) => `${this.prefix}docseq:{${id}}:${doc}`,
    docChannel: (id: string, doc: string) => `${this.prefix}yjs:{${id}}:${doc}`,
    docVersions: (id: string, doc: string) => `${this.prefix}versions:{${id}}:${doc}`,
    docVersionStates: (id: string, doc: string) => `${this.prefix}vstate:{${id}}:${doc}`,
    docAuthors: (id: string, doc: string) => `${this.prefix}authors:{${id}}:${doc}`,
    docEditors: (id: string, doc: string) => `${this.prefix}editors:{${id}}:${doc}`,
    instance: (id: string) => `${this.prefix}instance:${id}`,
    layout: () => `${this.prefix}store-layout`,
  };

  /** The pub/sub channel on which a document's updates and awareness reach the instances holding it. */
  docChannel(meetingId: string, docName: string): string {
    return this.key.docChannel(meetingId, docName);
  }

  /** The key an instance keeps alive while it runs (see server/yjs/redisFanout.ts). */
  instanceKey(instanceId: string): string {
    return this.key.instance(instanceId);
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw new StoreUnavailableError(e);
    }
  }

  async createMeeting(m: NewMeeting): Promise<void> {
    // Claims the id first, so two instances creating the same meeting cannot both succeed.
    const claimed = await this.call(() => this.redis.hsetnx(this.key.meeting(m.id), 'version', 0));
    if (claimed === 0) throw new MeetingExistsError(m.id);
    await this.call(async () => {
      const tx = this.redis
        .multi()
        .hset(this.key.meeting(m.id), { state: JSON.stringify(m.state), version: 0, createdAt: m.createdAt, definition: JSON.stringify(m.definition), title: m.state.title })
        .zadd(this.key.meetings(), m.createdAt, m.id);
      for (const t of m.tokens) {
        tx.hset(this.key.participantTokens(m.id), t.participantId, t.tokenHash);
        tx.set(this.key.tokenPrefix() + t.tokenHash, JSON.stringify({ meetingId: m.id, participantId: t.participantId }));
        if (t.publicToken) tx.set(this.key.publicToken(m.id), t.publicToken);
      }
      await tx.exec();
    });
  }

  async loadMeeting(id: string): Promise<StoredMeeting | null> {
    const [state, version] = await this.call(() => this.redis.hmget(this.key.meeting(id), 'state', 'version'));
    return state === null || version === null ? null : { id, version: Number(version), state: migrateState(JSON.parse(state), `meeting ${id}`) };
  }

  async currentVersion(id: string): Promise<number | null> {
    const version = await this.call(() => this.redis.hget(this.key.meeting(id), 'version'));
    return version === null ? null : Number(version);
  }

  async listMeetings(): Promise<MeetingSummary[]> {
    const ids = await this.call(() => this.redis.zrange(this.key.meetings(), 0, -1));
    const rows = await this.call(() => Promise.all(ids.map((id) => this.redis.hmget(this.key.meeting(id), 'title', 'createdAt'))));
    return ids.map((id, i) => ({ id, title: rows[i][0] ?? '', createdAt: Number(rows[i][1]) }));
  }

  async commit(c: Commit): Promise<'ok' | 'conflict' | 'already-voted'> {
    const record: EventRecord & { schema: number } = { version: c.expectedVersion + 1, at: c.at, actor: c.actor, events: c.events, schema: SCHEMA_VERSION };
    const ballots = ballotsTouched(c);
    const keys = [this.key.meeting(c.meetingId), this.key.events(c.meetingId)];
    for (const b of ballots) keys.push(this.key.voters(c.meetingId, b.id), this.key.counts(c.meetingId, b.id));
    const args = [c.expectedVersion, JSON.stringify(c.state), JSON.stringify(record), JSON.stringify(ballots.map(({ id: _, ...b }) => b))];
    const outcome = await this.call(() => (this.redis as Redis & { phCommit(...a: unknown[]): Promise<string> }).phCommit(keys.length, ...keys, ...args));
    if (outcome !== 'ok' && outcome !== 'conflict' && outcome !== 'already-voted') throw new StoreUnavailableError(new Error(`unexpected script result ${outcome}`));
    if (outcome === 'ok' && (c.tallies?.eraseHistory?.length ?? 0) > 0) this.foldAppendOnlyFile();
    return outcome;
  }

  /**
   * With AOF on, Redis logs the effects of every vote's script (the voter and the count increments,
   * in one transaction), so a copy of the AOF would link them. Once a ballot takes no more papers
   * (the commit's `tallies.eraseHistory`), an AOF rewrite replaces that history by the current data.
   * Best effort, in the background: while another rewrite runs, Redis refuses, and it is tried again
   * (see docs/BALLOTS.md for the limits).
   */
  private foldAppendOnlyFile(attempt = 0): void {
    void (async () => {
      if (!/aof_enabled:1/.test(await this.redis.info('persistence'))) return;
      await this.redis.bgrewriteaof();
    })().catch(() => {
      if (attempt < 12 && this.redis.status !== 'end') setTimeout(() => this.foldAppendOnlyFile(attempt + 1), 5000).unref();
    });
  }

  async readCounts(meetingId: string, ballotId: string): Promise<Counts> {
    const raw = await this.call(() => this.redis.hgetall(this.key.counts(meetingId, ballotId)));
    return Object.fromEntries(
      Object.entries(raw)
        .map(([k, v]): [string, number] => [k, Number(v)])
        .filter(([, n]) => n > 0),
    );
  }

  async readEvents(meetingId: string, afterVersion = 0): Promise<EventRecord[]> {
    // Versions start at 1 and the list holds them in order, so version n sits at index n - 1.
    const raw = await this.call(() => this.redis.lrange(this.key.events(meetingId), afterVersion, -1));
    return raw.map((r) => {
      const { schema, ...record } = JSON.parse(r) as EventRecord & { schema?: number };
      const what = `event record ${record.version} of meeting ${meetingId}`;
      return { ...record, events: migrateEvents(record.events, schemaOf(schema, what), record.at, what) };
    });
  }

  async findToken(tokenHash: string): Promise<TokenOwner | null> {
    const raw = await this.call(() => this.redis.get(this.key.tokenPrefix() + tokenHash));
    return raw === null ? null : (JSON.parse(raw) as TokenOwner);
  }

  async replaceToken(meetingId: string, participantId: string, tokenHash: string, publicToken?: string): Promise<void> {
    await this.call(() =>
      (this.redis as Redis & { phReplaceToken(...a: unknown[]): Promise<string> }).phReplaceToken(
        this.key.participantTokens(meetingId),
        this.key.publicToken(meetingId),
        participantId,
        tokenHash,
        JSON.stringify({ meetingId, participantId }),
        this.key.tokenPrefix(),
        publicToken ?? '',
      ),
    );
  }

  async readPin(meetingId: string, participantId: string): Promise<StoredPin | null> {
    const [hash, failures] = await this.call(() =>
      Promise.all([this.redis.hget(this.key.pins(meetingId), participantId), this.redis.hget(this.key.pinFailures(meetingId), participantId)]),
    );
    return hash === null ? null : { hash, failures: Number(failures ?? 0) };
  }

  async setPin(meetingId: string, participantId: string, hash: string): Promise<void> {
    await this.call(() => this.redis.multi().hset(this.key.pins(meetingId), participantId, hash).hdel(this.key.pinFailures(meetingId), participantId).exec());
  }

  async pinFailed(meetingId: string, participantId: string): Promise<number> {
    return this.call(() => this.redis.hincrby(this.key.pinFailures(meetingId), participantId, 1));
  }

  async pinSucceeded(meetingId: string, participantId: string): Promise<void> {
    await this.call(() => this.redis.hdel(this.key.pinFailures(meetingId), participantId));
  }

  async resetPin(meetingId: string, participantId: string): Promise<void> {
    await this.call(() => this.redis.multi().hdel(this.key.pins(meetingId), participantId).hdel(this.key.pinFailures(meetingId), participantId).exec());
  }

  async saveSelfAssessment(meetingId: string, participantId: string, assessment: SelfAssessment): Promise<void> {
    await this.call(() => this.redis.hset(this.key.selfAssessments(meetingId), participantId, JSON.stringify(assessment)));
  }

  async readSelfAssessments(meetingId: string, participantIds: readonly string[]): Promise<Record<string, SelfAssessment>> {
    const ids = [...new Set(participantIds)];
    if (ids.length === 0) return {};
    const values = await this.call(() => this.redis.hmget(this.key.selfAssessments(meetingId), ...ids));
    const found: Record<string, SelfAssessment> = {};
    ids.forEach((id, i) => {
      const value = values[i];
      if (value !== null) found[id] = JSON.parse(value) as SelfAssessment;
    });
    return found;
  }

  async publicToken(meetingId: string): Promise<string | null> {
    return this.call(() => this.redis.get(this.key.publicToken(meetingId)));
  }

  async appendDocUpdate(meetingId: string, docName: string, update: Uint8Array): Promise<void> {
    await this.call(() =>
      (this.redis as Redis & { phAppendDoc(...a: unknown[]): Promise<number> }).phAppendDoc(
        this.key.docLog(meetingId, docName),
        this.key.docSeq(meetingId, docName),
        Buffer.from(update),
      ),
    );
  }

  /** `appendDocUpdate`, announced on the document's channel in the same step; resolves to its seq. */
  async appendAnnouncedDocUpdate(meetingId: string, docName: string, update: Uint8Array, instanceId: string): Promise<number> {
    return this.call(() =>
      (this.redis as Redis & { phAppendDocAnnounced(...a: unknown[]): Promise<number> }).phAppendDocAnnounced(
        this.key.docLog(meetingId, docName),
        this.key.docSeq(meetingId, docName),
        Buffer.from(update),
        this.key.docChannel(meetingId, docName),
        instanceId,
      ),
    );
  }

  /** The seq of the last update appended to each document (0 for none), in one round trip. */
  async docSeqs(docs: { meetingId: string; docName: string }[]): Promise<number[]> {
    if (docs.length === 0) return [];
    // A pipeline rather than MGET: the keys sit in different cluster slots.
    const pipeline = this.redis.pipeline();
    for (const d of docs) pipeline.get(this.key.docSeq(d.meetingId, d.docName));
    const replies = (await this.call(() => pipeline.exec())) ?? [];
    return replies.map(([err, v]) => {
      if (err) throw new StoreUnavailableError(err);
      return Number(v ?? 0);
    });
  }

  async loadDoc(meetingId: string, docName: string): Promise<StoredDoc> {
    const entries = (await this.call(() => this.redis.lrangeBuffer(this.key.docLog(meetingId, docName), 0, -1))).map(docEntry);
    return { updates: entries.map((e) => e.update), through: entries.at(-1)?.seq ?? 0 };
  }

  async compactDoc(meetingId: string, docName: string, merged: Uint8Array, through: number): Promise<void> {
    await this.call(() =>
      (this.redis as Redis & { phCompactDoc(...a: unknown[]): Promise<number> }).phCompactDoc(this.key.docLog(meetingId, docName), through, Buffer.from(merged)),
    );
  }

  async docStoredBytes(meetingId: string, docName: string): Promise<number> {
    return this.call(() => (this.redis as Redis & { phDocBytes(...a: unknown[]): Promise<number> }).phDocBytes(this.key.docLog(meetingId, docName)));
  }

  async saveDocVersion(meetingId: string, docName: string, version: NewDocVersion): Promise<StoredVersionMeta> {
    const meta = JSON.stringify({ ...version.meta, bytes: version.state.byteLength });
    const saved = await this.call(() =>
      (this.redis as Redis & { phSaveVersion(...a: unknown[]): Promise<string> }).phSaveVersion(
        this.key.docVersions(meetingId, docName),
        this.key.docVersionStates(meetingId, docName),
        this.key.docEditors(meetingId, docName),
        version.meta.id,
        meta,
        Buffer.from(version.state),
      ),
    );
    return JSON.parse(saved) as StoredVersionMeta;
  }

  async listDocVersions(meetingId: string, docName: string): Promise<StoredVersionMeta[]> {
    const raw = await this.call(() => this.redis.hvals(this.key.docVersions(meetingId, docName)));
    return raw.map((r) => JSON.parse(r) as StoredVersionMeta).sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  }

  async loadDocVersion(meetingId: string, docName: string, versionId: string): Promise<{ meta: StoredVersionMeta; state: Uint8Array } | null> {
    const [meta, state] = await this.call(() =>
      Promise.all([this.redis.hget(this.key.docVersions(meetingId, docName), versionId), this.redis.hgetBuffer(this.key.docVersionStates(meetingId, docName), versionId)]),
    );
    return meta === null || state === null ? null : { meta: JSON.parse(meta) as StoredVersionMeta, state: new Uint8Array(state.buffer, state.byteOffset, state.byteLength) };
  }

  async deleteDocVersions(meetingId: string, docName: string, versionIds: readonly string[]): Promise<void> {
    if (versionIds.length === 0) return;
    await this.call(() =>
      this.redis
        .multi()
        .hdel(this.key.docVersions(meetingId, docName), ...versionIds)
        .hdel(this.key.docVersionStates(meetingId, docName), ...versionIds)
        .exec(),
    );
  }

  async addDocAuthors(meetingId: string, docName: string, authors: readonly (readonly [number, string])[], editors: readonly string[]): Promise<void> {
    if (authors.length === 0 && editors.length === 0) return;
    const tx = this.redis.multi();
    // HSETNX: a client id keeps the participant it was first recorded for, whichever instance did.
    for (const [clientId, participantId] of authors) tx.hsetnx(this.key.docAuthors(meetingId, docName), String(clientId), participantId);
    if (editors.length > 0) (tx as unknown as { phAddEditors(...a: unknown[]): void }).phAddEditors(this.key.docEditors(meetingId, docName), ...editors);
    await this.call(() => tx.exec());
  }

  async loadDocAuthors(meetingId: string, docName: string): Promise<Map<number, string>> {
    const raw = await this.call(() => this.redis.hgetall(this.key.docAuthors(meetingId, docName)));
    return new Map(Object.entries(raw).map(([clientId, participantId]) => [Number(clientId), participantId]));
  }

  async healthy(): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
