import type { CommandOf } from '../meeting/commands.js';
import { accept, reject, type DecideContext, type Decision } from '../meeting/decision.js';
import type { Actor } from '../meeting/roles.js';
import { findItem, type MeetingState } from '../meeting/state.js';
import { parseDocName } from './access.js';

/** Whether `docName` is one of the meeting's documents: the minutes, or the notes of an item on its agenda. */
export function isMeetingDoc(state: MeetingState, docName: string): boolean {
  const ref = parseDocName(docName);
  return ref !== null && (ref.kind === 'minutes' || findItem(state, ref.itemId) !== undefined);
}

/**
 * A document's history (docs/YJS.md, "History"): naming the current text, restoring an older
 * version. The versions themselves are the server's (`ctx.docVersion`, server/commands/docHistory.ts);
 * the events say what was done, for the record and the members' notice.
 */
export function decideNotes(state: MeetingState, command: CommandOf<'notes.nameVersion' | 'notes.restore'>, actor: Actor, ctx: DecideContext): Decision {
  if (!isMeetingDoc(state, command.docName)) return reject('not-found', `no document ${command.docName} in this meeting`, 'no-such-document');
  if (command.type === 'notes.nameVersion') {
    return accept({ type: 'notes.versionNamed', docName: command.docName, versionId: ctx.newId(), label: command.label, by: actor.participantId, at: ctx.now });
  }
  const version = ctx.docVersion;
  if (!version) return reject('not-found', `document ${command.docName} has no version ${command.versionId}`, 'no-such-version');
  return accept({
    type: 'notes.restored',
    docName: command.docName,
    versionId: command.versionId,
    versionAt: version.at,
    label: version.label,
    by: actor.participantId,
    at: ctx.now,
    savedAs: ctx.newId(),
  });
}
