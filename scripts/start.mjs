// `npm start`: build the client and the server where they are missing or older than their sources,
// then run the compiled server in this very process (plain node: no TypeScript loader, and the
// signals reach the server's own handlers). In the Docker image nothing is ever stale (no sources).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStale, ROOT, SERVER_ENTRY } from './build.mjs';

const status = buildStale(ROOT, { say: (line) => console.error(line) });
if (status !== 0) process.exit(status);
await import(pathToFileURL(join(ROOT, SERVER_ENTRY)).href);
