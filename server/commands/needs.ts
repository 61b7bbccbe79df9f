import type { Command } from '../../shared/meeting/commands.js';
import type { DecideContext } from '../../shared/meeting/decision.js';
import { entryFor } from '../../shared/meeting/registry.js';
import type { Actor } from '../../shared/meeting/roles.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import { withPin, type PinDeps } from '../ballots/pinCommands.js';
import type { BeforeCommit, MeetingRoom } from '../realtime/room.js';
import type { Store } from '../store/store.js';
import type { BlobLookup } from '../files/blobFacts.js';
import type { DocHistoryWork } from './docHistory.js';
import type { NewLink } from './newLink.js';

/**
 * The server's side of the registry's `needs` (shared/meeting/registry.ts): each handler serves a
 * need, whichever command has it, so the room and the socket layer name no command.
 */

/** A command from a connection: through the PIN check its entry asks for, if any, into the meeting's line. */
export function runCommand(room: MeetingRoom, actor: Actor, command: Command, pins: PinDeps): Promise<Ack<CommandResult>> {
  const pin = entryFor(command.type).needs?.pin;
  return pin ? withPin(room, actor, command, pin, pins) : room.execute(actor, command);
}

/** Where the server's knowledge comes from: the store, and the live connections (presence). */
export interface Sources {
  store: Store;
  online?: () => Promise<string[]>;
  files?: BlobLookup;
}

/**
 * What the decision reads that only the server holds: a ballot's sealed counts (`counts`), who is
 * connected now (`online`), the document version a command names (`docVersion`), the stored
 * self-assessments the step may disclose (`selfAssessments`), a stored file's facts (`blob`).
 */
export async function supplied(
  { store, online, files }: Sources,
  meetingId: string,
  command: Command,
  state: MeetingState,
): Promise<Pick<DecideContext, 'counts' | 'online' | 'docVersion' | 'selfAssessments' | 'blob'>> {
  const needs = entryFor(command.type).needs;
  const disclosing = needs?.disclosure?.(command, state) ?? [];
  const ballotId = needs?.counts?.(command);
  const version = needs?.docVersion?.(command);
  const sha256 = needs?.blob?.(command);
  const stored = version && (await store.listDocVersions(meetingId, version.docName)).find((v) => v.id === version.versionId);
  return {
    ...(ballotId === undefined ? {} : { counts: await store.readCounts(meetingId, ballotId) }),
    ...(needs?.online ? { online: (await online?.()) ?? [] } : {}),
    ...(version ? { docVersion: stored ? { at: stored.at, label: stored.label } : null } : {}),
    ...(disclosing.length > 0 ? { selfAssessments: await store.readSelfAssessments(meetingId, disclosing) } : {}),
    ...(sha256 === undefined ? {} : { blob: files ? await files.facts(sha256) : null }),
  };
}

/**
 * What must be done once the command is accepted and before its events are committed (`newLink`,
 * `history`, `selfAssessment`). A self-assessment is stored first: should the commit then lose a race
 * and the rules refuse the retry, the member's stored one is newer than their `selfAssessed` time,
 * which is why what is disclosed, and shown back to them once disclosed, is the state's copy.
 */
export function beforeCommit(handlers: { newLink: NewLink; history: DocHistoryWork; store: Pick<Store, 'saveSelfAssessment'> }): BeforeCommit {
  return async (meetingId, command, _actor, state, events) => {
    const needs = entryFor(command.type).needs;
    if (needs?.history) await handlers.history(meetingId, events);
    if (needs?.selfAssessment) {
      for (const e of events) {
        if (e.type === 'review.selfSubmitted') await handlers.store.saveSelfAssessment(meetingId, e.participantId, needs.selfAssessment(command, e.at));
      }
    }
    const participantId = needs?.newLink?.(command);
    return participantId === undefined ? {} : { link: await handlers.newLink(meetingId, participantId, state) };
  };
}
