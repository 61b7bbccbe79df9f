/**
 * Notes: K editors type at 5 characters per second each, at random places, into one notes
 * document (TipTap's XmlFragment `default`: paragraphs holding Y.XmlText) while readers watch.
 * After the last keystroke of all editors, each replica's convergence time is when the last change
 * it was missing arrived (nothing changes after that, so this is exact): p50/p99 over every replica
 * (editors and readers) and the time until all had converged. Server CPU and peak RSS are taken
 * from the first keystroke until every replica has converged.
 *
 * The clients are unmodified y-websocket providers in two worker processes
 * (bench/workers/yjsClients.ts), the same code against every system. The baseline is the reference
 * server `@y/websocket-server` 0.1.1 (bench/baselines/yws-server.mjs), which keeps documents in
 * memory only; ours stores every update (fsync'd SQLite, or Redis) before relaying it. Full run:
 * K = 20 and 50, 8 s of typing, ours on SQLite and as two instances on Redis (when one answers);
 * quick run: K = 20, 4 s, SQLite only.
 *
 * The convergence time is one sample per replica (all about the last few keystrokes), so it is
 * noisy; each keystroke's delivery time to every other replica during the typing
 * (deliveryP50Ms/deliveryP99Ms, thousands of samples) shows the steady state. `lateMaxMs` is how
 * far behind schedule the typists fell: large values mean the client processes were starved.
 * cpuMsPerKeystroke (server CPU time over the window / keystrokes) does not depend on how long a
 * starved process took; waitPct / clientWaitPct are how much of the window the server's / the
 * clients' main threads were ready to run but waiting for a CPU (other load on the machine).
 *
 * Every run checks that every replica ends identical and holds every keystroke, that no
 * connection dropped, and that a fresh client loading the document after everyone left (on ours:
 * reloaded from the store) gets the same content. Any difference throws.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMeetingOver } from '../lib/meeting.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { summarize, wallMs } from '../lib/stats.js';
import { watchUsage } from '../lib/usage.js';
import { forkWorker, shares, type Worker } from '../lib/workers.js';
import type { ReplicaReport, Stamps } from '../workers/yjsClients.js';
import { committeeDefinition, committeeIds } from '../../tests/helpers/definitions.js';
import { freePort, removeDataDir, spawnServer, type ServerProcess } from '../../tests/helpers/process.js';
import { dropPrefix, REDIS_URL, redisAvailable } from '../../tests/helpers/redis.js';

const WORKERS = 2;
const READERS = 20;
const CHARS_PER_SECOND = 5;
const PARAGRAPHS = 8;
/** The committee's agenda (committeeDefinition) opens with item 'open': its notes document. */
const DOC_NAME = 'notes-open';
/** Members u00 … u59: enough editor tokens for K = 50. */
const COMMITTEE = 60;

/** One system under test, started once for the whole scenario; each case uses a fresh document. */
interface System {
  label: string;
  role: Measurement['role'];
  pids: number[];
  note: string;
  /** A fresh document (a new meeting, or a new room): where each worker's providers connect, and as whom. */
  prepare(caseName: string): Promise<Room>;
  stop(): Promise<void>;
}

interface Room {
  /** Provider server URLs, one per instance; worker i uses the (i mod n)th (the provider appends `/<room>?token=…`). */
  serverUrls: string[];
  room: string;
  editorToken(i: number): string;
  readerToken: string;
}

const scenario: Scenario = {
  name: 'notes',
  title: 'K editors typing 5 chars/s each at random places in one notes document, plus 20 readers: time from the last keystroke until every replica has converged, and server CPU',
  headline: 'p99Ms',
  async run({ quick, say }) {
    const cases = quick ? [20] : [20, 50];
    const typingMs = quick ? 4000 : 8000;
    const out: Measurement[] = [];
    const systems: System[] = [];
    const workers: Worker[] = [];
    try {
      // The smoke run leaves out the two-instance case (two more servers to start).
      const withRedis = !quick && (await redisAvailable());
      if (!quick && !withRedis) say(`no Redis at ${REDIS_URL}: the two-instance case is skipped`);
      // One after the other: several servers compiling at once on a busy machine start slowly.
      for (const start of [startBaseline, startOurs, ...(withRedis ? [startOursRedis] : [])]) systems.push(await start());
      for (let i = 0; i < WORKERS; i++) workers.push(forkWorker(new URL('../workers/yjsClients.ts', import.meta.url)));
      for (const editors of cases) {
        const caseName = `K=${editors} editors, ${READERS} readers`;
        for (const system of systems) {
          say(`${caseName}: ${system.label}`);
          const values = await runCase(system, workers, editors, typingMs, caseName);
          say(
            `  converged p50 ${values.p50Ms.toFixed(1)} ms, p99 ${values.p99Ms.toFixed(1)} ms, all ${values.allMs.toFixed(1)} ms; each keystroke delivered p50 ${values.deliveryP50Ms.toFixed(1)} ms, p99 ${values.deliveryP99Ms.toFixed(1)} ms; server CPU ${values.cpuPct.toFixed(0)} % (${values.cpuMsPerKeystroke.toFixed(2)} ms per keystroke, waited for a CPU ${values.waitPct.toFixed(0)} %), clients ${values.clientCpuPct.toFixed(0)} % (waited ${values.clientWaitPct.toFixed(0)} %); typists late by up to ${values.lateMaxMs.toFixed(0)} ms`,
          );
          const starved =
            values.lateMaxMs > 250
              ? `; the client processes were starved during this run (typists up to ${values.lateMaxMs.toFixed(0)} ms behind schedule), so its latencies show the machine's load more than the server`
              : '';
          out.push({ scenario: 'notes', case: caseName, system: system.label, role: system.role, values, note: system.note + starved });
        }
      }
    } finally {
      await Promise.allSettled(workers.map((w) => w.close()));
      await Promise.allSettled(systems.map((s) => s.stop()));
    }
    return out;
  },
};
export default scenario;

async function runCase(system: System, workers: Worker[], editors: number, typingMs: number, caseName: string): Promise<Measurement['values']> {
  const room = await system.prepare(caseName);
  // Each worker gets its share of the editors and of the readers.
  const editorShare = shares(editors, WORKERS);
  const readerShare = shares(READERS, WORKERS);
  let nextEditor = 0;
  const plans = workers.map((_, w) => [
    ...Array.from({ length: editorShare[w] }, () => ({ token: room.editorToken(nextEditor++), editor: true })),
    ...Array.from({ length: readerShare[w] }, () => ({ token: room.readerToken, editor: false })),
  ]);
  try {
    await Promise.all(
      workers.map((w, i) => w.request('open', { serverUrl: room.serverUrls[i % room.serverUrls.length], room: room.room, clients: plans[i], seed: 1000 * editors + i }, 60_000)),
    );
    const seeded = await workers[0].request<{ target: [number, number][] }>('seed', { paragraphs: PARAGRAPHS });
    await Promise.all(workers.map((w) => w.request('converge', { target: seeded.target, timeoutMs: 20_000 }, 30_000)));

    const startAt = wallMs() + 300;
    await new Promise((r) => setTimeout(r, Math.max(0, startAt - wallMs())));
    const windowStart = wallMs();
    const usage = watchUsage(system.pids);
    const clientUsage = watchUsage(workers.map((w) => w.pid));
    const serverQueue = runQueueWait(system.pids);
    const clientQueue = runQueueWait(workers.map((w) => w.pid));
    const typed = await Promise.all(
      workers.map((w) =>
        w.request<{ clocks: [number, number][]; stamps: Stamps[]; keystrokes: number; lastKeystrokeAt: number; maxLateMs: number }>(
          'type',
          { startAt, durationMs: typingMs, charsPerSecond: CHARS_PER_SECOND },
          typingMs + 60_000,
        ),
      ),
    );
    const target = typed.flatMap((t) => t.clocks);
    const lastKeystrokeAt = Math.max(...typed.map((t) => t.lastKeystrokeAt));
    const keystrokes = typed.reduce((n, t) => n + t.keystrokes, 0);
    const replicas = (await Promise.all(workers.map((w) => w.request<ReplicaReport[]>('converge', { target, timeoutMs: 90_000 }, 100_000)))).flat();
    const { cpuPct, rssMb } = usage.stop();
    const clientCpuPct = clientUsage.stop().cpuPct;
    // CPU time per keystroke does not depend on how long a starved process took to do the work.
    const windowMs = wallMs() - windowStart;
    const cpuMsPerKeystroke = ((cpuPct / 100) * windowMs) / keystrokes;
    const waitPct = (serverQueue() / windowMs) * 100;
    const clientWaitPct = (clientQueue() / windowMs) * 100;

    // Every replica identical, holding every keystroke, and none reconnected on the way.
    const seedChars = Array.from({ length: PARAGRAPHS }, (_, i) => `Ý kiến ${i + 1}: `.length).reduce((a, b) => a + b, 0);
    const digests = new Set(replicas.map((r) => r.digest));
    if (digests.size !== 1) throw new Error(`${system.label}: replicas diverged (${digests.size} different contents over ${replicas.length} replicas)`);
    const chars = replicas[0].chars;
    if (chars !== seedChars + keystrokes) throw new Error(`${system.label}: ${chars} characters converged, expected ${seedChars + keystrokes} (${keystrokes} keystrokes)`);
    const dropped = replicas.filter((r) => r.closes.length > 0);
    if (dropped.length) throw new Error(`${system.label}: ${dropped.length} connection(s) closed during the run (codes ${dropped.flatMap((r) => r.closes).join(', ')})`);
    if (replicas.length !== editors + READERS) throw new Error(`${system.label}: ${replicas.length} replicas answered, expected ${editors + READERS}`);

    const latencies = replicas.map((r) => Math.max(0, r.lastChangeAt - lastKeystrokeAt));
    const s = summarize(latencies);
    const stamps = typed.flatMap((t) => t.stamps);
    const deliveries = (await Promise.all(workers.map((w) => w.request<number[]>('deliveries', { stamps })))).flat();
    // Every keystroke reached every replica but its author's.
    if (deliveries.length !== keystrokes * (replicas.length - 1))
      throw new Error(`${system.label}: ${deliveries.length} deliveries of keystrokes, expected ${keystrokes * (replicas.length - 1)}`);
    const d = summarize(deliveries);

    // Everyone leaves (ours unloads the document: flushed and compacted); a newcomer loads it.
    await Promise.all(workers.map((w) => w.request('close')));
    await new Promise((r) => setTimeout(r, 300));
    const fresh = await workers[0].request<{ digest: string; chars: number }>(
      'probe',
      { serverUrl: room.serverUrls[0], room: room.room, token: room.readerToken, target, timeoutMs: 20_000 },
      30_000,
    );
    if (fresh.digest !== replicas[0].digest || fresh.chars !== chars)
      throw new Error(`${system.label}: a fresh client loaded different content (${fresh.chars} characters) than the replicas converged to (${chars})`);

    const lateMaxMs = Math.max(...typed.map((t) => t.maxLateMs));
    return {
      replicas: replicas.length,
      keystrokes,
      p50Ms: s.p50,
      p99Ms: s.p99,
      allMs: s.max,
      deliveryP50Ms: d.p50,
      deliveryP99Ms: d.p99,
      cpuPct,
      cpuMsPerKeystroke,
      waitPct,
      rssMb,
      clientCpuPct,
      clientWaitPct,
      lateMaxMs,
    };
  } finally {
    await Promise.allSettled(workers.map((w) => w.request('close')));
  }
}

/**
 * How long the main threads of some processes were ready to run but waited for a CPU (ms, summed),
 * from the start of the call until the returned function is called: /proc/<pid>/schedstat's second
 * field. On a shared machine this shows when a process was starved rather than slow.
 */
function runQueueWait(pids: number[]): () => number {
  const read = () =>
    pids.reduce((ns, pid) => {
      try {
        return ns + Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
      } catch {
        return ns; // exited, or no schedstat on this kernel
      }
    }, 0);
  const start = read();
  return () => (read() - start) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// Systems

const OURS_NOTE =
  'stores every update before relaying it (SQLite, WAL, synchronous=FULL: one fsync per group of updates read together), so nothing anyone saw is lost on a crash; the whole app (Express, Socket.IO; the compiled server, as `npm start` runs it) in one process';
const REDIS_NOTE =
  "two instances on one Redis: every update is stored in Redis (one script call per group of updates) before it is relayed, and reaches the other instance by Redis pub/sub; each worker's clients on a different instance; CPU and RSS are both instances' sum (not Redis's)";
const BASELINE_NOTE = 'keeps documents in memory only (no persistence configured), relays each update as soon as Yjs applied it; no authentication or permissions';

/** SIGTERM, then SIGKILL if it has not exited within 15 s; its data directory is removed. */
async function stopOurs(server: ServerProcess): Promise<void> {
  const timer = setTimeout(() => void server.kill9(), 15_000);
  try {
    await server.terminate();
  } finally {
    clearTimeout(timer);
    removeDataDir(server.dataDir);
  }
}

function oursRoom(urls: string[], meeting: { meetingId: string; tokenOf(id: string): string }): Room {
  const ids = committeeIds(COMMITTEE);
  return {
    serverUrls: urls.map((u) => `${u.replace(/^http/, 'ws')}/yjs/${encodeURIComponent(meeting.meetingId)}`),
    room: DOC_NAME,
    editorToken: (i) => meeting.tokenOf(ids[i]),
    readerToken: meeting.tokenOf('obs'),
  };
}

/** spawnServer, tried twice: it gives a server 30 s to start, which a loaded machine may miss. */
async function spawnOurs(env?: Record<string, string>): Promise<ServerProcess> {
  try {
    return await spawnServer({ env });
  } catch {
    return spawnServer({ env });
  }
}

async function startOurs(): Promise<System> {
  const server = await spawnOurs();
  return {
    label: 'ours (SQLite)',
    role: 'ours',
    pids: [server.child.pid!],
    note: OURS_NOTE,
    prepare: async () => oursRoom([server.url], await createMeetingOver(server.url, server.adminToken, committeeDefinition(COMMITTEE))),
    stop: () => stopOurs(server),
  };
}

async function startOursRedis(): Promise<System> {
  const prefix = `ph-bench-notes-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
  const env = { REDIS_URL, REDIS_PREFIX: prefix };
  const servers: ServerProcess[] = [];
  const stop = async () => {
    await Promise.allSettled(servers.map(stopOurs));
    await dropPrefix(prefix);
  };
  try {
    for (let i = 0; i < 2; i++) servers.push(await spawnOurs(env));
  } catch (e) {
    await stop();
    throw e;
  }
  const [a, b] = servers;
  return {
    label: 'ours (2 instances, Redis)',
    role: 'ours',
    pids: servers.map((s) => s.child.pid!),
    note: REDIS_NOTE,
    prepare: async () => oursRoom([a.url, b.url], await createMeetingOver(a.url, a.adminToken, committeeDefinition(COMMITTEE))),
    stop,
  };
}

async function startBaseline(): Promise<System> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [new URL('../baselines/yws-server.mjs', import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the y-websocket server did not start: ${out}`));
    }, 30_000);
    child.stdout!.on('data', () => {
      if (out.includes(`listening on ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the y-websocket server exited (${code}): ${out}`));
    });
  });
  let rooms = 0;
  return {
    label: 'y-websocket-server 0.1.1',
    role: 'baseline',
    pids: [child.pid!],
    note: BASELINE_NOTE,
    prepare: async () => ({
      serverUrls: Array.from({ length: WORKERS }, () => `ws://127.0.0.1:${port}`),
      room: `bench-notes-${++rooms}`,
      editorToken: (i) => `editor-${i}`,
      readerToken: 'reader',
    }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
