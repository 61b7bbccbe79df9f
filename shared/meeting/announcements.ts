import type { CommandOf } from './commands.js';
import { accept, reject, type DecideContext, type Decision } from './decision.js';
import type { Actor } from './roles.js';
import type { MeetingState } from './state.js';

export type AnnouncementCommand = CommandOf<'announcement.post' | 'announcement.clear'>;

/** The chair's word to the room, shown on every screen until cleared, with an optional countdown. */
export function decideAnnouncement(state: MeetingState, command: AnnouncementCommand, _actor: Actor, { now }: DecideContext): Decision {
  if (command.type === 'announcement.clear') {
    return state.announcement ? accept({ type: 'announcement.cleared' }) : reject('invalid-state', 'there is no announcement', 'no-announcement');
  }
  return accept({
    type: 'announcement.posted',
    text: command.text,
    at: now,
    endsAt: command.countdownSec === undefined ? null : now + command.countdownSec * 1000,
  });
}
