// `npm run meeting -- <command>`: the organiser's CLI (server/cli.ts), compiled, run in this process
// with the arguments as given; the server is compiled first when it is missing or stale. Build
// messages go to stderr: with --json, stdout is the CLI's JSON alone.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, CLI_ENTRY, ROOT, serverIsStale } from './build.mjs';

if (serverIsStale(ROOT)) {
  process.stderr.write('Đang dịch máy chủ / compiling the server (tsc -p tsconfig.server.json)…\n');
  const status = buildServer(ROOT);
  if (status !== 0) process.exit(status);
}
await import(pathToFileURL(join(ROOT, CLI_ENTRY)).href);
