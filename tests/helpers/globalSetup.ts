import { buildClient, buildServer, clientIsStale, serverIsStale } from '../../scripts/build.mjs';

/**
 * Browser tests and the static route need the built client, and the tests that start the server as
 * its own process run the compiled one (dist/server, as `npm start` and the Docker image do): build
 * each once per run when it is missing or older than its sources (the same check as `npm start`),
 * so no test runs against yesterday's build; REBUILD_CLIENT forces the client's.
 */
export default function setup(): void {
  const root = process.cwd();
  if (clientIsStale(root) || process.env.REBUILD_CLIENT) {
    if (buildClient(root, ['--logLevel', 'warn']) !== 0) throw new Error('vite build failed');
  }
  if (serverIsStale(root) && buildServer(root) !== 0) throw new Error('the server build (tsc -p tsconfig.server.json) failed');
}
