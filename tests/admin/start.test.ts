import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientIsStale, serverIsStale } from '../../scripts/build.mjs';
import { MeetingDefinition } from '../../shared/definition.js';
import { DEMO_DEFINITION } from '../../server/paths.js';
import { demoTokens, freePort, removeDataDir, SERVER_COMMAND, spawnServer } from '../helpers/process.js';
import { connectClient } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const demo = MeetingDefinition.parse(JSON.parse(readFileSync(DEMO_DEFINITION, 'utf8')));
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeDataDir));

/** The lines a person copies from the console: the links and where the generated admin token is kept. */
const printedLinks = (output: string) => output.split('\n').filter((l) => l.includes('/join/') || l.startsWith('ADMIN_TOKEN'));

describe('npm start', () => {
  it(
    'creates the demo meeting on first start, prints its links, the cards and where the generated ADMIN_TOKEN is kept (never the token); a second start prints the same',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir('phong-hop-start-');
      const port = await freePort();
      const first = await spawnServer({ dataDir, port, env: { ADMIN_TOKEN: '' } });
      const firstOutput = first.output();
      let printed: string[];
      try {
        printed = printedLinks(firstOutput);
        for (const label of ['Chủ trì / chair', 'Ủy viên / member', 'Màn hình / room screen', 'Theo dõi / observer']) {
          expect(
            printed.some((l) => l.includes(label) && l.includes(`http://127.0.0.1:${port}/join/`)),
            label,
          ).toBe(true);
        }
        const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
        expect(printed).toContain(`ADMIN_TOKEN: tạo tự động, lưu trong / generated, kept in ${join(dataDir, 'admin-token')}`);
        expect(adminToken.length).toBeGreaterThanOrEqual(12);
        expect(firstOutput).not.toContain(adminToken);

        // The printed chair link is the chair's, in the demo meeting.
        const chairUrl = /chair\s+(\S+)/.exec(printed.find((l) => l.includes('Chủ trì / chair'))!)![1];
        const chair = await connectClient(first.url, chairUrl.slice(chairUrl.lastIndexOf('/') + 1));
        expect([chair.snapshot.meetingId, chair.snapshot.you.name]).toEqual(['demo', demo.participants[0].name]);
        chair.close();

        // Join cards for every participant of the demo, their path printed.
        const cardsFile = join(dataDir, 'demo-cards.html');
        expect(firstOutput).toContain(cardsFile);
        const cards = readFileSync(cardsFile, 'utf8');
        for (const p of demo.participants) expect(cards).toContain(p.name);
        expect(cards).toContain(`http://127.0.0.1:${port}/join/${demoTokens(dataDir).tokenOf('m01')}`);
        expect(statSync(cardsFile).mode & 0o077).toBe(0);
      } finally {
        await first.terminate();
      }

      const second = await spawnServer({ dataDir, port, env: { ADMIN_TOKEN: '' } });
      try {
        expect(printedLinks(second.output())).toEqual(printed);
        expect(second.output()).toContain(join(dataDir, 'demo-cards.html'));
      } finally {
        await second.terminate();
      }
    },
  );

  it('writes the human banner to stderr and only JSON log lines to stdout', { timeout: 60_000 }, async () => {
    const dataDir = tempDir('phong-hop-streams-');
    const port = await freePort();
    const child = spawn(SERVER_COMMAND[0], SERVER_COMMAND.slice(1), {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'debug', REDIS_URL: '', ADMIN_TOKEN: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(() => stderr.includes(`running on port ${port}`) || child.exitCode !== null, 30_000, 'the server to start');
      // A connection, so that the log has a line of its own (debug: "connected").
      const chair = await connectClient(`http://127.0.0.1:${port}`, demoTokens(dataDir).roleOf('chair'));
      chair.close();
      await waitFor(() => stdout.includes('"connected"'), 10_000, "the connection's log line");
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('Cuộc họp mẫu / demo meeting');
    expect(stderr).toContain('/join/');
    expect(stderr).toContain('shutting down');
    expect(stderr).toContain(join(dataDir, 'admin-token'));
    const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    expect(stdout + stderr).not.toContain(adminToken);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(parsed), line).toEqual(expect.arrayContaining(['level', 't', 'msg']));
    }
    expect(stdout).not.toContain('/join/');
  });

  it('`node scripts/start.mjs` runs the compiled server with plain node, serves the built client and the API on PORT, and stops on SIGTERM', { timeout: 90_000 }, async () => {
    const dataDir = tempDir('phong-hop-startjs-');
    const port = await freePort();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        PORT: String(port),
        DATA_DIR: dataDir,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
        REDIS_URL: '',
        ADMIN_TOKEN: 'start-test-admin-token',
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      // The test run's global setup built the client and the server with the same checks, so nothing is rebuilt here.
      await waitFor(() => out.includes(`running on port ${port}`) || child.exitCode !== null, 60_000, 'start.mjs to start the server');
      expect(out).toContain(`running on port ${port}`);
      expect(out).not.toContain('vite build');
      expect(out).not.toContain('tsconfig.server.json');
      // One process, the compiled server in it: no TypeScript loader anywhere on its command line.
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(cmdline).toEqual([process.execPath, 'scripts/start.mjs']);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ ok: true, store: 'sqlite' });
      const page = await fetch(`http://127.0.0.1:${port}/join/anything`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"');
      expect(existsSync(join(dataDir, 'demo-links.json'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('builds the client only when it is missing or older than client/, shared/ or vite.config.ts', () => {
    const root = tempDir('phong-hop-build-');
    mkdirSync(join(root, 'client/src'), { recursive: true });
    mkdirSync(join(root, 'shared/meeting'), { recursive: true });
    writeFileSync(join(root, 'client/src/App.tsx'), '');
    writeFileSync(join(root, 'shared/meeting/decide.ts'), '');
    writeFileSync(join(root, 'vite.config.ts'), '');
    expect(clientIsStale(root)).toBe(true); // never built

    mkdirSync(join(root, 'dist/client'), { recursive: true });
    const built = join(root, 'dist/client/index.html');
    writeFileSync(built, '');
    const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);
    for (const f of ['client/src/App.tsx', 'shared/meeting/decide.ts', 'vite.config.ts']) at(f, 1_000);
    at('dist/client/index.html', 2_000);
    expect(clientIsStale(root)).toBe(false);

    for (const f of ['client/src/App.tsx', 'shared/meeting/decide.ts', 'vite.config.ts']) {
      at(f, 3_000);
      expect(clientIsStale(root), f).toBe(true);
      at(f, 1_000);
    }
    expect(clientIsStale(root)).toBe(false);
  });

  it('compiles the server only when dist/server is missing, incomplete or older than server/, shared/ or the tsconfigs', () => {
    const root = tempDir('phong-hop-build-server-');
    const sources = ['server/main.ts', 'shared/meeting/decide.ts', 'tsconfig.server.json', 'tsconfig.json'];
    mkdirSync(join(root, 'server'), { recursive: true });
    mkdirSync(join(root, 'shared/meeting'), { recursive: true });
    for (const f of sources) writeFileSync(join(root, f), '');
    expect(serverIsStale(root)).toBe(true); // never built

    mkdirSync(join(root, 'dist/server/server'), { recursive: true });
    writeFileSync(join(root, 'dist/server/server/main.js'), '');
    const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);
    for (const f of sources) at(f, 1_000);
    expect(serverIsStale(root)).toBe(true); // no stamp: the build did not finish
    writeFileSync(join(root, 'dist/server/.built'), '');
    at('dist/server/.built', 2_000);
    expect(serverIsStale(root)).toBe(false);

    for (const f of sources) {
      at(f, 3_000);
      expect(serverIsStale(root), f).toBe(true);
      at(f, 1_000);
    }
    expect(serverIsStale(root)).toBe(false);
  });

  it('has nothing to build where the sources are absent, as in the Docker image', () => {
    const root = tempDir('phong-hop-build-image-');
    mkdirSync(join(root, 'dist/client'), { recursive: true });
    mkdirSync(join(root, 'dist/server/server'), { recursive: true });
    for (const f of ['dist/client/index.html', 'dist/server/server/main.js', 'dist/server/.built']) writeFileSync(join(root, f), '');
    expect([clientIsStale(root), serverIsStale(root)]).toEqual([false, false]);
  });
});
