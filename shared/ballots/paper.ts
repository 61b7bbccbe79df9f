import { rowsFor } from './rows.js';
import { ABSTAIN } from './scale.js';
import { countKey, type Ballot } from './types.js';

/**
 * A whole ballot paper: one answer (an option id, or "abstain" where allowed) per row. Its wire
 * schema is `Paper` in shared/meeting/commands.ts; this file stays free of zod, because every
 * browser view loads the rules, and zod's probe for `new Function` breaks the page's CSP.
 */
export type Paper = Record<string, string>;

export type PaperCheck = { ok: true; increments: string[] } | { ok: false; message: string };

/**
 * Checks a paper is complete and only names this ballot's rows and options, and turns it into the
 * count keys it adds one to. Nothing else about the paper is kept. A refusal names at most a row,
 * never an answer, so no message can carry a choice (see docs/BALLOTS.md, "Anonymity").
 */
export function checkPaper(ballot: Ballot, voterId: string, paper: Paper): PaperCheck {
  const rows = rowsFor(ballot, voterId);
  const options = new Set(ballot.options.map((o) => o.id));
  for (const row of Object.keys(paper)) {
    if (!rows.includes(row)) return { ok: false, message: `row ${row} is not on your paper` };
  }
  const increments: string[] = [];
  for (const row of rows) {
    const answer = paper[row];
    if (answer === undefined) return { ok: false, message: `the paper is incomplete: row ${row} has no answer` };
    // A motion's "abstain" is one of its options; elsewhere it is a blank row, if the ballot allows one.
    if (!options.has(answer)) {
      if (answer !== ABSTAIN) return { ok: false, message: `row ${row}: not one of this ballot's options` };
      if (!ballot.allowAbstain) return { ok: false, message: `row ${row}: this ballot does not allow abstaining` };
    }
    increments.push(countKey(row, answer));
  }
  return { ok: true, increments };
}
