/**
 * Hostile clients: 20 connections on the public observer link that stop reading (they keep the
 * connection alive with Engine.IO pongs and ask for a snapshot twice a second each, within the
 * link's budget) while the chair works, sending a command every 100 ms. Measured: the chair's
 * command latency (send to acknowledgement) and the server's peak RSS, beside the same run without
 * the attackers.
 *
 * The meeting is a large one (1500 participants, 150 agenda items: snapshots of about 250 KB,
 * tests/helpers/slowReaders.ts), so that the attackers would fill the kernel's socket buffers and
 * then the server's within seconds. Each run has a fresh server process of its own, so neither
 * inherits the other's heap. The attackers run in this process: paused sockets cost it nothing.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { removeDataDir, spawnServer, type ServerProcess } from '../../tests/helpers/process.js';
import { createLargeMeeting, holdSlowReaders } from '../../tests/helpers/slowReaders.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { summarize } from '../lib/stats.js';
import { watchUsage } from '../lib/usage.js';

const ATTACKERS = 20;
const COMMAND_GAP_MS = 100;
/** Commands before the measured ones (JIT, the first snapshots), not counted. */
const WARMUP = 30;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

function connectChair(url: string, token: string): Promise<{ socket: Socket; meetingId: string }> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('snapshot', (s: { meetingId: string }) => resolve({ socket, meetingId: s.meetingId }));
  });
}

async function run(attackers: number, seconds: number, say: (l: string) => void): Promise<Measurement['values']> {
  const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-hostile-'));
  let server: ServerProcess | null = null;
  try {
    const meeting = await createLargeMeeting(dataDir);
    server = await spawnServer({ dataDir }).catch(() => spawnServer({ dataDir }));
    const pid = server.child.pid!;
    const chair = await connectChair(server.url, meeting.chairToken);
    let round = 0;
    const command = async (): Promise<number> => {
      const started = performance.now();
      const text = `Thông báo số ${++round}: phiên họp tiếp tục sau 5 phút, đề nghị các đồng chí trở lại hội trường.`;
      const ack = (await chair.socket.timeout(30_000).emitWithAck('command', { meetingId: chair.meetingId, command: { type: 'announcement.post', text } })) as {
        ok: boolean;
        error?: { code: string };
      };
      if (!ack.ok) throw new Error(`the chair's command was refused: ${ack.error?.code}`);
      return performance.now() - started;
    };
    for (let i = 0; i < WARMUP; i++) await command();
    const idleMb = rssMb(pid);
    const slow = attackers > 0 ? holdSlowReaders(server.url, meeting.observerToken, { count: attackers, syncsPerSecond: 2 }) : null;
    const usage = watchUsage([pid]);
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    try {
      while (Date.now() < until) {
        latencies.push(await command());
        await sleep(COMMAND_GAP_MS);
      }
    } finally {
      slow?.stop();
    }
    const { cpuPct, rssMb: peakMb } = usage.stop();
    chair.socket.close();
    const s = summarize(latencies);
    say(
      `${attackers} attackers: ${s.n} commands, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms; RSS idle ${idleMb.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB` +
        (slow ? `; ${slow.opened()} attacker connections opened, ${slow.ended()} cut` : ''),
    );
    return {
      p50Ms: s.p50,
      p99Ms: s.p99,
      maxMs: s.max,
      commands: s.n,
      cpuPct,
      rssMb: peakMb,
      rssGrowthMb: peakMb - idleMb,
      ...(slow ? { attackerConnections: slow.opened(), cut: slow.ended() } : {}),
    };
  } finally {
    await server?.terminate().catch(() => server?.kill9());
    removeDataDir(dataDir);
  }
}

const scenario: Scenario = {
  name: 'hostile',
  title: `Hostile clients: ${ATTACKERS} never-reading connections on the public observer link while the chair sends a command every ${COMMAND_GAP_MS} ms; the chair's latency and the server's memory, beside a run without them`,
  headline: 'p99Ms',
  async run({ quick, say }) {
    const seconds = quick ? 15 : 60;
    const caseName = `chair's commands for ${seconds} s, 250 KB snapshots`;
    const quiet = await run(0, seconds, say);
    const attacked = await run(ATTACKERS, seconds, say);
    return [
      {
        scenario: 'hostile',
        case: caseName,
        system: 'ours (SQLite), no attackers',
        role: 'baseline',
        values: quiet,
        note: 'the same server without the attackers: the ratio is what they cost the chair',
      },
      {
        scenario: 'hostile',
        case: caseName,
        system: `ours (SQLite), ${ATTACKERS} never-reading observers`,
        role: 'ours',
        values: attacked,
        note: `rssMb is the server's peak RSS, rssGrowthMb its peak over its size just before the run; cut: attacker connections the server closed (they come back at once)`,
      },
    ];
  },
};

export default scenario;
