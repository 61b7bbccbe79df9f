import type { Ballot, BallotResults } from '../../shared/ballots/types.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { Store } from '../store/store.js';
import { recompute, type Recounted } from './compute.js';
import { readSealed } from './sealed.js';

/** One way the recount and the published result differ. `row` null: the ballot as a whole. */
export interface Difference {
  row: string | null;
  /** An option id, or one of the row's or the ballot's other figures. */
  field: string;
  published: string;
  recounted: string;
}

export type RecountOutcome =
  | { ok: true; ballotId: string; title: string; at: number; agrees: boolean; differences: Difference[]; recounted: Recounted }
  | { ok: false; code: 'not-found' | 'invalid-state'; message: string };

const yesNo = (b: boolean | null) => (b === null ? '—' : b ? 'yes' : 'no');

/** Every difference between the published result and the recount, row by row, figure by figure. */
export function compare(ballot: Ballot, published: BallotResults, recounted: Recounted): Difference[] {
  const out: Difference[] = [];
  const whole = (field: string, a: string | number, b: string | number) => {
    if (String(a) !== String(b)) out.push({ row: null, field, published: String(a), recounted: String(b) });
  };
  whole('turnout', published.turnout, recounted.turnout);
  whole('eligible', published.eligible, recounted.eligible);
  whole('valid', yesNo(published.valid), yesNo(recounted.valid));
  if (ballot.kind === 'motion') whole('passed', yesNo(published.passed), yesNo(recounted.passed));
  for (const key of recounted.strayKeys) out.push({ row: null, field: `key ${key}`, published: '—', recounted: 'stored' });

  for (const row of recounted.rows) {
    const shown = published.subjects.find((s) => s.subject === row.subject);
    const withheld = (published.withheld ?? []).find((w) => w.subject === row.subject);
    const add = (field: string, a: string | number, b: string | number) => {
      if (String(a) !== String(b)) out.push({ row: row.subject, field, published: String(a), recounted: String(b) });
    };
    if (!shown && !withheld) {
      // Results published before withheld rows were listed: an invalid ballot showed no rows.
      if (row.shown || published.valid) add('row', 'absent', row.shown ? 'counts' : `withheld (${row.reason})`);
      continue;
    }
    if (!shown) {
      add('row', `withheld (${withheld!.reason})`, row.shown ? 'counts' : `withheld (${row.reason})`);
      add('eligible', withheld!.eligible, row.eligible);
      continue;
    }
    if (!row.shown) add('row', 'counts', `withheld (${row.reason})`);
    for (const option of ballot.options) add(option.id, shown.counts[option.id] ?? 0, row.votes[option.id] ?? 0);
    add('abstentions', shown.abstentions, row.abstentions);
    add('cast', shown.cast, row.cast);
    add('eligible', shown.eligible, row.eligible);
  }
  return out;
}

/**
 * The recount of a published ballot: the sealed counts read again from the store by a path of its own
 * (sealed.ts), the result computed again by a second implementation (compute.ts), and compared with
 * what was published, row by row.
 */
export async function recountBallot(store: Store, state: MeetingState, ballotId: string, now: number): Promise<RecountOutcome> {
  const ballot = state.ballots.find((b) => b.id === ballotId);
  if (!ballot) return { ok: false, code: 'not-found', message: `no ballot ${ballotId} in meeting ${state.id}` };
  if (ballot.status !== 'published' || !ballot.results)
    return { ok: false, code: 'invalid-state', message: `ballot ${ballotId} is ${ballot.status}: only a published result is recounted` };
  const published = ballot.results;
  const sealed = await readSealed(store, state.id, ballotId);
  const members = published.members ?? state.participants.filter((p) => p.member).length;
  const recounted = recompute(ballot, sealed, published.minCast ?? state.ballotRules.minCast, members);
  const differences = compare(ballot, published, recounted);
  return { ok: true, ballotId, title: ballot.title, at: now, agrees: differences.length === 0, differences, recounted };
}
