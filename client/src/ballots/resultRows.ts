import type { Ballot, BallotResults, SubjectResult, WithheldRow } from '../../../shared/ballots/types.js';

/** One row of a published ballot as the views list it: its counts, or why they are not published. */
export type ResultRow = { subject: string; counts: SubjectResult; withheld?: undefined } | { subject: string; counts?: undefined; withheld: WithheldRow };

/**
 * The rows to list, in the paper's order: published rows and rows withheld for too few answers.
 * Rows withheld because the whole ballot is not valid, or from the public observer link, are not
 * listed one by one: the summary says it once.
 */
export function resultRows(ballot: Pick<Ballot, 'subjects'>, results: BallotResults): ResultRow[] {
  const published = new Map(results.subjects.map((r) => [r.subject, r]));
  const withheld = new Map((results.withheld ?? []).filter((w) => w.reason === 'too-few-answers').map((w) => [w.subject, w]));
  return ballot.subjects.flatMap((subject): ResultRow[] => {
    const counts = published.get(subject);
    if (counts) return [{ subject, counts }];
    const row = withheld.get(subject);
    return row ? [{ subject, withheld: row }] : [];
  });
}
