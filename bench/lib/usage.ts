import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times: 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;
const PAGE_KB = 4;

interface Reading {
  at: number;
  cpuTicks: number;
}

function read(pid: number): Reading {
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { at: performance.now(), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

function rssMb(pid: number): number {
  const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
  return (Number(statm[1]) * PAGE_KB) / 1024;
}

/** CPU and memory of some processes over a window: `stop()` gives CPU % (100 = one core) and peak RSS. */
export interface UsageWindow {
  stop(): { cpuPct: number; rssMb: number };
}

/**
 * Samples RSS every 100 ms (its peak is what a machine must have) and CPU time at both ends of
 * the window. Several pids are summed: two server instances count as one service.
 */
export function watchUsage(pids: number[]): UsageWindow {
  const start = pids.map(read);
  let peak = 0;
  const sample = () => {
    let total = 0;
    for (const pid of pids) {
      try {
        total += rssMb(pid);
      } catch {
        /* exited */
      }
    }
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      let ticks = 0;
      let elapsed = 0;
      pids.forEach((pid, i) => {
        try {
          const end = read(pid);
          ticks += end.cpuTicks - start[i].cpuTicks;
          elapsed = Math.max(elapsed, end.at - start[i].at);
        } catch {
          /* exited */
        }
      });
      const cpuPct = elapsed > 0 ? (ticks / TICKS_PER_SECOND / (elapsed / 1000)) * 100 : 0;
      return { cpuPct, rssMb: peak };
    },
  };
}
