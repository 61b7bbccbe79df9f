import { COLLECTIVE } from '../../shared/ballots/scale.js';
import type { RecordBallot } from './ballots.js';
import { BALLOT_KIND_LABEL, BALLOT_STATUS_LABEL, dateTime, LABEL, oneLine } from './format.js';

/**
 * One ballot's part of the record as plain text, laid out by the Markdown and DOCX writers alike, so
 * both say the same thing: facts, the published counts (if any) and why the other rows have none.
 */
export interface BallotSection {
  title: string;
  facts: [label: string, value: string][];
  /** Only rows published under the rules; null when no count may be shown. */
  table: { header: string[]; rows: string[][] } | null;
  /** Sentences under the facts: rows withheld, counts sealed or deleted. */
  notes: string[];
}

export function ballotSection(entry: RecordBallot, timeZone: string): BallotSection {
  const { ballot, turnout, cancelledAt, published } = entry;
  const at = (ms: number) => dateTime(ms, timeZone);
  const facts: [string, string][] = [
    [LABEL.ballotKind, BALLOT_KIND_LABEL[ballot.kind]],
    [LABEL.ballotStatus, BALLOT_STATUS_LABEL[ballot.status]],
  ];
  if (ballot.openedAt !== null) facts.push([LABEL.opened, at(ballot.openedAt)]);
  if (ballot.status === 'cancelled') {
    if (cancelledAt !== null) facts.push([LABEL.cancelled, at(cancelledAt)]);
    facts.push([LABEL.cancelReason, oneLine(ballot.cancelReason ?? '—')]);
  } else if (ballot.closedAt !== null) {
    facts.push([LABEL.closed, at(ballot.closedAt)]);
  }
  // Turnout is public from the moment a ballot opens (docs/BALLOTS.md); it is the only figure here
  // for a ballot that is open, sealed, cancelled or not valid.
  if (ballot.openedAt !== null) facts.push([LABEL.turnout, `${turnout[0]}/${turnout[1]}`]);

  const notes: string[] = [];
  let table: BallotSection['table'] = null;
  if (ballot.status === 'open') notes.push(LABEL.stillOpen);
  if (ballot.status === 'closed') notes.push(LABEL.sealed);
  if (ballot.status === 'cancelled' && ballot.openedAt !== null) notes.push(LABEL.countsDeleted);
  if (published) {
    if (!published.valid) facts.push([LABEL.outcome, LABEL.notValid]);
    else if (published.passed !== null) facts.push([LABEL.outcome, published.passed ? LABEL.passed : LABEL.notPassed]);
    else facts.push([LABEL.outcome, LABEL.valid]);
    if (published.rows.length > 0) {
      // A rating's row carries the self-rating before the counts and the proposed level after them (issue 17).
      const reviewed = published.review !== null;
      table = {
        header: [
          ballot.subjects.includes(COLLECTIVE) ? LABEL.subjectWithCollective : LABEL.subject,
          ...(reviewed ? [LABEL.selfRating] : []),
          ...ballot.options.map((o) => o.vi),
          LABEL.abstain,
          LABEL.turnout,
          ...(reviewed ? [LABEL.proposed] : []),
        ],
        rows: published.rows.map((r) => [
          r.label,
          ...(r.review ? [r.review.self] : []),
          ...r.counts.map((c) => String(c.votes)),
          String(r.abstentions),
          `${r.cast}/${r.eligible}`,
          ...(r.review ? [`${r.review.proposed}${r.review.differs ? ` (${LABEL.differsFromSelf})` : ''}`] : []),
        ]),
      };
    }
    if (published.review) notes.push(published.review.rule, ...published.review.caps.map((c) => c.text));
    // An invalid ballot says so once, above; its rows need no line each.
    for (const w of published.withheld) if (w.reason === 'too-few-answers') notes.push(`${w.label}: ${LABEL.tooFewAnswers(published.minCast)}`);
  }
  return { title: ballot.title, facts, table, notes };
}
