import { z } from 'zod';
import { ABSTAIN } from './scale.js';
import { countKey, type Ballot } from './types.js';

/** A whole ballot paper: one answer (an option id, or "abstain" where allowed) per row. */
export const Paper = z.record(z.string().max(40), z.string().max(40)).refine((p) => Object.keys(p).length <= 200, 'too many rows');
export type Paper = z.infer<typeof Paper>;

/** The rows of `voter`'s paper: every subject, less themself unless the ballot has self-rating. */
export function rowsFor(ballot: Ballot, voterId: string): string[] {
  if (ballot.kind !== 'rating' || ballot.selfRating) return ballot.subjects;
  return ballot.subjects.filter((s) => s !== voterId);
}

export type PaperCheck = { ok: true; increments: string[] } | { ok: false; message: string };

/**
 * Checks a paper is complete and only names this ballot's rows and options, and turns it into the
 * count keys it adds one to. Nothing else about the paper is kept.
 */
export function checkPaper(ballot: Ballot, voterId: string, paper: Paper): PaperCheck {
  const rows = rowsFor(ballot, voterId);
  const options = new Set(ballot.options.map((o) => o.id));
  for (const row of Object.keys(paper)) {
    if (!rows.includes(row)) return { ok: false, message: `the paper has a row this voter does not have: ${row}` };
  }
  const increments: string[] = [];
  for (const row of rows) {
    const answer = paper[row];
    if (answer === undefined) return { ok: false, message: 'the paper is incomplete: every row needs an answer' };
    if (answer === ABSTAIN && !ballot.allowAbstain) return { ok: false, message: 'this ballot does not allow abstaining on a row' };
    if (answer !== ABSTAIN && !options.has(answer)) return { ok: false, message: `unknown answer ${answer}` };
    increments.push(countKey(row, answer));
  }
  return { ok: true, increments };
}
