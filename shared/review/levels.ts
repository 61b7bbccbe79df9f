import { answersOf } from '../ballots/tally.js';
import type { BallotOption } from '../ballots/scale.js';
import type { SubjectResult } from '../ballots/types.js';
import type { LevelCap, LevelRule, ScoreBand, ScoreGroup } from './rules.js';

/** Whether `votes` pass the rule's fraction of `base` (nothing passes an empty base). */
function passes(votes: number, base: number, { fraction: [n, d], threshold }: LevelRule): boolean {
  if (base === 0 || votes === 0) return false;
  return threshold === 'at-least' ? votes * d >= base * n : votes * d > base * n;
}

/**
 * The level a published rating row proposes: counted down from the best level (the scale's order),
 * the first whose cumulative votes pass the rule. Null when none does (too many abstentions).
 */
export function proposedLevel(row: Pick<SubjectResult, 'counts' | 'cast'>, scale: readonly BallotOption[], rule: LevelRule): string | null {
  const base = rule.base === 'cast' ? row.cast : answersOf(row);
  let cumulative = 0;
  for (const option of scale) {
    cumulative += row.counts[option.id] ?? 0;
    if (passes(cumulative, base, rule)) return option.id;
  }
  return null;
}

export interface CapCheck {
  cap: LevelCap;
  /** Subjects proposed `cap.level`. */
  count: number;
  /** Subjects proposed one of `cap.of`. */
  base: number;
  /** The most `cap.level` may have: ⌊base · atMost⌋. */
  allowed: number;
  breached: boolean;
}

/** Every cap checked against the proposed levels (subject → level or null); a breach is shown, never corrected. */
export function checkCaps(proposed: Readonly<Record<string, string | null>>, caps: readonly LevelCap[]): CapCheck[] {
  const levels = Object.values(proposed);
  return caps.map((cap) => {
    const count = levels.filter((l) => l === cap.level).length;
    const base = levels.filter((l) => l !== null && cap.of.includes(l)).length;
    const allowed = Math.floor((base * cap.atMost[0]) / cap.atMost[1]);
    return { cap, count, base, allowed, breached: count > allowed };
  });
}

/** The total of a self-assessment's scores. */
export function totalScore(scores: Readonly<Record<string, number>>): number {
  return Object.values(scores).reduce((a, b) => a + b, 0);
}

/** The best level a total score (and share of tasks exceeded) allows under the bands, best first. */
export function levelForScore(total: number, exceededShare: number | null, bands: readonly ScoreBand[]): string | null {
  for (const band of bands) {
    if (total < band.min) continue;
    if (band.exceededShare !== undefined && (exceededShare ?? 0) < band.exceededShare) continue;
    return band.level;
  }
  return null;
}

/** Whether `level` is better than `than` on the scale (best first). */
export function isBetter(level: string, than: string, scale: readonly BallotOption[]): boolean {
  const rank = (id: string) => scale.findIndex((o) => o.id === id);
  return rank(level) >= 0 && rank(than) >= 0 && rank(level) < rank(than);
}

/** What is wrong with scores for a form: a group missing, unknown, or out of its range. Null when they fit. */
export function scoreProblem(scores: Readonly<Record<string, number>>, form: readonly ScoreGroup[]): string | null {
  for (const key of Object.keys(scores)) if (!form.some((g) => g.id === key)) return `no criteria group ${key} on the form`;
  for (const g of form) {
    const points = scores[g.id];
    if (points === undefined) return `no score for ${g.id}`;
    if (!Number.isFinite(points) || points < 0 || points > g.max) return `${g.id}: between 0 and ${g.max} points`;
  }
  return null;
}
