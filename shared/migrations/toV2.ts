import type { MigrationStep, Stored } from './step.js';

/**
 * Schema 1 → 2. Schema 1 is everything stored before the stamp existed: today's main and the older
 * versions before it, whose states lack fields added since. Schema 2 carries the stamp and always
 * has them, filled with what the code read in their absence (as of schema 1's last release).
 */

const BALLOT_RULES = { minCast: 3, minQuorum: [1, 2], votingPin: 'required', pinAttempts: 5 };
const OBSERVER_RULES = { notes: false, ratings: 'collective', motions: true, choices: true, documents: false };

const isObject = (v: unknown): v is Stored => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A motion's majority without a threshold counted "more than" the fraction. */
function ballot(b: unknown): unknown {
  if (!isObject(b) || !isObject(b.majority) || b.majority.threshold !== undefined) return b;
  return { ...b, majority: { ...b.majority, threshold: 'more-than' } };
}

export const toV2: MigrationStep = {
  to: 2,
  state: (s) => ({
    ...s,
    schemaVersion: 2,
    ballotRules: s.ballotRules ?? BALLOT_RULES,
    pins: s.pins ?? {},
    notices: s.notices ?? [],
    observers: s.observers ?? OBSERVER_RULES,
    ballots: Array.isArray(s.ballots) ? s.ballots.map(ballot) : s.ballots,
  }),
  events: (events, at) =>
    events.map((e) => {
      if ((e.type === 'ballot.created' || e.type === 'ballot.updated') && isObject(e.ballot)) return { ...e, ballot: ballot(e.ballot) };
      // Before `at` was recorded on it, the record's own time was the event's.
      if (e.type === 'attendance.marked' && e.at === undefined) return { ...e, at };
      return e;
    }),
};
