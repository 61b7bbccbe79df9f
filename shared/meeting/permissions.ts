import type { Command, CommandType } from './commands.js';
import { COMMAND_TYPES, entryFor, REGISTRY } from './registry.js';
import type { Actor, RoleSet } from './roles.js';
import type { MeetingState, Role } from './state.js';

export type { Actor };

/** Which roles may issue each command at all (each entry's `roles`), in the order of `COMMAND_TYPES`. */
export const PERMISSIONS = Object.fromEntries(COMMAND_TYPES.map((type) => [type, REGISTRY[type].roles])) as Readonly<Record<CommandType, RoleSet>>;

/** Whether `role` may issue commands of this type at all; what the payload and state allow is `can`'s. */
export function mayIssue(role: Role, type: CommandType): boolean {
  return REGISTRY[type].roles.includes(role);
}

/** May `actor` issue `command` in `state`? The one place every permission of the meeting is decided. */
export function can(actor: Actor, command: Command, state: MeetingState): boolean {
  const entry = entryFor(command.type);
  return entry.roles.includes(actor.role) && (entry.allows?.(actor, command, state) ?? true);
}

/** Roles that may issue at least one command: everyone else gets a read-only view. */
export function isReadOnly(role: Role): boolean {
  return !COMMAND_TYPES.some((type) => mayIssue(role, type));
}
