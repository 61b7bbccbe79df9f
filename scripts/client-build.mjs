// Whether the built client (dist/client) is missing or older than what it is built from, and how to
// build it. Shared by `npm start` (scripts/start.mjs) and the test run's global setup.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the client bundle is built from: a change to any of these makes the bundle stale. */
const SOURCES = ['client', 'shared', 'vite.config.ts'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

export function clientIsStale(root) {
  const built = join(root, 'dist/client/index.html');
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...SOURCES.map((s) => newest(join(root, s))));
}

/**
 * Runs `vite build` in `root`; returns its exit code. Always a production build: Vite takes
 * NODE_ENV from the environment, and under vitest (NODE_ENV=test, the tests' global setup) the
 * bundle would get React's development build (entry chunk 159 KB gzipped instead of 96, and
 * slower), which `npm start` would then serve as up to date.
 */
export function buildClient(root, args = []) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return build.status ?? 1;
}
