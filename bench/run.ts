/**
 * `npm run bench` runs every scenario with its baseline in one run and writes
 * bench/results/latest.{md,json} (plus a dated copy). `-- --quick` is the smoke run (< 2 min);
 * `-- --only fanout,notes` runs some scenarios.
 */
import { cpus, freemem, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildServer, ROOT, serverIsStale } from '../scripts/build.mjs';
import { compare, markdown, type Comparison } from './lib/report.js';
import type { Measurement, Scenario } from './lib/scenario.js';

const ALL = ['fanout', 'notes', 'ballots', 'reconnect', 'client', 'hostile', 'storage', 'documents'] as const;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : [...ALL];
for (const name of only) if (!(ALL as readonly string[]).includes(name)) throw new Error(`no scenario ${name}; there are ${ALL.join(', ')}`);

const started = Date.now();
const say = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

// Our server runs compiled, as `npm start` runs it (tests/helpers/process.ts): build it first if it
// is older than its sources. The benchmark's own baselines and client workers stay on tsx (dev only).
if (serverIsStale(ROOT)) {
  say('compiling the server (tsc -p tsconfig.server.json)');
  if (buildServer(ROOT) !== 0) throw new Error('the server build failed');
}

const scenarios: Scenario[] = [];
const rows: Measurement[] = [];
const comparisons: Comparison[] = [];
const failures: string[] = [];
for (const name of only) {
  const scenario = ((await import(`./scenarios/${name}.js`)) as { default: Scenario }).default;
  scenarios.push(scenario);
  say(`${name}: ${scenario.title}`);
  try {
    const mine = await scenario.run({ quick, say: (l) => say(`  ${name}: ${l}`) });
    rows.push(...mine);
    comparisons.push(...compare(scenario, mine));
  } catch (e) {
    // One broken scenario must not hide the others' figures; the run still fails at the end.
    failures.push(`${name}: ${e instanceof Error ? e.stack : String(e)}`);
    say(`${name} FAILED: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const meta = {
  date: new Date().toISOString(),
  mode: quick ? 'quick (smoke run: smaller loads)' : 'full',
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free at start)`,
  node: process.version,
  duration: `${((Date.now() - started) / 1000).toFixed(0)} s`,
};
const md = markdown(meta, scenarios, rows, comparisons);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const stamp = meta.date.replace(/[:.]/g, '-');
const json = JSON.stringify({ meta, rows, comparisons, failures }, null, 2);
for (const base of ['latest', `${stamp}${quick ? '-quick' : ''}`]) {
  writeFileSync(new URL(`${base}.md`, dir), md);
  writeFileSync(new URL(`${base}.json`, dir), json);
}
process.stdout.write(`\n${md}\nWritten to bench/results/latest.md and latest.json\n`);
if (failures.length) {
  process.stderr.write(`\n${failures.length} scenario(s) failed:\n${failures.join('\n\n')}\n`);
  process.exit(1);
}
process.exit(0);
