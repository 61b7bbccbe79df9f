import { buildClient, clientIsStale } from '../../scripts/client-build.mjs';

/**
 * Browser tests and the static route need the built client: build it once per run when it is
 * missing or older than its sources (the same check as `npm start`), so a browser test never runs
 * against yesterday's client; REBUILD_CLIENT forces it.
 */
export default function setup(): void {
  if (!clientIsStale(process.cwd()) && !process.env.REBUILD_CLIENT) return;
  if (buildClient(process.cwd(), ['--logLevel', 'warn']) !== 0) throw new Error('vite build failed');
}
