import { ABSTAIN } from './scale.js';
import { countKey, type Ballot, type BallotResults, type Counts } from './types.js';

const atLeast = (part: number, whole: number, [n, d]: [number, number]) => part * d >= whole * n;

/** Eligible voters who have this row on their paper. */
function eligibleFor(ballot: Ballot, subject: string): number {
  const selfExcluded = ballot.kind === 'rating' && !ballot.selfRating && ballot.eligible.includes(subject);
  return ballot.eligible.length - (selfExcluded ? 1 : 0);
}

/**
 * The published result of a closed ballot from its sealed counts. Percentages are left to the views:
 * counts, votes cast and eligible voters are all here to compute them against either base.
 */
export function tally(ballot: Ballot, counts: Counts, members: number): BallotResults {
  const turnout = ballot.voted.length;
  const eligible = ballot.eligible.length;
  const subjects = ballot.subjects.map((subject) => {
    const perOption: Record<string, number> = {};
    for (const o of ballot.options) perOption[o.id] = counts[countKey(subject, o.id)] ?? 0;
    const abstentions = ballot.options.some((o) => o.id === ABSTAIN) ? 0 : counts[countKey(subject, ABSTAIN)] ?? 0;
    const cast = Object.values(perOption).reduce((a, b) => a + b, 0) + abstentions;
    return { subject, counts: perOption, abstentions, cast, eligible: eligibleFor(ballot, subject) };
  });
  const valid = eligible > 0 && atLeast(turnout, eligible, ballot.quorum);
  let passed: boolean | null = null;
  if (ballot.kind === 'motion') {
    const row = subjects[0];
    const agree = row?.counts.agree ?? 0;
    const base = ballot.majority.base === 'cast' ? (row?.cast ?? 0) : members;
    const [n, d] = ballot.majority.fraction;
    // "More than half" is the usual rule: strictly above the fraction of the base.
    passed = valid && agree * d > base * n;
  }
  return { turnout, eligible, valid, subjects, passed };
}

/** Percentage with one decimal, 0 when the base is empty. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
