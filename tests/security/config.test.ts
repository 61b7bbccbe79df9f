import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { assertBuilt, removeDataDir, SERVER_COMMAND } from '../helpers/process.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'phong-hop-config-'));
afterAll(() => removeDataDir(root));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled server as `npm start` runs it, with one variable wrong. */
function start(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    assertBuilt();
    const child = execFile(
      SERVER_COMMAND[0],
      SERVER_COMMAND.slice(1),
      {
        cwd: ROOT,
        timeout: 30_000,
        env: {
          ...process.env,
          PORT: '0',
          DATA_DIR: join(root, 'never-created'),
          ADMIN_TOKEN: 'config-test-admin-token',
          PUBLIC_URL: 'http://127.0.0.1:3000',
          LOG_LEVEL: 'info',
          REDIS_URL: '',
          ALLOWED_ORIGINS: '',
          ...env,
        },
      },
      (_err, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

// Each case is a process of its own, started side by side (at most vitest's maxConcurrency, 5, at once).
describe.concurrent('a bad configuration stops the server with one line naming the variable', () => {
  const cases: [string, Record<string, string>][] = [
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'INFO ' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'meeting.local:3000' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://meeting.local' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'javascript:alert(1)' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: 'http' }],
    ['PORT', { PORT: '30.5' }],
    ['ALLOWED_ORIGINS', { ALLOWED_ORIGINS: 'https://ok.example, not a url' }],
    ['MAX_CONNECTIONS_PER_TOKEN', { MAX_CONNECTIONS_PER_TOKEN: '0' }],
    ['ADMIN_TOKEN', { ADMIN_TOKEN: 'short' }],
  ];
  for (const [name, env] of cases) {
    it(`${name}=${JSON.stringify(Object.values(env)[0])}`, { timeout: 60_000 }, async ({ expect }) => {
      const run = await start(env);
      expect(run.code, run.stderr).toBe(1);
      const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`\\b${name}\\b`));
      expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+|node_modules|Error:/);
      expect(run.stdout).toBe('');
      // Nothing was created before the check.
      expect(existsSync(join(root, 'never-created'))).toBe(false);
    });
  }

  it('a bad ADMIN_TOKEN is named, never echoed', { timeout: 60_000 }, async ({ expect }) => {
    const run = await start({ ADMIN_TOKEN: 'tiny-secret' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ADMIN_TOKEN');
    expect(run.stderr).not.toContain('tiny-secret');
  });
});
