import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countKeys } from '../../shared/ballots/tally.js';
import type { Command } from '../../shared/meeting/commands.js';
import { decide } from '../../shared/meeting/decide.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import { findParticipant, initialState, type MeetingState } from '../../shared/meeting/state.js';
import { RedisStore } from '../../server/store/redis.js';
import { freePort } from '../helpers/process.js';
import { testDefinition } from '../helpers/definitions.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Redis with AOF logs the effects of every vote's script: SADD of the voter and HINCRBY of the
 * paper's count keys, side by side. The Redis store rewrites the AOF once a ballot closes, so the
 * files keep the final data, not the history. Run against a private redis-server with AOF on (the
 * shared test Redis has it off, and its configuration is not ours to change), with RDB compression
 * off so the rewritten file can be searched for the count keys.
 */
function redisServerInstalled(): boolean {
  if (spawnSync('redis-server', ['--version']).status === 0) return true;
  if (process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but there is no redis-server binary to start a private Redis with AOF');
  console.warn('\n!!! SKIPPING the Redis AOF test: no redis-server binary.\n');
  return false;
}

describe.runIf(redisServerInstalled())('Redis AOF after a ballot', () => {
  let redis: ChildProcess;
  let dir: string;
  let store: RedisStore;
  let admin: Redis;
  let state: MeetingState;
  let version = 0;

  /** What the room does: decide, commit with the version check (and the vote, and what the decision says of the counts), apply. */
  async function run(by: string, command: Command): Promise<void> {
    const who = findParticipant(state, by)!;
    const decision = decide(
      state,
      command,
      { participantId: who.id, role: who.role },
      { now: 1000 + version, newId: () => 'x', counts: command.type === 'ballot.publish' ? await store.readCounts('mtg', command.ballotId) : undefined },
    );
    if (!decision.ok) throw new Error(decision.error.message);
    const next = evolveAll(state, decision.events);
    expect(
      await store.commit({
        meetingId: 'mtg',
        expectedVersion: version,
        state: next,
        events: decision.events,
        at: 1000,
        actor: decision.vote ? null : by,
        votes: decision.vote && [decision.vote],
        tallies: decision.tallies,
      }),
    ).toBe('ok');
    state = next;
    version += 1;
  }

  const aofText = () => {
    const files = readdirSync(join(dir, 'appendonlydir'));
    return files.map((f) => readFileSync(join(dir, 'appendonlydir', f)).toString('latin1')).join('\n');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'phong-hop-aof-'));
    const port = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--rdbcompression', 'no'],
      { stdio: 'ignore' },
    );
    admin = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => 100 });
    admin.on('error', () => undefined);
    await waitFor(async () => (await admin.ping()) === 'PONG', 10_000, 'the private redis-server');
    store = new RedisStore(`redis://127.0.0.1:${port}`, 't:');
    await store.ready();
    state = initialState('mtg', testDefinition());
    await store.createMeeting({ id: 'mtg', createdAt: 1, definition: testDefinition(), state, tokens: [] });
  });
  afterAll(async () => {
    await store?.close();
    admin?.disconnect();
    redis?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every key of the tally in sorted order, and folds the per-vote history away once the ballot closes', async () => {
    for (const id of ['chair', 'm1', 'm2', 'm3']) await run('chair', { type: 'attendance.mark', participantId: id, status: 'present' });
    await run('chair', {
      type: 'ballot.create',
      ballot: {
        id: 'peer',
        kind: 'rating',
        title: 'R',
        subjects: ['m1', 'm2', 'collective'],
        allowAbstain: false,
        selfRating: false,
        eligibility: 'present-members',
        closeWhenAllVoted: true,
        quorum: [2, 3],
        majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' },
      },
    });
    await run('chair', { type: 'ballot.open', ballotId: 'peer' });
    await run('m3', { type: 'ballot.vote', ballotId: 'peer', paper: { m1: 'not-completed', m2: 'good', collective: 'good' } });
    await run('m1', { type: 'ballot.vote', ballotId: 'peer', paper: { m2: 'excellent', collective: 'completed' } });

    // The first paper created every key at once, in sorted order: the hash's order tells nothing.
    const ballot = state.ballots.find((b) => b.id === 'peer')!;
    expect(await admin.hkeys('t:counts:{mtg}:peer')).toEqual(countKeys(ballot));
    // While open, the AOF holds each vote's effects side by side: the exposure docs/BALLOTS.md describes.
    const transactions = aofText().split('MULTI');
    expect(transactions.some((t) => t.includes('SADD') && t.includes('m3\r\n') && t.includes('HINCRBY') && t.includes('m1/not-completed'))).toBe(true);

    const rewrites = Number(/aof_rewrites:(\d+)/.exec(await admin.info('persistence'))![1]);
    await run('m2', { type: 'ballot.vote', ballotId: 'peer', paper: { m1: 'good', collective: 'good' } });
    await run('chair', { type: 'ballot.vote', ballotId: 'peer', paper: { m1: 'good', m2: 'good', collective: 'excellent' } });
    expect(state.ballots.find((b) => b.id === 'peer')!.status).toBe('closed');

    await waitFor(
      async () => {
        const info = await admin.info('persistence');
        return Number(/aof_rewrites:(\d+)/.exec(info)![1]) > rewrites && /aof_rewrite_in_progress:0/.test(info) && !/HINCRBY/.test(aofText());
      },
      15_000,
      'the AOF rewrite after the ballot closed',
    );
    const text = aofText();
    expect(text).not.toMatch(/HINCRBY|SADD/);
    // The final counts are kept, once.
    for (const key of countKeys(ballot)) expect(text.split(key).length - 1, key).toBe(1);
    expect(await store.readCounts('mtg', 'peer')).toEqual({
      'm1/good': 2,
      'm1/not-completed': 1,
      'm2/good': 2,
      'm2/excellent': 1,
      'collective/good': 2,
      'collective/completed': 1,
      'collective/excellent': 1,
    });
  });
});
