/**
 * Documents: a room of tablets each downloading the meeting's document set as the offline copy does
 * when they join (docs/DOCUMENTS.md): N clients at once, each fetching every document of a 20 MB set
 * (4 PDFs of 5 MB) in turn, whole, from one instance of our server (compiled, its own process, SQLite
 * and the disk file store) through the documents' route with a member's link (authentication, the
 * meeting's state, the visibility rule, ETag and the sandbox headers on every file), beside the same
 * four files from bare `express.static` (bench/baselines/static-server.ts, its own process). The
 * clients run in this process, separate from both servers.
 *
 * The two take turns, round by round (the order alternating), so load from elsewhere on the shared
 * machine falls on both alike; each system's figures are those of its round of median time. Reported: the time until
 * the last tablet has the whole set (`allMs`, the headline), each tablet's time (p50, p95), the
 * throughput over all of them (MB/s), the server's CPU seconds and peak RSS during a round.
 * Full run: 60 tablets, 3 rounds; quick: 15 tablets, 2 rounds.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingDocument } from '../../shared/documents/types.js';
import { documentFilePath, documentsPath } from '../../shared/documents/urls.js';
import { pdfBytes } from '../../tests/documents/files.js';
import { demoTokens, spawnServer } from '../../tests/helpers/process.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { summarize } from '../lib/stats.js';
import { watchUsage } from '../lib/usage.js';

const FILES = 4;
const FILE_BYTES = 5 * 1024 * 1024;

/** A real PDF padded to `bytes` with a comment stream, its end marker last (as the content check wants). */
async function paddedPdf(n: number): Promise<Buffer> {
  const pdf = await pdfBytes(`Tài liệu hội nghị số ${n}`);
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([pdf, Buffer.alloc(FILE_BYTES - pdf.length - tail.length, 0x25), tail]);
}

/** Reads a response to its end, keeping nothing but the count. */
async function drain(res: Response): Promise<number> {
  const reader = res.body!.getReader();
  let n = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) n += r.value.byteLength;
  return n;
}

/** Requests retried: a kept-alive connection the server closed as it was reused (as browsers retry an idempotent GET). */
let retried = 0;

async function get(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch (e) {
    if (!/other side closed|ECONNRESET/.test(String((e as { cause?: unknown }).cause))) throw e;
    retried++;
    return fetch(url, { headers });
  }
}

/** N tablets at once, each fetching every URL in turn; the time of each, and of all. */
async function room(n: number, urls: string[], headersOf: (i: number) => Record<string, string>, pid?: number): Promise<Measurement['values']> {
  const usage = pid === undefined ? null : watchUsage([pid]);
  retried = 0;
  const started = performance.now();
  const times = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t = performance.now();
      for (const url of urls) {
        const res = await get(url, headersOf(i));
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
        if ((await drain(res)) !== FILE_BYTES) throw new Error(`${url}: short body`);
      }
      return performance.now() - t;
    }),
  );
  const allMs = performance.now() - started;
  const s = summarize(times);
  const used = usage?.stop();
  // CPU seconds spent by the server over the round: what the bytes cost it, whatever the wall time.
  const cpu: Record<string, number> = used ? { serverCpuS: (used.cpuPct / 100) * (allMs / 1000), rssMb: used.rssMb } : {};
  return { allMs, p50Ms: s.p50, p95Ms: s.p95, throughputMbPerS: (n * FILES * FILE_BYTES) / 2 ** 20 / (allMs / 1000), retried, ...cpu };
}

/** The round of median time (the lower of two middles), whole, so its figures belong together. */
function medianRound(rounds: Measurement['values'][]): Measurement['values'] {
  return [...rounds].sort((a, b) => a.allMs - b.allMs)[Math.floor((rounds.length - 1) / 2)];
}

async function startStatic(dir: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const script = new URL('../baselines/static-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, DIR: dir, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the static server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const scenario: Scenario = {
  name: 'documents',
  title: `Tablets each downloading a meeting's ${(FILES * FILE_BYTES) / 2 ** 20} MB document set (${FILES} PDFs) at once from one instance, through the authenticated documents route, beside bare express.static`,
  headline: 'allMs',
  async run({ quick, say }) {
    const n = quick ? 15 : 60;
    const rounds = quick ? 2 : 3;
    const dir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-docs-'));
    mkdirSync(join(dir, 'static'));
    const files = await Promise.all(Array.from({ length: FILES }, (_, i) => paddedPdf(i + 1)));
    files.forEach((f, i) => writeFileSync(join(dir, 'static', `doc-${i + 1}.pdf`), f));
    const server = await spawnServer({ dataDir: join(dir, 'data'), env: { LOG_LEVEL: 'error' } });
    const bare = await startStatic(join(dir, 'static'));
    try {
      const demo = demoTokens(server.dataDir);
      const ids: string[] = [];
      for (const [i, f] of files.entries()) {
        const res = await fetch(`${server.url}${documentsPath(demo.meetingId)}?title=${encodeURIComponent(`Tài liệu ${i + 1}`)}&visibility=participants`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.adminToken}` },
          body: new Uint8Array(f),
        });
        if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
        ids.push(((await res.json()) as { document: MeetingDocument }).document.id);
      }
      // Every member's own link, as each tablet would have; more tablets than members share them.
      const saved = readFileSync(join(server.dataDir, 'demo-links.json'), 'utf8');
      const members = (JSON.parse(saved) as { links: { participantId: string; role: string }[] }).links
        .filter((l) => l.role === 'member')
        .map((l) => demo.tokenOf(l.participantId));
      const ourUrls = ids.map((id) => `${server.url}${documentFilePath(demo.meetingId, id)}`);
      const staticUrls = files.map((_, i) => `${bare.url}/files/doc-${i + 1}.pdf`);
      // One warm-up tablet each, so neither side is measured opening its first file.
      await room(1, ourUrls, () => ({ authorization: `Bearer ${members[0]}` }));
      await room(1, staticUrls, () => ({}));
      const ours: Measurement['values'][] = [];
      const baseline: Measurement['values'][] = [];
      const runOurs = async () => ours.push(await room(n, ourUrls, (i) => ({ authorization: `Bearer ${members[i % members.length]}` }), server.child.pid));
      const runStatic = async () => baseline.push(await room(n, staticUrls, () => ({}), bare.pid));
      for (let r = 0; r < rounds; r++) {
        if (r % 2 === 0) await runOurs().then(runStatic);
        else await runStatic().then(runOurs);
        const [a, b] = [ours[r], baseline[r]];
        say(
          `round ${r + 1}/${rounds}, ${n} tablets × ${FILES} × ${FILE_BYTES / 2 ** 20} MB: ours ${(a.allMs / 1000).toFixed(1)} s (${a.throughputMbPerS.toFixed(0)} MB/s), express.static ${(b.allMs / 1000).toFixed(1)} s (${b.throughputMbPerS.toFixed(0)} MB/s)`,
        );
      }
      const kase = `N=${n} tablets × ${(FILES * FILE_BYTES) / 2 ** 20} MB`;
      return [
        {
          scenario: 'documents',
          case: kase,
          system: 'ours (documents route, disk store)',
          role: 'ours',
          values: medianRound(ours),
          note: 'a member link per tablet, visibility checked per file',
        },
        { scenario: 'documents', case: kase, system: 'bare express.static', role: 'baseline', values: medianRound(baseline), note: 'no auth, no meeting' },
      ];
    } finally {
      await bare.stop();
      await server.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default scenario;
