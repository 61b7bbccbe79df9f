import type { Ballot } from './types.js';

/** The rows of `voter`'s paper: every subject, less themself unless the ballot has self-rating. */
export function rowsFor(ballot: Pick<Ballot, 'kind' | 'subjects' | 'selfRating'>, voterId: string): string[] {
  if (ballot.kind !== 'rating' || ballot.selfRating) return ballot.subjects;
  return ballot.subjects.filter((s) => s !== voterId);
}
