import { decideBallot, type BallotCommand } from '../ballots/decide.js';
import { decidePinSet } from '../ballots/pin.js';
import type { Command } from './commands.js';
import { decideAgenda, type AgendaCommand } from './agenda.js';
import { decideAttendance, type AttendanceCommand } from './attendance.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import { can, type Actor } from './permissions.js';
import { decideQueue, type QueueCommand } from './queue.js';
import { decideScreen, type ScreenCommand } from './screen.js';
import { findParticipant, type MeetingState } from './state.js';

export type { DecideContext, Decision };

/**
 * The meeting's rules: what `command` from `actor` means in `state`, as events, or why it is refused.
 * Pure: the caller supplies the clock and the id source, and applies the events with `evolve`.
 */
export function decide(state: MeetingState, command: Command, actor: Actor, ctx: DecideContext): Decision {
  if (!can(actor, command, state)) return reject('forbidden', `a ${actor.role} may not ${command.type}`);
  const [domain] = command.type.split('.');
  switch (domain) {
    case 'meeting':
    case 'day':
    case 'agenda':
      return decideAgenda(state, command as AgendaCommand, ctx);
    case 'queue':
      if (state.status !== 'running') return reject('invalid-state', 'the meeting is not in session');
      return decideQueue(state, command as QueueCommand, actor, ctx);
    case 'attendance':
      return decideAttendance(state, command as AttendanceCommand, actor, ctx);
    case 'ballot':
      return decideBallot(state, command as BallotCommand, actor, ctx);
    case 'screen':
      return decideScreen(state, command as ScreenCommand);
    case 'pin':
      return decidePinSet(state, actor, ctx.now);
  }
  switch (command.type) {
    case 'announcement.post':
      return accept({
        type: 'announcement.posted', text: command.text, at: ctx.now,
        endsAt: command.countdownSec === undefined ? null : ctx.now + command.countdownSec * 1000,
      });
    case 'announcement.clear':
      return state.announcement ? accept({ type: 'announcement.cleared' }) : reject('invalid-state', 'there is no announcement');
    case 'link.reissue':
      return findParticipant(state, command.participantId)
        ? accept({ type: 'link.reissued', participantId: command.participantId, at: ctx.now })
        : reject('not-found', `no participant ${command.participantId}`);
  }
  return reject('unknown-command', `unknown command ${(command as Command).type}`);
}
