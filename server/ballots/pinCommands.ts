import { decidePinReset, decideVotingLock, pinWeakness, votes } from '../../shared/ballots/pin.js';
import { rulesOf } from '../../shared/ballots/rules.js';
import { error } from '../../shared/errors.js';
import type { Command, CommandType } from '../../shared/meeting/commands.js';
import { can } from '../../shared/meeting/permissions.js';
import { entryFor, type PinUse } from '../../shared/meeting/registry.js';
import type { Actor } from '../../shared/meeting/roles.js';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import type { MeetingRoom } from '../realtime/room.js';
import type { Store } from '../store/store.js';
import { hashPin } from './pinHash.js';
import type { PinCheck, PinGuard } from './pinGuard.js';

export interface PinDeps {
  store: Store;
  guard: PinGuard;
}

/** After the last allowed wrong PIN: the lock is an event, so the room and the record see it. */
async function refused(room: MeetingRoom, participantId: string, check: Exclude<PinCheck, { ok: true }>): Promise<Ack<CommandResult>> {
  if (check.lockedNow) await room.system((state, now) => decideVotingLock(state, participantId, now));
  return { ok: false, error: check.error };
}

/** The registry's `pin` need: a command carrying a voting PIN, as its entry says the PIN is used. */
export function withPin(room: MeetingRoom, actor: Actor, command: Command, use: PinUse<CommandType>, deps: PinDeps): Promise<Ack<CommandResult>> {
  return 'authorises' in use ? authorised(room, actor, command, use.authorises(command), deps) : replaced(room, actor, use.replaces(command), deps);
}

/**
 * A paper with its PIN: the PIN is checked here, where the slow hash and the store are, and dropped;
 * the room gets the paper and the word that its PIN was right. Anything the rules would refuse
 * whoever sent it (a guest, an observer) goes straight to them, without costing a try.
 */
async function authorised(
  room: MeetingRoom,
  actor: Actor,
  command: Command,
  { pin, rest }: { pin: string | undefined; rest: Command },
  deps: PinDeps,
): Promise<Ack<CommandResult>> {
  const { state } = room.current();
  const rules = rulesOf(state);
  if (rules.votingPin === 'off' || !can(actor, command, state) || !votes(state, actor.participantId)) return room.execute(actor, rest);
  const check = await deps.guard.check(room.id, actor.participantId, pin, rules.pinAttempts);
  if (!check.ok) return refused(room, actor.participantId, check);
  return room.execute(actor, rest, { pinVerified: true });
}

/** A voter sets their own PIN, or changes it with the current one. Only the hash is stored. */
async function replaced(
  room: MeetingRoom,
  actor: Actor,
  { pin, current, rest }: { pin: string; current: string | undefined; rest: Command },
  deps: PinDeps,
): Promise<Ack<CommandResult>> {
  const { state } = room.current();
  // The rules must take the command before the PIN is stored: its decision, tried without committing anything.
  const allowed = entryFor(rest.type).decide(state, rest, actor, { now: 0, newId: () => '' });
  if (!allowed.ok) return allowed;
  const weak = pinWeakness(pin);
  if (weak) return { ok: false, error: error('invalid-payload', `pin: ${weak}`, 'weak-pin') };
  if (await deps.store.readPin(room.id, actor.participantId)) {
    if (current === undefined) return { ok: false, error: error('pin-required', 'changing your PIN needs the current one') };
    const check = await deps.guard.check(room.id, actor.participantId, current, rulesOf(state).pinAttempts);
    if (!check.ok) return refused(room, actor.participantId, check);
  }
  await deps.store.setPin(room.id, actor.participantId, await hashPin(pin));
  deps.guard.forget(room.id, actor.participantId);
  // The PIN itself goes no further than this function: `rest` says only that one was set.
  return room.execute(actor, rest);
}

/** The organiser's reset (CLI or admin API): no PIN, no lock; announced to the room. */
export async function resetPin(room: MeetingRoom, participantId: string, deps: PinDeps): Promise<Ack<CommandResult>> {
  const allowed = decidePinReset(room.current().state, participantId, 0);
  if (!allowed.ok) return allowed;
  await deps.store.resetPin(room.id, participantId);
  deps.guard.forget(room.id, participantId);
  return room.system((state, now) => decidePinReset(state, participantId, now));
}
