import { carries, meetsQuorum } from './results.js';
import { ABSTAIN } from './scale.js';
import { countKey, type Ballot, type BallotResults, type Counts } from './types.js';

export { percent } from './results.js';

/** Eligible voters who have this row on their paper (a subject does not rate themself). */
function eligibleFor(ballot: Ballot, subject: string): number {
  const selfExcluded = ballot.kind === 'rating' && !ballot.selfRating && ballot.eligible.includes(subject);
  return ballot.eligible.length - (selfExcluded ? 1 : 0);
}

/** Whether this ballot's papers may mark a row "abstain" instead of choosing an option. */
const abstainsApart = (ballot: Ballot) => ballot.allowAbstain && !ballot.options.some((o) => o.id === ABSTAIN);

/**
 * Every count key a ballot can have, sorted. Stores create them all at once, in this order, so
 * the order keys appear in says nothing about which paper first used them.
 */
export function countKeys(ballot: Ballot): string[] {
  const answers = [...ballot.options.map((o) => o.id), ...(abstainsApart(ballot) ? [ABSTAIN] : [])];
  return ballot.subjects.flatMap((s) => answers.map((a) => countKey(s, a))).sort();
}

/**
 * The published result of a closed ballot from its sealed counts: per row, the votes for each
 * option, the explicit abstentions and the papers cast; validity by the ballot's quorum; for a
 * motion, whether it carried. Percentages are `subjectShares` (results.ts), for the views.
 */
export function tally(ballot: Ballot, counts: Counts, members: number): BallotResults {
  const turnout = ballot.voted.length;
  const eligible = ballot.eligible.length;
  const subjects = ballot.subjects.map((subject) => {
    const perOption: Record<string, number> = {};
    for (const o of ballot.options) perOption[o.id] = counts[countKey(subject, o.id)] ?? 0;
    const abstentions = abstainsApart(ballot) ? counts[countKey(subject, ABSTAIN)] ?? 0 : 0;
    const cast = Object.values(perOption).reduce((a, b) => a + b, 0) + abstentions;
    return { subject, counts: perOption, abstentions, cast, eligible: eligibleFor(ballot, subject) };
  });
  const valid = meetsQuorum(turnout, eligible, ballot.quorum);
  let passed: boolean | null = null;
  if (ballot.kind === 'motion') {
    const row = subjects[0];
    const base = ballot.majority.base === 'cast' ? (row?.cast ?? 0) : members;
    passed = valid && carries(row?.counts.agree ?? 0, base, ballot.majority);
  }
  return { turnout, eligible, members, valid, subjects, passed };
}
