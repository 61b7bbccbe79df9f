import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'dist/client/index.html';
/** What the client bundle is made of: a change to any of these makes the built client stale. */
const SOURCES = ['client', 'shared', 'vite.config.ts'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .reduce((newest, entry) => Math.max(newest, statSync(join(path, entry)).mtimeMs), stat.mtimeMs);
}

/**
 * Browser tests and the static route need the built client; build it once per run when it is
 * missing or older than its sources, so a browser test never runs against yesterday's client.
 */
export default function setup(): void {
  const stale = !existsSync(BUILT) || SOURCES.some((s) => existsSync(s) && newestChange(s) > statSync(BUILT).mtimeMs);
  if (!stale && !process.env.REBUILD_CLIENT) return;
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}
