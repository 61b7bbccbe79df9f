import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY, SERVER_ENTRY, serverIsStale } from '../../scripts/build.mjs';

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  adminToken: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything the process printed, stdout and stderr. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, exactly like a power cut or `kill -9`. */
  kill9(): Promise<void>;
  /** SIGTERM, and waits for the process to exit by itself. */
  terminate(): Promise<number | null>;
}

export interface SpawnOptions {
  /** Reuse a data directory (after a kill, to restart on the same files). */
  dataDir?: string;
  /** Listen on this port (a restart keeps its clients' address); a free one by default. */
  port?: number;
  env?: Record<string, string>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * The compiled server and CLI (dist/server, built by the test run's global setup), started with
 * plain `node` as `npm start`, `npm run meeting` and the Docker image start them: `[node, entry]`.
 */
export const SERVER_COMMAND = [process.execPath, join(ROOT, SERVER_ENTRY)] as const;
export const CLI_COMMAND = [process.execPath, join(ROOT, CLI_ENTRY)] as const;

/** Refuses to start a compiled server or CLI older than its sources: the test would check yesterday's code. */
export function assertBuilt(): void {
  if (serverIsStale(ROOT)) throw new Error(`${SERVER_ENTRY} is missing or older than server/ or shared/: run \`npm run build\` (vitest's global setup does)`);
}

/**
 * The real server as its own process (the compiled `dist/server/server/main.js` with plain node,
 * as `npm start` runs it), so a test can kill it with SIGKILL and start it again on the same
 * DATA_DIR or the same Redis.
 */
export async function spawnServer(opts: SpawnOptions = {}): Promise<ServerProcess> {
  assertBuilt();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'phong-hop-proc-'));
  const adminToken = opts.env?.ADMIN_TOKEN ?? 'process-admin-token';
  // Chosen here rather than with PORT=0 so that the participants' links carry the real port.
  const port = opts.port ?? (await freePort());
  const child = spawn(SERVER_COMMAND[0], SERVER_COMMAND.slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
      ...opts.env,
    },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const listening = new RegExp(`running on port ${port}\\b`);
  const until = Date.now() + 30_000;
  while (!listening.test(out)) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`the server process did not start (exit ${child.exitCode ?? child.signalCode}):\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    dataDir,
    adminToken,
    child,
    output: () => out,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The demo meeting's links, as `npm start` saved them in DATA_DIR. */
export function demoTokens(dataDir: string): { meetingId: string; tokenOf(participantId: string): string; roleOf(role: string): string } {
  const saved = JSON.parse(readFileSync(join(dataDir, 'demo-links.json'), 'utf8')) as { meetingId: string; links: { participantId: string; role: string; token: string }[] };
  return {
    meetingId: saved.meetingId,
    tokenOf: (id) => {
      const link = saved.links.find((l) => l.participantId === id);
      if (!link) throw new Error(`no demo participant ${id}`);
      return link.token;
    },
    roleOf: (role) => {
      const link = saved.links.find((l) => l.role === role);
      if (!link) throw new Error(`no demo participant with role ${role}`);
      return link.token;
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
