import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite.js';
import { CLI_COMMAND, demoTokens, removeDataDir, spawnServer } from '../helpers/process.js';
import { connectClient } from '../helpers/server.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const roots: string[] = [];
afterAll(() => roots.forEach(removeDataDir));

/** A folder of its own, for a DATA_DIR that does not exist yet. */
function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'phong-hop-modes-'));
  roots.push(root);
  return root;
}

/** Every entry below `dir` (itself included) with its permission bits, e.g. ['data/x.sqlite', 0o600]. */
function modes(dir: string, name = '.'): [string, number, boolean][] {
  const stat = statSync(dir);
  const here: [string, number, boolean] = [name, stat.mode & 0o777, stat.isDirectory()];
  if (!stat.isDirectory()) return [here];
  return [here, ...readdirSync(dir).flatMap((entry) => modes(join(dir, entry), `${name}/${entry}`))];
}

function expectOwnerOnly(dir: string): string[] {
  const entries = modes(dir);
  for (const [name, mode, isDir] of entries) expect(mode.toString(8), name).toBe(isDir ? '700' : '600');
  return entries.map(([name]) => name);
}

describe('files readable by their owner only', () => {
  it('a first start creates DATA_DIR 0700 and every file in it 0600: store, WAL, admin token, demo links and cards', { timeout: 60_000 }, async () => {
    const dataDir = join(scratch(), 'data');
    const server = await spawnServer({ dataDir, env: { ADMIN_TOKEN: '' } });
    try {
      // A connection and a command, so the store has written through its WAL.
      const demo = demoTokens(dataDir);
      const chair = await connectClient(server.url, demo.roleOf('chair'));
      expect(await chair.send({ type: 'announcement.post', text: 'Kiểm tra quyền tệp' }, demo.meetingId)).toMatchObject({ ok: true });
      chair.close();
      const names = expectOwnerOnly(dataDir);
      for (const f of ['./phong-hop.sqlite', './phong-hop.sqlite-wal', './phong-hop.sqlite-shm', './admin-token', './demo-links.json', './demo-cards.html'])
        expect(names).toContain(f);
    } finally {
      await server.terminate();
    }
  });

  it('a store an older version left 0644 in a 0755 DATA_DIR is 0600 in a 0700 one after a start', { timeout: 60_000 }, async () => {
    const dataDir = join(scratch(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const old = new SqliteStore(join(dataDir, 'phong-hop.sqlite'));
    await old.close();
    chmodSync(join(dataDir, 'phong-hop.sqlite'), 0o644);
    expect(statSync(join(dataDir, 'phong-hop.sqlite')).mode & 0o777).toBe(0o644);
    const server = await spawnServer({ dataDir });
    try {
      expectOwnerOnly(dataDir);
    } finally {
      await server.terminate();
    }
  });

  it('the CLI creates its store, its cards folder and the cards owner-only too', { timeout: 60_000 }, async () => {
    const dataDir = join(scratch(), 'data');
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        CLI_COMMAND[0],
        [...CLI_COMMAND.slice(1), 'create', 'examples/self-review-2024.json', '--json'],
        {
          cwd: ROOT,
          env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:3999', REDIS_URL: '', ADMIN_TOKEN: 'cli-modes-admin-token' },
        },
        (err, _stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const names = expectOwnerOnly(dataDir);
    expect(names).toContain('./phong-hop.sqlite');
    expect(names.some((n) => n.startsWith('./cards/') && n.endsWith('.html'))).toBe(true);
  });
});
