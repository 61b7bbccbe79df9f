import { ABSTAIN } from '../../shared/ballots/scale.js';
import type { Ballot } from '../../shared/ballots/types.js';
import type { SealedRead } from './sealed.js';

/**
 * The second computation of a ballot's result, for the recount (docs/BALLOTS.md, "The record of the
 * count"). Deliberately not `tally()` nor the helpers it uses (shared/ballots/tally.ts, results.ts):
 * a second count that calls the first one's code can only agree with it. It starts from the stored
 * keys rather than from the ballot's rows, so a key the paper cannot produce is noticed too.
 */
export interface RecountRow {
  subject: string;
  /** Votes per option id, every option of the ballot present. */
  votes: Record<string, number>;
  abstentions: number;
  cast: number;
  eligible: number;
  /** Published with its counts under the rules; otherwise why not. */
  shown: boolean;
  reason: 'not-valid' | 'too-few-answers' | null;
}

export interface Recounted {
  turnout: number;
  eligible: number;
  valid: boolean;
  rows: RecountRow[];
  passed: boolean | null;
  /** Stored keys naming a row or an answer the ballot does not have. */
  strayKeys: string[];
}

/** `a/b ≥ n/d` or `> n/d` in integers, as the rule's threshold says. */
function reaches(part: number, whole: number, [n, d]: [number, number], atLeast: boolean): boolean {
  const left = BigInt(part) * BigInt(d);
  const right = BigInt(whole) * BigInt(n);
  return atLeast ? left >= right : left > right;
}

export function recompute(ballot: Ballot, sealed: SealedRead, minCast: number, members: number): Recounted {
  const optionIds = new Set(ballot.options.map((o) => o.id));
  const blankAllowed = ballot.allowAbstain && !optionIds.has(ABSTAIN);
  const bySubject = new Map<string, Map<string, number>>(ballot.subjects.map((s) => [s, new Map()]));
  const strayKeys: string[] = [];
  for (const [key, count] of sealed.counts) {
    const cut = key.lastIndexOf('/');
    const subject = key.slice(0, cut);
    const answer = key.slice(cut + 1);
    const row = cut > 0 ? bySubject.get(subject) : undefined;
    if (!row || !(optionIds.has(answer) || (blankAllowed && answer === ABSTAIN)) || !Number.isInteger(count) || count < 0) {
      if (count !== 0) strayKeys.push(key);
      continue;
    }
    row.set(answer, (row.get(answer) ?? 0) + count);
  }

  const turnout = sealed.voters;
  const eligible = ballot.eligible.length;
  const valid = eligible > 0 && reaches(turnout, eligible, ballot.quorum, true);
  const rows = ballot.subjects.map((subject): RecountRow => {
    const answers = bySubject.get(subject)!;
    const votes: Record<string, number> = {};
    let cast = 0;
    let answered = 0;
    for (const id of optionIds) {
      votes[id] = answers.get(id) ?? 0;
      cast += votes[id];
      if (id !== ABSTAIN) answered += votes[id];
    }
    const abstentions = blankAllowed ? (answers.get(ABSTAIN) ?? 0) : 0;
    cast += abstentions;
    // Who had this row on their paper: a rating without self-rating leaves the subject's own row out.
    const rowEligible = ballot.eligible.filter((voter) => ballot.kind !== 'rating' || ballot.selfRating || voter !== subject).length;
    const reason = !valid ? 'not-valid' : answered < minCast ? 'too-few-answers' : null;
    return { subject, votes, abstentions, cast, eligible: rowEligible, shown: reason === null, reason };
  });

  let passed: boolean | null = null;
  if (ballot.kind === 'motion') {
    const row = rows[0];
    const base = ballot.majority.base === 'cast' ? (row?.cast ?? 0) : members;
    const agree = row?.shown ? (row.votes.agree ?? 0) : 0;
    passed = agree > 0 && reaches(agree, base, ballot.majority.fraction, ballot.majority.threshold === 'at-least');
  }
  return { turnout, eligible, valid, rows, passed, strayKeys };
}
