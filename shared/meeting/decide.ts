import type { Command } from './commands.js';
import { reject, type DecideContext, type Decision } from './decision.js';
import { can } from './permissions.js';
import { entryFor, isCommandType } from './registry.js';
import type { Actor } from './roles.js';
import type { MeetingState } from './state.js';

export type { DecideContext, Decision };

/**
 * The meeting's rules: what `command` from `actor` means in `state`, as events, or why it is refused.
 * Pure: the caller supplies the clock, the id source and what the command's entry needs (`ctx`), and
 * applies the events with `evolve`. Each command's rule is its entry in the registry.
 */
export function decide(state: MeetingState, command: Command, actor: Actor, ctx: DecideContext): Decision {
  // A caller that skipped the schema gets an answer, not an exception.
  const type: string = command.type;
  if (!isCommandType(type)) return reject('unknown-command', `unknown command ${type}`);
  if (!can(actor, command, state)) return reject('forbidden', `a ${actor.role} may not ${command.type}`);
  return entryFor(command.type).decide(state, command, actor, ctx);
}
