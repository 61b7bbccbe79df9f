import type { Ballot } from './types.js';

type Opened = Pick<Ballot, 'id' | 'status' | 'openedAt'>;

/**
 * Open ballots in the order they were opened (ties by id): the order in which the room was asked to
 * vote, and so the order a voter's papers come in, the same on every device.
 */
export function openBallots<B extends Opened>(ballots: readonly B[]): B[] {
  return ballots.filter((b) => b.status === 'open').sort((a, b) => (a.openedAt ?? 0) - (b.openedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The ballots already open while `ballotId` is about to be: the room would then have two papers at
 * once, which the chair must mean (members fill the wrong one otherwise).
 */
export function othersOpen<B extends Opened>(ballots: readonly B[], ballotId: string): B[] {
  return openBallots(ballots).filter((b) => b.id !== ballotId);
}

/** The papers `voterId` still has to hand in, one after another: open, on the list, not yet voted. */
export function papersToFill<B extends Opened & Pick<Ballot, 'eligible' | 'voted'>>(ballots: readonly B[], voterId: string): B[] {
  return openBallots(ballots).filter((b) => b.eligible.includes(voterId) && !b.voted.includes(voterId));
}
