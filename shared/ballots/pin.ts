import { accept, reject, type Decision } from '../meeting/decision.js';
import { isVoter, type Actor } from '../meeting/roles.js';
import { findParticipant, type MeetingState } from '../meeting/state.js';
import { rulesOf } from './rules.js';

/**
 * The voting PIN's own rules (pure): what a PIN looks like and which ones are too easy to guess.
 * The server keeps only a slow hash of it (server/ballots/pins.ts); the paper carries it.
 */

export const PIN_PATTERN = /^\d{4,8}$/;

/** Why a new PIN is refused, or null when it will do. */
export function pinWeakness(pin: string): string | null {
  if (!PIN_PATTERN.test(pin)) return 'a PIN is 4 to 8 digits';
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) return 'a PIN of one repeated digit is too easy to guess';
  const steps = digits.slice(1).map((d, i) => (d - digits[i] + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return 'a PIN of consecutive digits is too easy to guess';
  return null;
}

/** Whether a participant can ever vote, and so has a PIN: a member of the body in a voting role. */
export function votes(state: MeetingState, participantId: string): boolean {
  const p = findParticipant(state, participantId);
  return p !== undefined && isVoter(p);
}

/**
 * `pin.set` as the rules see it: a voter sets their own PIN, unless voting is locked. Whether the
 * current PIN was given and right (when one is set) and whether the new one is strong enough, the
 * server checks before this, since only it holds the hash.
 */
export function decidePinSet(state: MeetingState, actor: Actor, now: number): Decision {
  if (rulesOf(state).votingPin === 'off') return reject('invalid-state', "this meeting's ballots need no PIN");
  if (!votes(state, actor.participantId)) return reject('forbidden', 'only members of the body who vote have a voting PIN');
  if (state.pins?.[actor.participantId] === 'locked') return reject('voting-locked', 'voting is locked after too many wrong PINs: ask the organiser to reset your PIN');
  return accept({ type: 'pin.set', participantId: actor.participantId, at: now });
}

/** The organiser's reset (CLI or admin API, never the chair's console): the voter sets a new PIN. */
export function decidePinReset(state: MeetingState, participantId: string, now: number): Decision {
  if (!votes(state, participantId)) return reject('not-found', `${participantId} is not a voting member`);
  return accept({ type: 'pin.reset', participantId, at: now });
}

/** The lock after the last allowed wrong PIN; made by the server, announced to the room. */
export function decideVotingLock(state: MeetingState, participantId: string, now: number): Decision {
  if (state.pins?.[participantId] === 'locked') return accept();
  return accept({ type: 'voting.locked', participantId, at: now });
}
