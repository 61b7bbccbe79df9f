/**
 * Ballots: V members hand in their papers within one second; every paper must be counted exactly
 * once, and the headline is the 99th percentile of the time from sending a paper to its
 * acknowledgement (the moment the voter's tablet says "counted").
 *
 * The ballot is the yearly rating ("phiếu đánh giá, xếp loại") of three subjects, two members and
 * the committee as a whole, on the official four-level scale, open to all members (no check-in):
 * each voter rates every subject but themself. All V members (the chair among them, on a second
 * connection, as a second tab) are socket.io-client connections in two worker processes
 * (bench/workers/voters.ts); the papers leave evenly spaced over one second, in a shuffled order
 * that interleaves the two workers. After the burst the chair (on a fresh connection) closes and
 * publishes the ballot: the published counts must be exactly the papers of the voters the ballot
 * says voted, once each, every acknowledged voter among them; anything else throws.
 *
 * Connections do not reconnect. One that closes before its acknowledgement (our server swamped
 * for longer than Engine.IO's heartbeat, 25 + 20 s, at V=1000) is a voter who never learned their
 * paper counted: `unacked` says how many, and their latency counts as infinite, so p99 becomes
 * Infinity once over 1 % of the voters are left waiting. `counted` is the turnout (V when nobody
 * lost their connection before their paper was due).
 *
 * Per case (V, store) ours runs as its own process (the compiled server, as `npm start` runs it) and the baseline
 * (bench/baselines/vote-server.ts) is bare Socket.IO doing one atomic has-voted + counts step per
 * paper in the same store, so the ratio is what everything else a vote does in ours costs. A second
 * run of it, the reference, also tells every connection who has voted, as ours must (turnout is
 * public while a ballot is open), at ours' pace: what a live turnout costs by itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { OFFICIAL_SCALE } from '../../shared/ballots/scale.js';
import type { Snapshot } from '../../shared/protocol.js';
import { committeeDefinition, committeeIds } from '../../tests/helpers/definitions.js';
import { CLI_COMMAND, removeDataDir, spawnServer, type ServerProcess } from '../../tests/helpers/process.js';
import { seeded } from '../../tests/helpers/random.js';
import { dropPrefix, REDIS_URL, redisAvailable } from '../../tests/helpers/redis.js';
import { createMeetingOver } from '../lib/meeting.js';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import type { MeetingDefinition } from '../../shared/definition.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/limits.js';
import type { Measurement, RunOptions, Scenario } from '../lib/scenario.js';
import { summarize, wallMs } from '../lib/stats.js';
import { watchUsage } from '../lib/usage.js';
import { forkWorker, shares, type Worker } from '../lib/workers.js';
import type { BurstResult } from '../workers/voters.js';

const WORKERS = 2;
const SPREAD_MS = 1000;
/** Time between scheduling the burst and its first paper, so both workers are ready for it. */
const LEAD_MS = 400;
const BALLOT = 'bench-rating';
const SUBJECTS = ['u01', 'u02', 'collective'];
const LEVELS = OFFICIAL_SCALE.map((o) => o.id);

type Paper = Record<string, string>;
type StoreKind = 'SQLite' | 'Redis';

interface Ballot {
  voters: string[];
  papers: Map<string, Paper>;
  /** Per worker, its voters' papers and send offsets. */
  schedules: { id: string; offsetMs: number; paper: Paper }[][];
}

/** V voters' papers (seeded, so every system counts the same papers), dealt to the workers. */
function prepareBallot(size: number): Ballot {
  const random = seeded(size);
  const voters = committeeIds(size);
  const papers = new Map(voters.map((v) => [v, Object.fromEntries(SUBJECTS.filter((s) => s !== v).map((s) => [s, LEVELS[Math.floor(random() * LEVELS.length)]]))]));
  // Voter i sends at the i-th of V even steps over one second, voters in a shuffled order.
  const order = [...voters];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const offset = new Map(order.map((v, i) => [v, (i * SPREAD_MS) / size]));
  const schedules: Ballot['schedules'] = [];
  let at = 0;
  for (const n of shares(size, WORKERS)) {
    schedules.push(voters.slice(at, at + n).map((id) => ({ id, offsetMs: offset.get(id)!, paper: papers.get(id)! })));
    at += n;
  }
  return { voters, papers, schedules };
}

interface BurstOutcome {
  /** Send → acknowledgement, ms, per paper; Infinity for a paper whose acknowledgement never came. */
  latencies: number[];
  burstMs: number;
  cpuPct: number;
  rssMb: number;
  workerCpuPct: number;
  sendLagMs: number;
  /** Voters whose paper was acknowledged as counted. */
  acked: Set<string>;
  /** Voters whose connection closed before the acknowledgement, with why (see bench/workers/voters.ts). */
  lost: string[];
}

/** All papers from all workers, timed; the server's CPU and RSS over exactly the burst. */
async function runBurst(workers: Worker[], serverPid: number, kind: 'ours' | 'bare', meetingId: string, ballot: Ballot): Promise<BurstOutcome> {
  const startAt = wallMs() + LEAD_MS;
  // The workers' own guard (every paper acknowledged within 5 minutes) fires first.
  const bursts = workers.map((w, i) => w.request<BurstResult>('burst', { kind, meetingId, ballotId: BALLOT, startAt, schedule: ballot.schedules[i] }, 360_000));
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - wallMs())));
  const usage = watchUsage([serverPid]);
  const clients = watchUsage(workers.map((w) => w.pid));
  const results = await Promise.all(bursts);
  const { cpuPct, rssMb } = usage.stop();
  const { cpuPct: workerCpuPct } = clients.stop();
  const refused = results.flatMap((r) => r.refused);
  if (refused.length) throw new Error(`${refused.length} papers refused, e.g. ${refused.slice(0, 5).join(', ')}`);
  const acked = new Set<string>();
  const latencies: number[] = [];
  results.forEach((r, w) =>
    r.latencies.forEach((ms, i) => {
      if (Number.isFinite(ms)) acked.add(ballot.schedules[w][i].id);
      latencies.push(Number.isFinite(ms) ? ms : Infinity);
    }),
  );
  const lost = results.flatMap((r) => r.lost);
  if (acked.size + lost.length !== ballot.voters.length) throw new Error(`${ballot.voters.length - acked.size - lost.length} papers neither acknowledged nor lost`);
  const acks = results.map((r) => r.lastAck).filter((t) => t > 0);
  return {
    latencies,
    cpuPct,
    rssMb,
    workerCpuPct,
    acked,
    lost,
    burstMs: (acks.length ? Math.max(...acks) : Number.NaN) - Math.min(...results.map((r) => r.firstSend)),
    sendLagMs: results.reduce((s, r) => s + r.meanSendLagMs, 0) / results.length,
  };
}

/** "ping timeout × 495" */
function reasons(lost: string[]): string {
  const by = new Map<string, number>();
  for (const l of lost) {
    const why = l.slice(l.indexOf(': ') + 2);
    by.set(why, (by.get(why) ?? 0) + 1);
  }
  return [...by].map(([why, n]) => `${why} × ${n}`).join(', ');
}

function measurement(caseName: string, system: string, role: Measurement['role'], b: BurstOutcome, counted: number, commits: number, note: string): Measurement {
  const s = summarize(b.latencies);
  const lost = b.lost.length
    ? `; ${b.lost.length} of ${b.latencies.length} voters never got their acknowledgement (connection closed: ${reasons(b.lost)}), counted as infinitely late`
    : '';
  return {
    scenario: 'ballots',
    case: caseName,
    system,
    role,
    values: { p50Ms: s.p50, p95Ms: s.p95, p99Ms: s.p99, maxMs: s.max, burstMs: b.burstMs, cpuPct: b.cpuPct, rssMb: b.rssMb, counted, commits, unacked: b.lost.length },
    note: `${note}; voter workers ${b.workerCpuPct.toFixed(0)} % CPU, sends ${Math.max(0, b.sendLagMs).toFixed(1)} ms late on average${lost}`,
  };
}

/**
 * Throws unless the counts are exactly the papers of `voters`, once each, and `voters` holds every
 * acknowledged voter and nobody who did not send a paper.
 */
function checkCounts(system: string, counts: Record<string, number>, voters: string[], ballot: Ballot, burst: BurstOutcome): void {
  const once = new Set(voters);
  if (once.size !== voters.length) throw new Error(`${system}: a voter is listed twice among those who voted`);
  const missing = [...burst.acked].filter((v) => !once.has(v));
  if (missing.length) throw new Error(`${system}: ${missing.length} acknowledged papers are not counted, e.g. ${missing.slice(0, 5).join(', ')}`);
  const sent = new Set(ballot.voters);
  const strangers = voters.filter((v) => !sent.has(v));
  if (strangers.length) throw new Error(`${system}: counted voters who sent nothing: ${strangers.slice(0, 5).join(', ')}`);
  const expected: Record<string, number> = {};
  for (const v of voters) for (const [row, answer] of Object.entries(ballot.papers.get(v)!)) expected[`${row}/${answer}`] = (expected[`${row}/${answer}`] ?? 0) + 1;
  const keys = new Set([...Object.keys(counts), ...Object.keys(expected)]);
  const wrong = [...keys].filter((k) => (counts[k] ?? 0) !== (expected[k] ?? 0));
  if (wrong.length)
    throw new Error(
      `${system} miscounted: ${wrong
        .slice(0, 5)
        .map((k) => `${k} ${counts[k] ?? 0} instead of ${expected[k] ?? 0}`)
        .join(', ')}`,
    );
}

function connectSocket(url: string, auth: Record<string, string>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // Right after a burst our server may still be writing out its backlog for a while.
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 120_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}

function ask<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 30_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** Stops a process with SIGTERM, and with SIGKILL if it has not gone after `graceMs`. */
async function stopProcess(stop: () => Promise<unknown>, kill: () => Promise<unknown>, graceMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => {
    timer = setTimeout(() => r('late'), graceMs);
  });
  if ((await Promise.race([stop(), late])) === 'late') await kill();
  clearTimeout(timer);
}

/** The Redis prefix and environment one system's process runs with. */
function storeEnv(store: StoreKind, extra: Record<string, string> = {}): { prefix: string; env: Record<string, string> } {
  const prefix = `bench-ballots-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
  return { prefix, env: store === 'Redis' ? { REDIS_URL, REDIS_PREFIX: prefix, ...extra } : extra };
}

/**
 * Creates the committee's meeting as an organiser would: through the admin API, or, for a
 * definition over the API's 64 KB body limit (a committee of about 600 or more), with the
 * organiser's tool `npm run meeting -- create` on the same store beside the running server.
 */
/**
 * The committee of `size` voters, with a quorum of one member, so that the chair's check-in lets the
 * ballot open without a thousand attendance commands first (the ballot itself is for all members).
 * Papers carry no PIN: the bench measures counting; a PIN's check costs one scrypt (about 65 ms of
 * one thread) for a voter's first paper, see docs/BALLOTS.md, "Voting PIN".
 */
function benchDefinition(size: number): MeetingDefinition {
  return committeeDefinition(size, { quorum: [1, size] });
}

async function createMeeting(server: ServerProcess, env: Record<string, string>, definition: MeetingDefinition): Promise<CreatedMeeting> {
  if (Buffer.byteLength(JSON.stringify(definition)) <= MAX_PAYLOAD_BYTES) return createMeetingOver(server.url, server.adminToken, definition);
  const file = join(server.dataDir, 'bench-definition.json');
  writeFileSync(file, JSON.stringify(definition));
  const cli = spawn(CLI_COMMAND[0], [...CLI_COMMAND.slice(1), 'create', file, '--json', '--no-cards'], {
    env: { ...process.env, DATA_DIR: server.dataDir, PUBLIC_URL: server.url, PORT: String(server.port), LOG_LEVEL: 'warn', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  cli.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  cli.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run meeting -- create failed (${code}): ${out}${err}`);
  return JSON.parse(out) as CreatedMeeting;
}

const tokenOf = (meeting: CreatedMeeting, id: string) => {
  const link = meeting.links.find((l) => l.participantId === id);
  if (!link) throw new Error(`no participant ${id}`);
  return link.url.slice(link.url.lastIndexOf('/') + 1);
};

interface Ours {
  server: ServerProcess;
  meeting: CreatedMeeting;
  prefix: string;
  store: StoreKind;
}

/** Our server in its own process (fresh data directory and Redis prefix), with the committee's meeting created. */
async function startOurs(size: number, store: StoreKind, say: RunOptions['say']): Promise<Ours> {
  const attempt = async (): Promise<Ours> => {
    const { prefix, env } = storeEnv(store);
    const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-ballots-'));
    let server: ServerProcess;
    try {
      // As in bench/workers/fleet.ts: BENCH_SERVER_NODE_OPTIONS reaches our server only, for profiling.
      const profile: Record<string, string> = process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {};
      server = await spawnServer({ dataDir, env: { ...env, ...profile } });
    } catch (e) {
      removeDataDir(dataDir);
      if (store === 'Redis') await dropPrefix(prefix);
      throw e;
    }
    try {
      return { server, prefix, store, meeting: await createMeeting(server, env, benchDefinition(size)) };
    } catch (e) {
      await stopOurs({ server, prefix, store } as Ours);
      throw e;
    }
  };
  try {
    return await attempt();
  } catch (e) {
    // spawnServer gives up after 30 s, which a start-up on a busy shared machine can exceed.
    say(`ours (${store}) did not start; once more: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    return attempt();
  }
}

async function stopOurs(ours: Ours): Promise<void> {
  await stopProcess(
    () => ours.server.terminate(),
    () => ours.server.kill9(),
  );
  removeDataDir(ours.server.dataDir);
  if (ours.store === 'Redis') await dropPrefix(ours.prefix);
}

async function measureOurs(workers: Worker[], size: number, ours: Ours, ballot: Ballot, say: RunOptions['say']): Promise<Measurement> {
  const { server, meeting, store } = ours;
  const system = `ours (${store})`;
  const chairs: Socket[] = [];
  /** The chair's connection; a new one after the burst, since the first may have timed out meanwhile. */
  const chair = async () => {
    chairs.push(await connectSocket(server.url, { token: tokenOf(meeting, 'u00') }));
    const socket = chairs.at(-1)!;
    return {
      command: async (c: Record<string, unknown>) => {
        const ack = await ask<{ ok: boolean; error?: { code: string; message: string } }>(socket, 'command', { meetingId: meeting.meetingId, command: c }, 120_000);
        if (!ack.ok) throw new Error(`${String(c.type)} refused: ${ack.error?.code}: ${ack.error?.message}`);
      },
      snapshot: async () => {
        const ack = await ask<{ ok: boolean; snapshot?: Snapshot }>(socket, 'sync', {}, 120_000);
        if (!ack.ok || !ack.snapshot) throw new Error(`sync refused: ${JSON.stringify(ack)}`);
        return ack.snapshot;
      },
    };
  };
  try {
    const t0 = Date.now();
    const before = await chair();
    await Promise.all(
      workers.map((w, i) =>
        w.request(
          'connect',
          {
            url: server.url,
            snapshot: true,
            voters: ballot.schedules[i].map((s) => ({ id: s.id, auth: { token: tokenOf(meeting, s.id) } })),
          },
          120_000,
        ),
      ),
    );
    // A ballot opens only while the meeting has its quorum: here the chair alone (see benchDefinition).
    await before.command({ type: 'attendance.checkIn' });
    await before.command({
      type: 'ballot.create',
      ballot: { id: BALLOT, kind: 'rating', title: 'Phiếu đánh giá, xếp loại (bench)', subjects: SUBJECTS, eligibility: 'all-members', closeWhenAllVoted: false },
    });
    await before.command({ type: 'ballot.open', ballotId: BALLOT });
    const opened = (await before.snapshot()).version;
    const t1 = Date.now();

    const burst = await runBurst(workers, server.child.pid!, 'ours', meeting.meetingId, ballot);
    const t2 = Date.now();
    const after = await chair();
    // Papers that arrived together share a version: how many commits (and broadcasts) the burst took.
    const commits = (await after.snapshot()).version - opened;
    await after.command({ type: 'ballot.close', ballotId: BALLOT });
    await after.command({ type: 'ballot.publish', ballotId: BALLOT });
    const published = (await after.snapshot()).state.ballots.find((b) => b.id === BALLOT);
    const results = published?.results;
    if (!published || !results) throw new Error(`${system}: the ballot has no results after publishing`);
    const counts: Record<string, number> = {};
    for (const row of results.subjects) for (const [option, n] of Object.entries(row.counts)) counts[`${row.subject}/${option}`] = n;
    checkCounts(system, counts, published.voted, ballot, burst);
    if (results.turnout !== published.voted.length || results.eligible !== size)
      throw new Error(`${system}: turnout ${results.turnout} of ${results.eligible}, ${published.voted.length} of ${size} voted`);
    const s = summarize(burst.latencies);
    say(
      `V=${size} ${system}: p99 ${s.p99.toFixed(0)} ms; ${results.turnout} of ${size} papers counted, each once` +
        `${burst.lost.length ? `; ${burst.lost.length} acknowledgements LOST (${reasons(burst.lost)})` : ''}` +
        ` in ${commits} commits (connect ${secs(t1 - t0)}, burst ${secs(t2 - t1)}, publish ${secs(Date.now() - t2)})`,
    );
    return measurement(
      `V=${size} ${store}`,
      system,
      'ours',
      burst,
      results.turnout,
      commits,
      "server/main.ts; papers waiting in the meeting's line together: rules for each, one store commit of state + events + has-voted + tally" +
        `${store === 'SQLite' ? ' + WAL truncation' : ''}, one broadcast of their ballot.voted events to all ${size + 1} connections`,
    );
  } catch (e) {
    say(`${system} server output:\n${server.output().slice(-2000)}`);
    throw e;
  } finally {
    for (const c of chairs) c.disconnect();
    await Promise.all(workers.map((w) => w.request('close').catch(() => undefined)));
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Baseline {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

async function spawnBaseline(env: Record<string, string>): Promise<Baseline> {
  const script = new URL('../baselines/vote-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const until = Date.now() + 60_000;
  let port: string | undefined;
  while (!(port = /vote-server listening on port (\d+)/.exec(out)?.[1])) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > until) {
      await kill();
      throw new Error(`the baseline vote server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => out,
    stop: () =>
      stopProcess(async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      }, kill),
  };
}

/** Ours' turnout interval (server/realtime/room.ts), which the reference baseline copies. */
const TURNOUT_MS = 200;

async function startBaseline(store: StoreKind, turnout = false): Promise<Baseline & { prefix: string; dataDir: string; store: StoreKind; turnout: boolean }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-votes-'));
  const extra = { ...(store === 'Redis' ? { STORE: 'redis' } : { STORE: 'sqlite', DATA_DIR: dataDir }), ...(turnout ? { TURNOUT_MS: String(TURNOUT_MS) } : {}) };
  const { prefix, env } = storeEnv(store, extra);
  try {
    return { ...(await spawnBaseline(env)), prefix, dataDir, store, turnout };
  } catch (e) {
    removeDataDir(dataDir);
    throw e;
  }
}

type StartedBaseline = Awaited<ReturnType<typeof startBaseline>>;
type Started = StartedBaseline | Ours;

async function stopBaseline(b: StartedBaseline): Promise<void> {
  await b.stop();
  removeDataDir(b.dataDir);
  if (b.store === 'Redis') await dropPrefix(b.prefix);
}

async function measureBaseline(workers: Worker[], size: number, server: StartedBaseline, ballot: Ballot, say: RunOptions['say']): Promise<Measurement> {
  const { store, turnout } = server;
  const system = `bare Socket.IO + ${store}${turnout ? ' + turnout' : ''}`;
  let teller: Socket | undefined;
  try {
    const t0 = Date.now();
    await Promise.all(
      workers.map((w, i) =>
        w.request(
          'connect',
          {
            url: server.url,
            snapshot: false,
            voters: ballot.schedules[i].map((s) => ({ id: s.id, auth: { voter: s.id } })),
          },
          120_000,
        ),
      ),
    );
    const t1 = Date.now();
    const burst = await runBurst(workers, server.pid, 'bare', '', ballot);
    teller = await connectSocket(server.url, { voter: 'teller' });
    const tally = await ask<{ voters: string[]; counts: Record<string, number> }>(teller, 'tally', { ballotId: BALLOT });
    checkCounts(system, tally.counts, tally.voters, ballot, burst);
    const s = summarize(burst.latencies);
    say(
      `V=${size} ${system}: p99 ${s.p99.toFixed(0)} ms; ${tally.voters.length} of ${size} papers counted, each once` +
        `${burst.lost.length ? `; ${burst.lost.length} acknowledgements LOST (${reasons(burst.lost)})` : ''} (connect ${secs(t1 - t0)}, burst ${secs(Date.now() - t1)})`,
    );
    return measurement(
      `V=${size} ${store}`,
      system,
      turnout ? 'reference' : 'baseline',
      burst,
      tally.voters.length,
      tally.voters.length,
      `bench/baselines/vote-server.ts; each paper: ${store === 'SQLite' ? 'one transaction (WAL, synchronous FULL): INSERT has-voted + UPSERT counts' : 'one script: SADD has-voted + HINCRBY counts'}, ack, ` +
        (turnout ? `then the voter ids to every connection at most every ${TURNOUT_MS} ms` : 'no broadcast'),
    );
  } catch (e) {
    say(`${system} output:\n${server.output().slice(-2000)}`);
    throw e;
  } finally {
    teller?.disconnect();
    await Promise.all(workers.map((w) => w.request('close').catch(() => undefined)));
  }
}

/** Runs the tasks, at most `limit` at a time, and settles each like Promise.allSettled. */
async function settleAtMost<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const out: PromiseSettledResult<T>[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      try {
        out[i] = { status: 'fulfilled', value: await tasks[i]() };
      } catch (reason) {
        out[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return out;
}

const scenario: Scenario = {
  name: 'ballots',
  title:
    'Ballots: V voters hand in a whole rating paper (3 subjects, official 4-level scale) within one second; each counted exactly once; send → ack latency; SQLite and Redis stores',
  headline: 'p99Ms',
  async run({ quick, say }) {
    // BENCH_V=1000 and BENCH_STORES=Redis narrow a run down while profiling.
    const sizes = process.env.BENCH_V ? process.env.BENCH_V.split(',').map(Number) : quick ? [100] : [100, 1000];
    const stores: StoreKind[] = ['SQLite'];
    // redisAvailable throws where REQUIRE_REDIS=1 rather than let the Redis cases go missing.
    if (await redisAvailable()) stores.push('Redis');
    else say(`no Redis at ${REDIS_URL}: the Redis cases are skipped`);
    const only = process.env.BENCH_STORES?.split(',');
    if (only) stores.splice(0, stores.length, ...stores.filter((s) => only.includes(s)));

    const script = new URL('../workers/voters.ts', import.meta.url);
    const workers = Array.from({ length: WORKERS }, () => forkWorker(script));
    const rows: Measurement[] = [];
    try {
      for (const size of sizes) {
        const ballot = prepareBallot(size);
        // Every system of this size starts (and ours' meeting is created) before any is measured, so
        // no burst shares the machine with another's start-up; each is stopped right after its burst.
        // Two start at a time: start-up is CPU-bound, and more at once only slows each down.
        const started = await settleAtMost<Started>(
          2,
          stores.flatMap((store) => [() => startBaseline(store), () => startBaseline(store, true), () => startOurs(size, store, say)]),
        );
        const running = new Set(started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
        const stop = async (system: Started) => {
          if (!running.delete(system)) return;
          await ('meeting' in system ? stopOurs(system) : stopBaseline(system));
        };
        try {
          for (const r of started) if (r.status === 'rejected') throw r.reason;
          for (const system of started.map((r) => (r as PromiseFulfilledResult<Started>).value)) {
            rows.push(await ('meeting' in system ? measureOurs(workers, size, system, ballot, say) : measureBaseline(workers, size, system, ballot, say)));
            await stop(system);
          }
        } finally {
          await Promise.all([...running].map(stop));
        }
      }
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    return rows;
  },
};

export default scenario;
