import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingDefinition } from '../../shared/definition.js';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import { CLI_COMMAND, freePort, removeDataDir, spawnServer } from '../helpers/process.js';
import { connectClient } from '../helpers/server.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const EXAMPLE = 'examples/self-review-2024.json';
const participants = MeetingDefinition.parse(JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8'))).participants;
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/join/') + '/join/'.length);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The compiled CLI as its own process, as `npm run meeting -- …` runs it. */
function cli(args: string[], env: Record<string, string>, command: readonly string[] = CLI_COMMAND): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command[0], [...command.slice(1), ...args], { cwd: ROOT, env: { ...process.env, REDIS_URL: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

type CreatedJson = CreatedMeeting & { ok: true; cardsFile: string | null };

describe('npm run meeting (the CLI)', () => {
  let dataDir: string;
  let port: number;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-cli-'));
    port = await freePort();
    env = { DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}` };
  });
  afterAll(() => removeDataDir(dataDir));

  it('creates a meeting from a file; every printed link works against a server on the same DATA_DIR', { timeout: 90_000 }, async () => {
    const run = await cli(['create', EXAMPLE, '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as CreatedJson;
    expect(out.ok).toBe(true);
    expect(out.links.map((l) => [l.participantId, l.role])).toEqual(participants.map((p) => [p.id, p.role]));
    for (const link of out.links) expect(link.url.startsWith(`http://127.0.0.1:${port}/join/`)).toBe(true);

    // The join cards, beside the data by default, readable by their owner only.
    expect(out.cardsFile).toBe(join(dataDir, 'cards', `${out.meetingId}.html`));
    const cards = readFileSync(out.cardsFile!, 'utf8');
    for (const link of out.links) expect(cards).toContain(link.url);
    expect(cards.match(/<svg /g)).toHaveLength(out.links.length);

    const server = await spawnServer({ dataDir, port });
    try {
      // A store that already holds a meeting gets no demo; the server says how to create one.
      expect(server.output()).toContain('npm run meeting -- create');
      expect(existsSync(join(dataDir, 'demo-links.json'))).toBe(false);
      const clients = await Promise.all(out.links.map((l) => connectClient(server.url, tokenOf(l.url))));
      expect(clients.map((c) => [c.snapshot.meetingId, c.snapshot.you.participantId])).toEqual(out.links.map((l) => [out.meetingId, l.participantId]));
      for (const c of clients) c.close();

      // Created while the server runs, on the store it has open: the links work at once.
      const second = JSON.parse((await cli(['create', EXAMPLE, '--json', '--no-cards'], env)).stdout) as CreatedJson;
      expect(second.cardsFile).toBeNull();
      const chair = await connectClient(server.url, tokenOf(second.links[0].url));
      expect([chair.snapshot.meetingId, chair.snapshot.you.role]).toEqual([second.meetingId, 'chair']);
      chair.close();
    } finally {
      await server.terminate();
    }

    const list = await cli(['list', '--json'], env);
    expect(list.code).toBe(0);
    const { meetings } = JSON.parse(list.stdout) as { meetings: { id: string; title: string }[] };
    expect(meetings.map((m) => m.id)).toContain(out.meetingId);
    expect(readdirSync(join(dataDir, 'cards'))).toEqual([`${out.meetingId}.html`]);
  });

  it('prints a readable table through `npm run meeting`, and writes the cards where --cards says', async () => {
    const cardsDir = join(dataDir, 'printouts');
    const run = await cli(['run', 'meeting', '--silent', '--', 'create', EXAMPLE, '--cards', cardsDir], env, ['npm']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Vai trò / Role');
    for (const p of participants) expect(run.stdout).toContain(p.name);
    expect(run.stdout.match(/http:\/\/127\.0\.0\.1:\d+\/join\/[A-Za-z0-9_-]+/g)).toHaveLength(participants.length);
    const meetingId = /meeting id: (\S+)/.exec(run.stdout)?.[1];
    expect(run.stdout).toContain(join(cardsDir, `${meetingId}.html`));
    expect(existsSync(join(cardsDir, `${meetingId}.html`))).toBe(true);

    const list = await cli(['list'], env);
    expect(list.stdout).toContain(`${meetingId}`);
    expect(list.stdout).toContain('Hội nghị kiểm điểm tập thể và cá nhân năm 2024');
  });

  it('refuses an invalid definition (every problem named by its path) or an unwritable cards folder with exit code 1, and creates nothing', { timeout: 60_000 }, async () => {
    const before = (await cli(['list', '--json'], env)).stdout;
    const def = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8'));
    def.agenda[3].presenter = 'nobody';
    // ballots[1] is the peer rating (ballots[0], the collective's, names the collective only).
    def.ballots[1].subjects.push('ghost');
    const file = join(dataDir, 'bad.json');
    writeFileSync(file, JSON.stringify(def));

    const [text, json] = await Promise.all([cli(['create', file], env), cli(['create', file, '--json'], env)]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('agenda[3].presenter: unknown participant nobody');
    expect(text.stderr).toContain('ballots[1].subjects[16]: unknown participant ghost');

    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
      issues: expect.arrayContaining([{ path: 'agenda[3].presenter', message: 'unknown participant nobody' }]),
    });

    writeFileSync(file, '{ "title": "x",\n  "days": [,] }');
    const syntax = await cli(['create', file], env);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain('not valid JSON at line 2');
    const missing = await cli(['create', join(dataDir, 'nothing-here.json')], env);
    expect([missing.code, missing.stderr.includes('no such file')]).toEqual([1, true]);
    // A cards folder that cannot be written is found out before the meeting exists, not after.
    const unwritable = await cli(['create', EXAMPLE, '--cards', join(file, 'cards')], env);
    expect([unwritable.code, unwritable.stderr.includes('cannot write the join cards')]).toEqual([1, true]);

    expect((await cli(['list', '--json'], env)).stdout).toBe(before);
  });

  it('answers wrong usage with the usage text and exit code 2', { timeout: 60_000 }, async () => {
    const wrong = [[], ['create'], ['frobnicate'], ['create', EXAMPLE, '--bogus'], ['create', EXAMPLE, '--cards', 'x', '--no-cards']];
    const runs = await Promise.all(wrong.map((args) => cli(args, env)));
    for (const [i, run] of runs.entries()) {
      expect(run.code, wrong[i].join(' ')).toBe(2);
      expect(run.stderr).toContain('npm run meeting -- create FILE');
    }
    const help = await cli(['--help'], env);
    expect([help.code, help.stdout.includes('npm run meeting -- list')]).toEqual([0, true]);
  });
});
