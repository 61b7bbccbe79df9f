import { isVoter } from '../meeting/roles.js';
import type { Participant } from '../meeting/state.js';
import type { CommitteeRules } from './rules.js';

/**
 * Who may sit on the counting committee: distinct members of the body in a voting role, never the
 * chair (the committee exists to take the chair out of the path to publication), between the
 * meeting's minimum and maximum. Null when the list fits, else what is wrong.
 */
export function committeeProblem(participants: readonly Participant[], members: readonly string[], rules: CommitteeRules): string | null {
  if (new Set(members).size !== members.length) return 'a delegate is listed twice';
  if (members.length < rules.min || members.length > rules.max) return `a counting committee has ${rules.min} to ${rules.max} delegates`;
  for (const id of members) {
    const p = participants.find((x) => x.id === id);
    if (!p) return `no participant ${id}`;
    if (p.role === 'chair') return 'the chair cannot sit on the counting committee';
    if (!isVoter(p)) return `${id} is not a voting member of the body`;
  }
  return null;
}

/** Confirmations a tally needs before it is published: a majority of the committee. */
export function confirmationsNeeded(committeeSize: number): number {
  return Math.floor(committeeSize / 2) + 1;
}
