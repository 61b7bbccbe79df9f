// The two builds and whether each is stale, shared by `npm run build`, `npm start`
// (scripts/start.mjs), `npm run meeting` (scripts/meeting.mjs), the test run's global setup and the
// benchmark:
//   the client  client/ + shared/ → dist/client   (vite build)
//   the server  server/ + shared/ → dist/server   (tsc -p tsconfig.server.json; entry SERVER_ENTRY)
// A build is stale when its output is missing or older than a source. Where the sources are absent
// (the Docker image carries dist/ only) nothing is stale: there is nothing to build it from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the client bundle is built from: a change to any of these makes the bundle stale. */
const CLIENT_SOURCES = ['client', 'shared', 'vite.config.ts'];
/** What the compiled server is built from. */
const SERVER_SOURCES = ['server', 'shared', 'tsconfig.server.json', 'tsconfig.json'];

/** The compiled server's entry and the CLI's, relative to the app's root. */
export const SERVER_ENTRY = 'dist/server/server/main.js';
export const CLI_ENTRY = 'dist/server/server/cli.js';
/** Written after a whole, successful server build: its time is the build's. */
const SERVER_STAMP = 'dist/server/.built';

/** The builds print to stderr: stdout is for what runs after them (the server's JSON log, the CLI's --json). */
const BUILD_STDIO = ['ignore', 2, 2];

/** The app's root, for the scripts beside this file. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

function isStale(root, output, sources) {
  const built = join(root, output);
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map((s) => newest(join(root, s))));
}

export function clientIsStale(root) {
  return isStale(root, 'dist/client/index.html', CLIENT_SOURCES);
}

export function serverIsStale(root) {
  return !existsSync(join(root, SERVER_ENTRY)) || isStale(root, SERVER_STAMP, SERVER_SOURCES);
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
    stdio: BUILD_STDIO,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return build.status ?? 1;
}

/**
 * Compiles the server afresh into dist/server (emptied first, so no module of a deleted source
 * lingers); returns tsc's exit code. A type error fails the build and leaves no stamp.
 */
export function buildServer(root) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  if (!existsSync(tsc)) {
    process.stderr.write(`cannot build the server: ${tsc} is missing (TypeScript is a dev dependency: npm ci without --omit=dev)\n`);
    return 1;
  }
  rmSync(join(root, 'dist/server'), { recursive: true, force: true });
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.server.json')], { cwd: root, stdio: BUILD_STDIO });
  if (build.status !== 0) return build.status ?? 1;
  writeFileSync(join(root, SERVER_STAMP), `${new Date().toISOString()}\n`);
  return 0;
}

/**
 * Builds whichever of the two is stale (both with `force`); returns the first failing exit code, or 0.
 * `say` announces each build (to people: `npm start` prints it, the tests' setup does not).
 */
export function buildStale(root, { force = false, say = () => {}, viteArgs = [] } = {}) {
  if (force || clientIsStale(root)) {
    say('Đang dựng giao diện / building the client (vite build)…');
    const status = buildClient(root, viteArgs);
    if (status !== 0) return status;
  }
  if (force || serverIsStale(root)) {
    say('Đang dịch máy chủ / compiling the server (tsc -p tsconfig.server.json)…');
    const status = buildServer(root);
    if (status !== 0) return status;
  }
  return 0;
}

// `npm run build`: both, whatever their state.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(buildStale(ROOT, { force: true, say: (line) => console.error(line) }));
}
