import { fork, type ChildProcess } from 'node:child_process';

/**
 * Client load runs in worker processes, never in the process being measured nor in the harness,
 * so the server's CPU figure is its own and thousands of clients use both cores.
 * Protocol: the parent sends `{ id, type, ...args }`, the worker answers `{ id, ok, result | error }`.
 */
export interface Worker {
  pid: number;
  request<T = unknown>(type: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export function forkWorker(script: string | URL, env: Record<string, string> = {}): Worker {
  const child: ChildProcess = fork(script instanceof URL ? script.pathname : script, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 1;
  const waiting = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  child.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.ok(m.result);
    else w.fail(new Error(m.error));
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      for (const w of waiting.values()) w.fail(new Error('bench worker exited'));
      waiting.clear();
      resolve();
    }),
  );
  return {
    pid: child.pid!,
    request: (type, args = {}, timeoutMs = 120_000) =>
      new Promise((ok, fail) => {
        const id = next++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          fail(new Error(`bench worker: ${type} timed out`));
        }, timeoutMs);
        waiting.set(id, {
          ok: (v) => {
            clearTimeout(timer);
            ok(v as never);
          },
          fail: (e) => {
            clearTimeout(timer);
            fail(e);
          },
        });
        child.send({ id, type, ...args });
      }),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The worker side: one handler per request type; a thrown error is answered, not fatal. */
export function serveRequests(handlers: Record<string, (args: Record<string, unknown>) => unknown>): void {
  const answer = async (m: { id: number; type: string } & Record<string, unknown>) => {
    const handler = handlers[m.type];
    try {
      if (!handler) throw new Error(`unknown request ${m.type}`);
      process.send!({ id: m.id, ok: true, result: await handler(m) });
    } catch (e) {
      process.send!({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  // Every outcome, a failure included, is sent back: the promise has nothing left to report.
  process.on('message', (m: Parameters<typeof answer>[0]) => void answer(m));
  process.on('disconnect', () => process.exit(0));
}

/** Splits `total` clients over `workers` processes as evenly as possible. */
export function shares(total: number, workers: number): number[] {
  return Array.from({ length: workers }, (_, i) => Math.floor(total / workers) + (i < total % workers ? 1 : 0));
}
