import type { Measurement, Scenario } from './scenario.js';

export interface Comparison {
  scenario: string;
  case: string;
  ours: string;
  baseline: string;
  metric: string;
  oursValue: number;
  baselineValue: number;
  ratio: number;
}

/**
 * ours/baseline on the scenario's headline metric, for every ours row of a case that has a baseline,
 * then ours/reference where the case has one too.
 */
export function compare(scenario: Scenario, rows: Measurement[]): Comparison[] {
  const out: Comparison[] = [];
  for (const ours of rows.filter((r) => r.role === 'ours')) {
    for (const base of ['baseline', 'reference'].map((role) => rows.find((r) => r.role === role && r.case === ours.case))) {
      const o = ours.values[scenario.headline];
      const b = base?.values[scenario.headline];
      if (!base || o === undefined || b === undefined) continue;
      out.push({
        scenario: scenario.name,
        case: ours.case,
        ours: ours.system,
        baseline: base.system,
        metric: scenario.headline,
        oursValue: o,
        baselineValue: b,
        ratio: b > 0 ? o / b : Number.NaN,
      });
    }
  }
  return out;
}

function fmt(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '–';
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** One table per scenario (systems as rows, metrics as columns), then every ratio. */
export function markdown(meta: Record<string, string>, scenarios: Scenario[], rows: Measurement[], comparisons: Comparison[]): string {
  const lines: string[] = ['# Phòng họp benchmark', ''];
  for (const [k, v] of Object.entries(meta)) lines.push(`- ${k}: ${v}`);
  lines.push('');
  for (const s of scenarios) {
    const mine = rows.filter((r) => r.scenario === s.name);
    if (mine.length === 0) continue;
    const metrics = [...new Set(mine.flatMap((r) => Object.keys(r.values)))];
    lines.push(`## ${s.name}: ${s.title}`, '');
    lines.push(`| case | system | role | ${metrics.join(' | ')} | ours/baseline (${s.headline}) |`);
    lines.push(`|${'---|'.repeat(metrics.length + 4)}`);
    for (const r of mine) {
      const c = comparisons.find((x) => x.scenario === s.name && x.case === r.case && x.ours === r.system);
      lines.push(`| ${r.case} | ${r.system} | ${r.role} | ${metrics.map((m) => fmt(r.values[m])).join(' | ')} | ${c ? `${fmt(c.ratio)}×` : ''} |`);
    }
    const notes = mine.filter((r) => r.note);
    if (notes.length) {
      lines.push('');
      for (const r of notes) lines.push(`- ${r.case}, ${r.system}: ${r.note}`);
    }
    lines.push('');
  }
  lines.push('## Ratios ours/baseline', '', '| scenario | case | ours | baseline | metric | ours | baseline | ratio |', '|---|---|---|---|---|---|---|---|');
  for (const c of comparisons) {
    const flag = c.ratio > 1.5 ? ' ⚠' : '';
    lines.push(`| ${c.scenario} | ${c.case} | ${c.ours} | ${c.baseline} | ${c.metric} | ${fmt(c.oursValue)} | ${fmt(c.baselineValue)} | ${fmt(c.ratio)}×${flag} |`);
  }
  lines.push('');
  return lines.join('\n');
}
