import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Browser tests and the static route need the built client; build it once per run if missing. */
export default function setup(): void {
  if (existsSync('dist/client/index.html') && !process.env.REBUILD_CLIENT) return;
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}
