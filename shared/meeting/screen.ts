import type { CommandOf } from './commands.js';
import { accept, reject, type Decision } from './decision.js';
import type { MeetingEvent } from './events.js';
import type { MeetingState, ScreenMode } from './state.js';
import { currentVersion, isPdf } from '../documents/types.js';
import { showableOnScreen } from '../documents/visibility.js';

export type ScreenCommand = CommandOf<'screen.show'>;

function sameMode(a: ScreenMode, b: ScreenMode): boolean {
  if (a.show === 'ballot') return b.show === 'ballot' && a.ballotId === b.ballotId;
  if (a.show === 'document') return b.show === 'document' && a.documentId === b.documentId && a.page === b.page;
  return a.show === b.show;
}

/** A page of a document the whole room may see; an image has one page. */
function documentPage(state: MeetingState, command: ScreenCommand): ScreenMode | Decision {
  if (command.documentId === undefined) return reject('invalid-payload', 'name the document to show');
  const doc = state.documents.find((d) => d.id === command.documentId);
  if (!doc || (doc.removedAt !== null && doc.visibility === 'presidium')) return reject('not-found', `no document ${command.documentId}`);
  if (!showableOnScreen(doc)) return reject('invalid-state', 'only a document the whole room may see is shown on the screen', 'document-not-showable');
  const page = command.page ?? 1;
  if (!isPdf(currentVersion(doc).mime) && page !== 1) return reject('invalid-payload', 'an image has one page');
  return { show: 'document', documentId: doc.id, page };
}

/** Switches the room screen; showing a ballot needs one that is past its draft. */
export function decideScreen(state: MeetingState, command: ScreenCommand): Decision {
  let screen: ScreenMode;
  if (command.show !== 'document' && (command.documentId !== undefined || command.page !== undefined))
    return reject('invalid-payload', 'only the document view names a document and a page');
  if (command.show === 'document') {
    const mode = documentPage(state, command);
    if ('ok' in mode) return mode;
    screen = mode;
  } else if (command.show === 'ballot') {
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
