/**
 * Fan-out: one chair, 20 members and N observers; the chair posts an announcement and every client's
 * receipt of the batch is timed from the moment the chair emitted the command (clocks of one
 * machine, `wallMs()`). Rounds run one at a time: the next command is sent once every client holds
 * the previous one, so each latency is one broadcast's, not a queue's.
 *
 * Systems, each as a process of its own, with the clients in 3 worker processes:
 * - ours on SQLite (`npm start`), and two instances on one Redis prefix (clients alternate between
 *   them, the chair is on the first: half the clients get the batch through the Redis stream);
 * - the baseline, a bare Socket.IO server that acks the chair's `command` and `io.emit()`s a batch
 *   of the same shape and size (bench/baselines/socketio-server.ts);
 * - the floor, a raw `ws` server relaying the chair's message to every connection
 *   (bench/baselines/ws-server.ts).
 *
 * Every system is started once and serves every case. In a case, all systems have their clients
 * connected at once and take turns round by round, so they are measured under the same
 * background load (the machine is shared with other runs).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { summarize } from '../lib/stats.js';
import { watchUsage } from '../lib/usage.js';
import {
  connectChair,
  connectWsChair,
  oursOnRedisAvailable,
  startBareSocketIo,
  startFleet,
  startOurs,
  startRawWs,
  startSystems,
  MEMBERS,
  type Fleet,
  type Running,
  type System,
  type SystemDef,
} from '../workers/fleet.js';

const WORKERS = 3;
/** Rounds before the measured ones (JIT, first broadcast to freshly connected sockets), checked but not counted. */
const WARMUP = 3;
/** Pause after each round (before the next system's): a chair sends at most a few commands a second, well under its 20/s. */
const GAP_MS = 50;

interface Live extends Running {
  /** version → when the chair emitted it. */
  sent: Map<number, number>;
}

/** One round of one system: the chair's command, until every client holds it; CPU and RSS of the server meanwhile. */
async function round(live: Live, n: number, measured: boolean): Promise<void> {
  const usage = watchUsage(live.system.pids);
  const started = performance.now();
  const { version, sentAt } = await live.chair.change(n);
  await live.clients.waitFor(version);
  const { cpuPct, rssMb } = usage.stop();
  const elapsed = performance.now() - started;
  if (!measured) return;
  live.sent.set(version, sentAt);
  live.cpuMs += (cpuPct / 100) * elapsed;
  live.busyMs += elapsed;
  live.rssMb = Math.max(live.rssMb, rssMb);
}

async function result(live: Live, caseName: string, clients: number, rounds: number): Promise<Measurement> {
  const { def, sent } = live;
  const versions = [...sent.keys()].sort((a, b) => a - b);
  const from = versions[0];
  const to = versions[versions.length - 1];
  if (to - from + 1 !== rounds) throw new Error(`${def.system}: the chair's versions are not consecutive (${from}..${to} for ${rounds} rounds)`);
  const { times, disconnects } = await live.clients.arrivals(from, to);
  if (times.length !== clients) throw new Error(`${def.system}: ${times.length} clients reported, expected ${clients}`);
  const latencies: number[] = [];
  let missing = 0;
  for (const row of times) {
    row.forEach((at, i) => {
      if (at === null) missing += 1;
      else latencies.push(at - sent.get(from + i)!);
    });
  }
  if (missing > 0 || disconnects > 0) throw new Error(`${def.system}, ${caseName}: ${missing} receipts missing, ${disconnects} disconnects`);
  const s = summarize(latencies);
  const cpuPct = (100 * live.cpuMs) / live.busyMs;
  // CPU time per round is the work one broadcast costs; less at the mercy of other processes than latency.
  const cpuMsPerRound = live.cpuMs / rounds;
  return {
    scenario: 'fanout',
    case: caseName,
    system: def.system,
    role: def.role,
    values: { p50Ms: s.p50, p95Ms: s.p95, p99Ms: s.p99, maxMs: s.max, cpuPct, cpuMsPerRound, rssMb: live.rssMb, clients },
  };
}

/**
 * One case: every system gets its N clients (connected one system after another), then the
 * systems take turns, round by round, so a burst of load from elsewhere on the machine falls on
 * all of them alike rather than on whichever system was being measured at the time.
 */
async function runCase(defs: SystemDef[], systems: System[], observers: number, rounds: number, fleet: Fleet, say: (l: string) => void): Promise<Measurement[]> {
  const clients = MEMBERS + observers;
  const caseName = `N=${observers} observers`;
  const lives: Live[] = [];
  try {
    for (const [i, def] of defs.entries()) {
      const system = systems[i];
      const chair = def.kind === 'ws' ? await connectWsChair(system.chairUrl) : await connectChair(system.chairUrl, system.chairToken);
      const live: Live = { def, system, chair, clients: fleet.group(`${def.system} ${caseName}`), sent: new Map(), cpuMs: 0, busyMs: 0, rssMb: 0 };
      lives.push(live);
      const specs = system.tokens(observers).map((token, j) => ({ url: system.urlFor(j), token }));
      const t0 = Date.now();
      await live.clients.connect(def.kind, specs);
      say(`${caseName}, ${def.system}: ${clients} clients connected in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    // Let the presence broadcasts of the connections settle (ours batches them every 150 ms).
    await sleep(500);
    for (let r = 0; r < WARMUP + rounds; r++) {
      // Each round starts with another system, so none is always the one right after a pause.
      for (let k = 0; k < lives.length; k++) {
        await round(lives[(r + k) % lives.length], r - WARMUP + 1, r >= WARMUP);
        await sleep(GAP_MS);
      }
    }
    const rows: Measurement[] = [];
    for (const live of lives) {
      const row = await result(live, caseName, clients, rounds);
      const v = row.values;
      say(
        `${caseName}, ${live.def.system}: p50 ${v.p50Ms.toFixed(1)} ms, p99 ${v.p99Ms.toFixed(1)} ms, max ${v.maxMs.toFixed(1)} ms, CPU ${v.cpuMsPerRound.toFixed(1)} ms/round, RSS ${v.rssMb.toFixed(0)} MB`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    for (const live of lives) live.chair.close();
    await Promise.all(lives.map((live) => live.clients.disconnect().catch(() => undefined)));
    // The servers notice the clients leaving (ours: presence) before the next case.
    await sleep(500);
  }
}

const scenario: Scenario = {
  name: 'fanout',
  title: "Fan-out: one chair, 20 members and N observers; the chair's command timed from send to receipt at every client",
  headline: 'p99Ms',
  async run({ quick, say }) {
    // BENCH_N=2000 and BENCH_SYSTEMS=SQLite,bare narrow a run down while profiling.
    const cases = process.env.BENCH_N ? process.env.BENCH_N.split(',').map(Number) : quick ? [200] : [500, 1000, 2000];
    const rounds = quick ? 8 : 30;
    const redis = await oursOnRedisAvailable();
    if (!redis) say('no Redis at 127.0.0.1:6379: the two-instance system is left out');
    let defs: SystemDef[] = [
      { system: 'ours (SQLite)', role: 'ours', kind: 'socketio', start: () => startOurs(1) },
      ...(redis ? [{ system: 'ours (2 instances, Redis)', role: 'ours' as const, kind: 'socketio' as const, start: () => startOurs(2) }] : []),
      { system: 'bare Socket.IO', role: 'baseline', kind: 'socketio', start: startBareSocketIo },
      { system: 'raw ws', role: 'floor', kind: 'ws', start: startRawWs },
    ];
    const only = process.env.BENCH_SYSTEMS?.split(',');
    if (only) defs = defs.filter((d) => only.some((o) => d.system.includes(o)));

    const fleet = startFleet(WORKERS);
    const rows: Measurement[] = [];
    try {
      const systems = await startSystems(defs);
      try {
        say(`started ${defs.map((d) => d.system).join(', ')}`);
        for (const observers of cases) rows.push(...(await runCase(defs, systems, observers, rounds, fleet, say)));
      } finally {
        await Promise.all(systems.map((s) => s.stop()));
      }
    } finally {
      await fleet.stop();
    }
    if (rows[0])
      rows[0].note = `${rounds} rounds after ${WARMUP} warm-up rounds, one at a time, the systems taking turns; every client's receipt of every round; clients in ${WORKERS} worker processes; CPU during the system's own rounds (cpuPct: 100 = one core; cpuMsPerRound: CPU time per broadcast) and peak RSS of the server process(es)`;
    return rows;
  },
};

export default scenario;
