import { carries, meetsQuorum } from './results.js';
import { ABSTAIN } from './scale.js';
import { countKey, type Ballot, type BallotResults, type Counts, type SubjectResult, type WithheldRow } from './types.js';

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

/** Papers that answered a row: every vote for an option, less abstentions (a motion's "abstain" included). */
export function answersOf(row: Pick<SubjectResult, 'counts'>): number {
  return Object.entries(row.counts)
    .filter(([id]) => id !== ABSTAIN)
    .reduce((sum, [, n]) => sum + n, 0);
}

/**
 * The published result of a closed ballot from its sealed counts: per row, the votes for each
 * option, the explicit abstentions and the papers cast; validity by the ballot's quorum; for a
 * motion, whether it carried. Percentages are `subjectShares` (results.ts), for the views.
 *
 * Counts that could single out a paper are never part of it: an invalid ballot publishes turnout
 * only, and so does every row answered by fewer than `minCast` papers (a row of one or two answers
 * is those voters' papers). A motion whose row is withheld does not carry.
 */
export function tally(ballot: Ballot, counts: Counts, members: number, minCast: number): BallotResults {
  const turnout = ballot.voted.length;
  const eligible = ballot.eligible.length;
  const valid = meetsQuorum(turnout, eligible, ballot.quorum);
  const subjects: SubjectResult[] = [];
  const withheld: WithheldRow[] = [];
  for (const subject of ballot.subjects) {
    const perOption: Record<string, number> = {};
    for (const o of ballot.options) perOption[o.id] = counts[countKey(subject, o.id)] ?? 0;
    const abstentions = abstainsApart(ballot) ? (counts[countKey(subject, ABSTAIN)] ?? 0) : 0;
    const cast = Object.values(perOption).reduce((a, b) => a + b, 0) + abstentions;
    const row = { subject, counts: perOption, abstentions, cast, eligible: eligibleFor(ballot, subject) };
    if (!valid) withheld.push({ subject, eligible: row.eligible, reason: 'not-valid' });
    else if (answersOf(row) < minCast) withheld.push({ subject, eligible: row.eligible, reason: 'too-few-answers' });
    else subjects.push(row);
  }
  let passed: boolean | null = null;
  if (ballot.kind === 'motion') {
    const row = subjects[0];
    const base = ballot.majority.base === 'cast' ? (row?.cast ?? 0) : members;
    passed = row !== undefined && carries(row.counts.agree ?? 0, base, ballot.majority);
  }
  return { turnout, eligible, members, valid, minCast, subjects, withheld, passed };
}
