/**
 * Reconnect storm: N clients (20 members, the rest observers) lose their connections at the same
 * moment, as when the venue's Wi-Fi drops; while they are away the chair changes the state once.
 * Measured per client: from the drop to holding the chair's new version (from the snapshot the
 * server sends on reconnect), and the time until every client holds it.
 *
 * The drop is the clients' side: every socket's transport closes under it (in 3 worker
 * processes at once), and socket.io-client reconnects by itself with the browser client's
 * settings (1 s first delay randomised by ±50 %, at most 5 s). On every connect the clients do what
 * the browser client does: five clock round trips, and a member's check-in. The chair's own
 * connection stays up.
 *
 * Systems: ours on SQLite, ours as two instances on Redis (clients alternate between them, as
 * behind a proxy with sticky sessions), and the baseline, a bare Socket.IO server sending a
 * snapshot of the same meeting state on every connection. Each system has its clients connected
 * throughout; the storms take turns between systems, several rounds, so background load from
 * elsewhere on the machine falls on all of them alike.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { summarize } from '../lib/stats.js';
import { watchUsage } from '../lib/usage.js';
import { connectChair, oursOnRedisAvailable, startBareSocketIo, startFleet, startOurs, startSystems, MEMBERS, type Running, type SystemDef } from '../workers/fleet.js';

const WORKERS = 3;
/** After a storm: reconnections' presence updates and check-ins settle before the next system's storm. */
const SETTLE_MS = 750;

interface Live extends Running {
  /** Per client per storm: from its worker's drop to holding the new version. */
  recovery: number[];
  /** Per client per storm: from its successful reconnect attempt's start to holding the new version. */
  afterAttempt: number[];
  /** Per storm: from the first drop to the last client holding the new version. */
  all: number[];
}

async function storm(live: Live, n: number): Promise<void> {
  const usage = watchUsage(live.system.pids);
  const started = performance.now();
  await live.clients.drop();
  // The chair changes the state while every client is away (the first reconnects after 500 ms).
  const { version } = await live.chair.change(n);
  await live.clients.waitFor(version, 60_000);
  const { cpuPct, rssMb } = usage.stop();
  const elapsed = performance.now() - started;
  live.cpuMs += (cpuPct / 100) * elapsed;
  live.busyMs += elapsed;
  live.rssMb = Math.max(live.rssMb, rssMb);

  const workers = await live.clients.recovered(version);
  const firstDrop = Math.min(...workers.map((w) => w.droppedAt));
  let last = 0;
  for (const w of workers) {
    w.at.forEach((at, i) => {
      const attempt = w.attemptAt[i];
      if (at === null || attempt === null) throw new Error(`${live.def.system}: a client holds version ${version} without having reconnected`);
      live.recovery.push(at - w.droppedAt);
      live.afterAttempt.push(at - attempt);
      last = Math.max(last, at);
    });
  }
  live.all.push(last - firstDrop);
}

const scenario: Scenario = {
  name: 'reconnect',
  title: 'Reconnect storm: N clients dropped at once and reconnecting by themselves; time until all hold the state the chair changed meanwhile',
  headline: 'allMs',
  async run({ quick, say }) {
    const observers = quick ? 180 : 980;
    const clients = MEMBERS + observers;
    const storms = quick ? 1 : 3;
    const redis = !quick && (await oursOnRedisAvailable());
    if (!quick && !redis) say('no Redis at 127.0.0.1:6379: the two-instance system is left out');
    const defs: SystemDef[] = [
      { system: 'ours (SQLite)', role: 'ours', kind: 'socketio', start: () => startOurs(1) },
      ...(redis ? [{ system: 'ours (2 instances, Redis)', role: 'ours' as const, kind: 'socketio' as const, start: () => startOurs(2) }] : []),
      { system: 'bare Socket.IO', role: 'baseline', kind: 'socketio', start: startBareSocketIo },
    ];
    const caseName = `N=${clients} clients`;
    const fleet = startFleet(WORKERS);
    const lives: Live[] = [];
    try {
      const systems = await startSystems(defs);
      try {
        for (const [i, def] of defs.entries()) {
          const system = systems[i];
          const chair = await connectChair(system.chairUrl, system.chairToken);
          const live: Live = { def, system, chair, clients: fleet.group(def.system), recovery: [], afterAttempt: [], all: [], cpuMs: 0, busyMs: 0, rssMb: 0 };
          lives.push(live);
          const t0 = Date.now();
          await live.clients.connect(
            'socketio',
            system.tokens(observers).map((token, j) => ({ url: system.urlFor(j), token })),
            true,
          );
          say(`${def.system}: ${clients} clients connected in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        }
        await sleep(SETTLE_MS);
        for (let s = 0; s < storms; s++) {
          for (let k = 0; k < lives.length; k++) {
            const live = lives[(s + k) % lives.length];
            await storm(live, s + 1);
            say(`storm ${s + 1}, ${live.def.system}: all ${clients} clients current after ${live.all.at(-1)!.toFixed(0)} ms`);
            await sleep(SETTLE_MS);
          }
        }
      } finally {
        for (const live of lives) live.chair.close();
        await Promise.all(lives.map((live) => live.clients.disconnect().catch(() => undefined)));
        await Promise.all(systems.map((s) => s.stop()));
      }
    } finally {
      await fleet.stop();
    }

    return lives
      .map((live, i): Measurement => {
        const r = summarize(live.recovery);
        const a = summarize(live.afterAttempt);
        return {
          scenario: 'reconnect',
          case: caseName,
          system: live.def.system,
          role: live.def.role,
          values: {
            p50Ms: r.p50,
            p95Ms: r.p95,
            p99Ms: r.p99,
            maxMs: r.max,
            // The median storm's; with one storm, that storm's.
            allMs: summarize(live.all).p50,
            attemptP99Ms: a.p99,
            cpuPct: (100 * live.cpuMs) / live.busyMs,
            // Server CPU time per storm: the work a storm costs, less at the mercy of other processes than the times.
            cpuMsPerStorm: live.cpuMs / storms,
            rssMb: live.rssMb,
            clients,
            storms,
          },
          note:
            i === 0
              ? `percentiles over every client of every storm, from its worker's drop to holding the new version; allMs: first drop to the last client current, median of ${storms} storm(s); attemptP99Ms: from the reconnect attempt that succeeded to holding the new version (the server's part, without the backoff); CPU (cpuPct: 100 = one core) and peak RSS of the server process(es) from the drop until all were current`
              : undefined,
        };
      })
      .map((m) => {
        if (m.note === undefined) delete m.note;
        return m;
      });
  },
};

export default scenario;
