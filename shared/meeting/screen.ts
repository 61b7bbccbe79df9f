import type { CommandOf } from './commands.js';
import { accept, reject, type Decision } from './decision.js';
import type { MeetingEvent } from './events.js';
import type { MeetingState, ScreenMode } from './state.js';

export type ScreenCommand = CommandOf<'screen.show'>;

function sameMode(a: ScreenMode, b: ScreenMode): boolean {
  return a.show === b.show && (a.show !== 'ballot' || (b.show === 'ballot' && a.ballotId === b.ballotId));
}

/** Switches the room screen; showing a ballot needs one that is past its draft. */
export function decideScreen(state: MeetingState, command: ScreenCommand): Decision {
  let screen: ScreenMode;
  if (command.show === 'ballot') {
    if (command.ballotId === undefined) return reject('invalid-payload', 'name the ballot to show');
    const ballot = state.ballots.find((b) => b.id === command.ballotId);
    if (!ballot) return reject('not-found', `no ballot ${command.ballotId}`);
    if (ballot.status === 'draft') return reject('invalid-state', 'a draft ballot is not shown to the room');
    screen = { show: 'ballot', ballotId: ballot.id };
  } else {
    if (command.ballotId !== undefined) return reject('invalid-payload', 'only the ballot view names a ballot');
    screen = { show: command.show };
  }
  // Pressing the button that is already lit changes nothing and is no error.
  return sameMode(state.screen, screen) ? accept() : accept({ type: 'screen.shown', screen });
}

/**
 * The screen follows a ballot when it opens and when its results are published (publishing is the
 * chair's decision to show them); it leaves a ballot when the room moves on to another item.
 */
export function showBallot(state: MeetingState, ballotId: string): MeetingEvent[] {
  const screen: ScreenMode = { show: 'ballot', ballotId };
  return sameMode(state.screen, screen) ? [] : [{ type: 'screen.shown', screen }];
}

export function leaveBallot(state: MeetingState): MeetingEvent[] {
  return state.screen.show === 'ballot' ? [{ type: 'screen.shown', screen: { show: 'agenda' } }] : [];
}
