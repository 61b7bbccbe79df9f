import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/ids.js';
import { connectLive, startCluster, startPrivateRedis, type Cluster, type LiveClient, type PrivateRedis } from '../helpers/cluster.js';
import { pinOf } from '../helpers/ballots.js';
import { testDefinition } from '../helpers/definitions.js';
import { redisAvailable } from '../helpers/redis.js';
import { dumpPrefix, voterChoiceLinks, type VoterTrace } from '../helpers/redisDump.js';
import { waitFor } from '../helpers/wait.js';

const available = await redisAvailable();

/** Fictional members: chair plus fourteen, fifteen voters. */
const NAMES = [
  'Bùi Văn An',
  'Cao Thị Bình',
  'Đặng Văn Cường',
  'Đinh Thị Dung',
  'Giang Văn Đức',
  'Hà Thị Giang',
  'Kiều Văn Hải',
  'Lâm Thị Hoa',
  'Lương Văn Khánh',
  'Mai Thị Lan',
  'Ngô Văn Minh',
  'Phan Thị Nga',
  'Quách Văn Phúc',
  'Tạ Thị Quyên',
];
const MEMBERS = NAMES.map((name, i) => ({ id: `u${String(i + 1).padStart(2, '0')}`, name, position: 'Ủy viên', role: 'member' as const }));
const OPTIONS = ['excellent', 'good', 'completed', 'not-completed'];
const SUBJECTS = ['u01', 'u02'];

/** Distinct papers: no two voters hand in the same one, so a stored paper would name its voter. */
function paperOf(voterIndex: number, voterId: string): Record<string, string> {
  if (voterId === 'u01') return { u02: 'not-completed' };
  if (voterId === 'u02') return { u01: 'completed' };
  return { u01: OPTIONS[voterIndex % 4], u02: OPTIONS[Math.floor(voterIndex / 4) % 4] };
}

describe.runIf(available)('anonymity in Redis', () => {
  let redis: PrivateRedis;
  let cluster: Cluster;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    redis = await startPrivateRedis();
    const def = testDefinition({
      participants: [{ id: 'chair', name: 'Nguyễn Văn Chủ', position: 'Bí thư', role: 'chair' }, ...MEMBERS, { id: 'obs', name: 'Theo dõi', role: 'observer' }],
      agenda: [{ id: 'rating', day: 1, title: 'Đánh giá, xếp loại', kind: 'procedure', plannedMinutes: 30 }],
      // The PIN on, as in every real meeting: its hashes sit in Redis beside everything else.
      ballotRules: { votingPin: 'required' },
    });
    cluster = await startCluster(2, { redisUrl: redis.url, definition: def, logLevel: 'debug' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
    await redis?.remove();
  });

  it('after a 15-voter ballot no key of any type, no log line and no AOF file links a voter to a choice', async () => {
    const voterIds = ['chair', ...MEMBERS.map((m) => m.id)];
    const voters: VoterTrace[] = voterIds.map((id, i) => {
      const token = cluster.tokenOf(id);
      return { id, name: id === 'chair' ? 'Nguyễn Văn Chủ' : NAMES[i - 1], token, tokenHash: hashToken(token), paper: paperOf(i, id) };
    });
    expect(new Set(voters.map((v) => JSON.stringify(v.paper))).size).toBe(15);

    const connected = await Promise.all(voterIds.map((id, i) => connectLive(cluster.instances[i % 2].url, cluster.tokenOf(id))));
    clients.push(...connected);
    const chair = connected[0];
    for (const id of voterIds) {
      const ack = await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' });
      expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
    }
    for (const [i, c] of connected.entries()) expect(await c.send({ type: 'pin.set', pin: pinOf(voterIds[i]) })).toMatchObject({ ok: true });
    const ballot = { id: 'xep-loai', kind: 'rating', title: 'Xếp loại hai đồng chí', subjects: SUBJECTS };
    expect(await chair.send({ type: 'ballot.create', ballot })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'ballot.open', ballotId: 'xep-loai' })).toMatchObject({ ok: true });
    const acks = await Promise.all(connected.map((c, i) => c.send({ type: 'ballot.vote', ballotId: 'xep-loai', paper: voters[i].paper, pin: pinOf(voterIds[i]) })));
    for (const ack of acks) expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
    const published = await chair.send({ type: 'ballot.publish', ballotId: 'xep-loai' });
    expect(published).toMatchObject({ ok: true });

    const store = cluster.instances[0].opened.store;
    const state = (await store.loadMeeting(cluster.meeting.meetingId))!.state;
    const results = state.ballots[0].results!;
    expect(results.turnout).toBe(15);
    const expected = (subject: string, option: string) => voters.filter((v) => v.paper[subject] === option).length;
    for (const s of results.subjects) for (const o of OPTIONS) expect(s.counts[o]).toBe(expected(s.subject, o));

    const records = await dumpPrefix(redis.url, cluster.prefix);
    // The dump does cover every kind of key, the adapter's stream with its broadcasts included.
    const types = new Set(records.map((r) => r.type));
    for (const t of ['string', 'hash', 'set', 'list', 'stream']) expect(types).toContain(t);
    const stream = records.filter((r) => r.type === 'stream');
    expect(stream.some((r) => r.text.includes('"ballot.voted"'))).toBe(true);
    expect(records.some((r) => r.type === 'set' && r.text === 'u07')).toBe(true);

    expect(voterChoiceLinks(records, voters)).toEqual([]);
    // No paper and no vote command is stored anywhere, not even without its voter; the acknowledgement
    // of a vote went to the voter's socket only, never through the adapter's stream.
    for (const r of records) {
      expect(r.text).not.toContain('"paper"');
      expect(r.text).not.toContain('"ballot.vote"');
    }
    const logs = cluster.instances.flatMap((i) => i.logs);
    expect(logs.length).toBeGreaterThan(0);
    expect(
      voterChoiceLinks(
        logs.map((text) => ({ key: 'log', type: 'log', text })),
        voters,
      ),
    ).toEqual([]);
    for (const line of logs) expect(line).not.toContain('"paper"');

    // The detector does find a link when there is one.
    const planted = JSON.stringify({ voterId: 'u05', subject: 'u01', option: voters[5].paper.u01 });
    expect(voterChoiceLinks([{ key: 'x', type: 'string', text: planted }], voters)).toHaveLength(1);
    expect(voterChoiceLinks([{ key: 'x', type: 'hash', text: `u05=${JSON.stringify(voters[5].paper)}` }], voters).length).toBeGreaterThan(0);

    // Redis' append-only file logged each vote as it came (voter and counts in one block); the
    // ballot's close rewrote it from the data as it now is, so that history is gone.
    const admin = new Redis(redis.url);
    try {
      await waitFor(
        async () => /aof_rewrites:[1-9]/.test(await admin.info('persistence')) && /aof_rewrite_in_progress:0/.test(await admin.info('persistence')),
        15_000,
        'the AOF rewrite',
      );
    } finally {
      admin.disconnect();
    }
    const aofDir = join(redis.dir, 'appendonlydir');
    const files = readdirSync(aofDir).filter((f) => !f.endsWith('.manifest'));
    const aof = files.map((f) => readFileSync(join(aofDir, f)).toString('latin1')).join('\n');
    expect(aof).not.toMatch(/HINCRBY/i);
    expect(aof).not.toMatch(/\bSADD\b/i);
  });
});
