import { rulesOf } from '../../shared/ballots/rules.js';
import { COLLECTIVE } from '../../shared/ballots/scale.js';
import { answersOf } from '../../shared/ballots/tally.js';
import type { Ballot, BallotStatus, WithheldRow } from '../../shared/ballots/types.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { capText, NO_PROPOSAL, reviewOf, ruleText } from './review.js';

/**
 * What the record keeps of one ballot. Every ballot that left draft is listed, cancelled ones too,
 * so that running the same ballot twice to compare the results is there for all to read
 * (docs/BALLOTS.md). The ballot's own `results` are left behind: only `rows`, filtered below, carry
 * counts, so no part of the record can print a count by mistake.
 */
export interface RecordBallot {
  ballot: Omit<Ballot, 'results'> & { status: Exclude<BallotStatus, 'draft'> };
  /** Papers handed in, of the eligible voters: public from the moment the ballot opens. */
  turnout: [number, number];
  /** The cancel's own time (the notice's), which `closedAt` is not when a closed ballot was cancelled. */
  cancelledAt: number | null;
  /** Set once published. */
  published: {
    valid: boolean;
    passed: boolean | null;
    minCast: number;
    rows: RecordRow[];
    withheld: { label: string; reason: WithheldRow['reason'] }[];
    /** A valid rating's review (review.ts): the rule and the caps, stated under the table. */
    review: { rule: string; caps: { text: string; breached: boolean }[] } | null;
  } | null;
}

export interface RecordRow {
  /** A participant's name, or the collective. */
  label: string;
  counts: { option: string; votes: number }[];
  abstentions: number;
  cast: number;
  eligible: number;
  /** A rating's row: the disclosed self-rating and the proposed level, as labels ('—' when none). */
  review: { self: string; proposed: string; differs: boolean } | null;
}

const rowLabel = (state: MeetingState, subject: string) => (subject === COLLECTIVE ? 'Tập thể' : (state.participants.find((p) => p.id === subject)?.name ?? subject));

function publishedPart(state: MeetingState, ballot: Ballot): RecordBallot['published'] {
  const results = ballot.results;
  if (ballot.status !== 'published' || !results) return null;
  const minCast = results.minCast ?? rulesOf(state).minCast;
  const rows: RecordRow[] = [];
  const withheld = (results.withheld ?? []).map((w) => ({ label: rowLabel(state, w.subject), reason: w.reason }));
  const review = reviewOf(state, ballot, results);
  const level = (id: string | null) => (id === null ? '—' : (ballot.options.find((o) => o.id === id)?.vi ?? id));
  for (const s of results.subjects) {
    // The tally already withholds these; results published before the rule existed did not, and the
    // record applies it again rather than print one or two papers' answers.
    if (!results.valid) withheld.push({ label: rowLabel(state, s.subject), reason: 'not-valid' });
    else if (answersOf(s) < minCast) withheld.push({ label: rowLabel(state, s.subject), reason: 'too-few-answers' });
    else
      rows.push({
        label: rowLabel(state, s.subject),
        counts: ballot.options.map((o) => ({ option: o.vi, votes: s.counts[o.id] ?? 0 })),
        abstentions: s.abstentions,
        cast: s.cast,
        eligible: s.eligible,
        review: review ? rowReview(review.rows.get(s.subject), level) : null,
      });
  }
  return {
    valid: results.valid,
    passed: results.valid ? results.passed : null,
    minCast,
    rows,
    withheld,
    review: review && { rule: ruleText(review.rule), caps: review.caps.map((c) => ({ text: capText(c, level), breached: c.breached })) },
  };
}

function rowReview(r: { self: string | null; proposed: string | null; differs: boolean } | undefined, level: (id: string | null) => string): RecordRow['review'] {
  return { self: level(r?.self ?? null), proposed: r?.proposed ? level(r.proposed) : NO_PROPOSAL, differs: r?.differs ?? false };
}

/** Every ballot that left draft, in the order they were created. */
export function recordBallots(state: MeetingState): RecordBallot[] {
  const cancels = new Map((state.notices ?? []).filter((n) => n.kind === 'ballot-cancelled').map((n) => [n.ballotId, n.at]));
  return state.ballots.flatMap((b): RecordBallot[] => {
    if (b.status === 'draft') return [];
    const { results: _published, ...ballot } = b;
    return [
      {
        ballot: { ...ballot, status: b.status },
        turnout: [b.voted.length, b.eligible.length],
        cancelledAt: b.status === 'cancelled' ? (cancels.get(b.id) ?? b.closedAt) : null,
        published: publishedPart(state, b),
      },
    ];
  });
}
