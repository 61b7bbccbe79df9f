import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { readDocx } from '../helpers/docx.js';
import { readPdf } from '../helpers/pdf.js';
import { CLI_COMMAND, removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { dropPrefix, REDIS_URL, redisAvailable, testPrefix } from '../helpers/redis.js';
import { connectClient, type TestClient } from '../helpers/server.js';

/**
 * `npm run meeting -- recount`: the second, independent computation of a published tally, against
 * the live one. A real server process on SQLite and on Redis, real sockets voting, the chair
 * publishing; then the recount from the CLI (its own read of the store, its own arithmetic) must
 * agree, and the counting record must say so. A count changed in the store behind the server's
 * back must be caught, by the CLI (exit 1, the difference named) and on the record.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const MEMBERS = committeeIds(8);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(CLI_COMMAND[0], [...CLI_COMMAND.slice(1), ...args], { cwd: ROOT, env: { ...process.env, REDIS_URL: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface Backend {
  name: string;
  env(dataDir: string): Record<string, string>;
  /** Adds `by` to one stored count, behind the server's back. */
  tamper(env: Record<string, string>, dataDir: string, meetingId: string, ballotId: string, key: string, by: number): Promise<void>;
  cleanup(env: Record<string, string>): Promise<void>;
}

const sqlite: Backend = {
  name: 'SQLite',
  env: () => ({}),
  tamper: async (_env, dataDir, meetingId, ballotId, key, by) => {
    const db = new Database(join(dataDir, 'phong-hop.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const path = `$."${key}"`;
      const changed = db
        .prepare('UPDATE ballot_tallies SET counts = json_set(counts, ?, json_extract(counts, ?) + ?) WHERE meeting_id = ? AND ballot_id = ?')
        .run(path, path, by, meetingId, ballotId);
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
  },
  cleanup: async () => undefined,
};

const redis: Backend = {
  name: 'Redis',
  env: () => ({ REDIS_URL, REDIS_PREFIX: testPrefix() }),
  tamper: async (env, _dataDir, meetingId, ballotId, key, by) => {
    const client = new Redis(REDIS_URL);
    try {
      await client.hincrby(`${env.REDIS_PREFIX}counts:{${meetingId}}:${ballotId}`, key, by);
    } finally {
      client.disconnect();
    }
  },
  cleanup: async (env) => dropPrefix(env.REDIS_PREFIX),
};

const backends = [sqlite, ...((await redisAvailable()) ? [redis] : [])];

describe.each(backends)('the recount against the live tally on $name', (backend) => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
  });

  it('agrees with what the server published, and catches a count changed in the store', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-recount-'));
    cleanups.push(() => removeDataDir(dataDir));
    const env = { DATA_DIR: dataDir, ...backend.env(dataDir) };
    cleanups.push(() => backend.cleanup(env));
    const definitionFile = join(dataDir, 'definition.json');
    writeFileSync(definitionFile, JSON.stringify(committeeDefinition(8)));
    const created = await cli(['create', definitionFile, '--json', '--no-cards'], { ...env, PUBLIC_URL: 'http://127.0.0.1:1' });
    expect(created.code, created.stderr).toBe(0);
    const meeting = JSON.parse(created.stdout) as CreatedMeeting;
    const meetingId = meeting.meetingId;
    const tokenOf = (id: string) => {
      const url = meeting.links.find((l) => l.participantId === id)!.url;
      return url.slice(url.lastIndexOf('/join/') + '/join/'.length);
    };

    const proc: ServerProcess = await spawnServer({ dataDir, env });
    cleanups.push(() => proc.terminate());
    const clients = new Map<string, TestClient>();
    for (const id of MEMBERS) clients.set(id, await connectClient(proc.url, tokenOf(id)));
    cleanups.push(() => clients.forEach((c) => c.close()));
    const chair = clients.get('u00')!;
    const send = async (id: string, command: Record<string, unknown>) => versionOf(await clients.get(id)!.send(command));
    await markPresent(chair, MEMBERS);

    // A rating with abstentions and a motion, every member voting over their own socket.
    await send('u00', { type: 'ballot.create', ballot: { id: 'rating', kind: 'rating', title: 'Xếp loại năm 2024', subjects: ['collective', 'u01', 'u02'], allowAbstain: true } });
    await send('u00', { type: 'ballot.open', ballotId: 'rating' });
    const levels = ['excellent', 'good', 'good', 'completed', 'excellent', 'good', 'abstain', 'good'];
    for (const [i, id] of MEMBERS.entries()) {
      const paper: Record<string, string> = { collective: levels[i], u01: levels[(i + 3) % 8], u02: levels[(i + 5) % 8] };
      delete paper[id];
      await send(id, { type: 'ballot.vote', ballotId: 'rating', paper });
    }
    await send('u00', { type: 'ballot.publish', ballotId: 'rating' });
    await send('u00', { type: 'ballot.create', ballot: { id: 'motion', kind: 'motion', title: 'Thông qua nghị quyết' } });
    await send('u00', { type: 'ballot.open', ballotId: 'motion' });
    for (const [i, id] of MEMBERS.entries()) await send(id, { type: 'ballot.vote', ballotId: 'motion', paper: { question: i < 6 ? 'agree' : i === 6 ? 'disagree' : 'abstain' } });
    await send('u00', { type: 'ballot.publish', ballotId: 'motion' });
    // One still sealed: nothing to recount against.
    await send('u00', { type: 'ballot.create', ballot: { id: 'sealed', kind: 'motion', title: 'Chưa công bố' } });
    await send('u00', { type: 'ballot.open', ballotId: 'sealed' });
    await send('u01', { type: 'ballot.vote', ballotId: 'sealed', paper: { question: 'agree' } });

    for (const ballotId of ['rating', 'motion']) {
      const run = await cli(['recount', meetingId, ballotId, '--json'], env);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      const out = JSON.parse(run.stdout) as { ok: boolean; agrees: boolean; differences: unknown[]; recounted: { turnout: number } };
      expect(out).toMatchObject({ ok: true, agrees: true, differences: [], recounted: { turnout: 8 } });
    }
    const text = await cli(['recount', meetingId, 'rating'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Khớp với kết quả đã công bố / agrees with the published result.');
    expect(text.stdout).toContain('Tập thể / collective');

    const sealed = await cli(['recount', meetingId, 'sealed', '--json'], env);
    expect(sealed.code).toBe(1);
    expect(JSON.parse(sealed.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect((await cli(['recount', meetingId, 'nope', '--json'], env)).code).toBe(1);
    expect((await cli(['recount', meetingId], env)).code).toBe(2);

    const record = async (ballotId: string, format: 'docx' | 'pdf') => {
      const res = await fetch(`${proc.url}/api/meetings/${meetingId}/ballots/${ballotId}/record.${format}`, { headers: { authorization: `Bearer ${tokenOf('u00')}` } });
      expect(res.status).toBe(200);
      return res.arrayBuffer();
    };
    const agreed = await readPdf(await record('rating', 'pdf'));
    expect(agreed.joined).toMatch(/Kiểm tra lại độc lập: khớp \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)/);

    // One more "good" for the collective, written into the store as nothing in the app ever would.
    await backend.tamper(env, dataDir, meetingId, 'rating', 'collective/good', 1);
    const caught = await cli(['recount', meetingId, 'rating', '--json'], env);
    expect(caught.code).toBe(1);
    const out = JSON.parse(caught.stdout) as { agrees: boolean; differences: { row: string | null; field: string; published: string; recounted: string }[] };
    expect(out.agrees).toBe(false);
    expect(out.differences).toEqual(
      expect.arrayContaining([
        { row: 'collective', field: 'good', published: '4', recounted: '5' },
        { row: 'collective', field: 'cast', published: '8', recounted: '9' },
      ]),
    );
    const caughtText = await cli(['recount', meetingId, 'rating'], env);
    expect(caughtText.code).toBe(1);
    expect(caughtText.stdout).toContain('KHÔNG KHỚP / DOES NOT AGREE');
    expect(caughtText.stdout).toContain('Tập thể / collective — good: công bố / published 4, kiểm lại / recounted 5');

    const docx = await readDocx(await record('rating', 'docx'));
    expect(docx.paragraphs.some((p) => /^Kiểm tra lại độc lập: KHÔNG KHỚP \(.*\) — 2 chỗ khác nhau:$/.test(p))).toBe(true);
    expect(docx.paragraphs).toContain('Tập thể — Hoàn thành tốt nhiệm vụ: đã công bố 4, kiểm tra lại 5');
    const pdf = await readPdf(await record('rating', 'pdf'));
    expect(pdf.joined).toContain('Tập thể — Hoàn thành tốt nhiệm vụ: đã công bố 4, kiểm tra lại 5');
    // The other ballot's counts were not touched: it still agrees.
    expect((await cli(['recount', meetingId, 'motion'], env)).code).toBe(0);
  });
});
