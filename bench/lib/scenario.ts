/**
 * One measured system in one case of a scenario: ours, the baseline it is compared with, or the
 * floor (the least any implementation could cost, shown for scale, never compared).
 */
export interface Measurement {
  scenario: string;
  /** The load, e.g. "N=1000 observers". */
  case: string;
  system: string;
  /** floor: the least the transport can do; reference: a baseline that also does a duty of ours the baseline skips. */
  role: 'ours' | 'baseline' | 'floor' | 'reference';
  /** Metric name to value; names end in their unit (Ms, Pct, Mb, Kb, S) or are counts. */
  values: Record<string, number>;
  note?: string;
}

export interface RunOptions {
  quick: boolean;
  /** Progress lines for the person watching. */
  say: (line: string) => void;
}

export interface Scenario {
  name: string;
  /** What the scenario measures, one sentence for the report. */
  title: string;
  /** The metric ours/baseline is computed on (lower is better for every headline). */
  headline: string;
  run(opts: RunOptions): Promise<Measurement[]>;
}
