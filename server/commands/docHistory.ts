import * as Y from 'yjs';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { takeVersion } from '../yjs/history.js';
import type { LiveDocs } from '../yjs/liveDocs.js';
import { integratedUpdate } from '../yjs/pending.js';
import { restoreInto } from '../yjs/restore.js';

/** The `history` need: the version a history command's events name, taken or restored before they are committed. */
export type DocHistoryWork = (meetingId: string, events: readonly MeetingEvent[]) => Promise<void>;

export interface DocHistoryDeps {
  store: Store;
  log: Logger;
  clock: () => number;
  /** The documents loaded on this instance (the Yjs endpoint's, which exists after the rooms). */
  docs: () => LiveDocs;
}

/** A document could not be loaded to be restored (it holds MAX_DOC_CONNECTIONS connections already). */
export class DocBusyError extends Error {}

/**
 * `notes.versionNamed`: the text as stored, everything in the live document's line included, kept
 * under the event's id. `notes.restored`: the text as it is kept first (`before-restore`, under the
 * event's `savedAs`), then the version restored into the live document as an edit of the server's,
 * in the name of whoever asked (docs/YJS.md, "Restore"); both stored before the command is acknowledged.
 */
export function docHistoryWork(deps: DocHistoryDeps): DocHistoryWork {
  return async (meetingId, events) => {
    for (const event of events) {
      if (event.type === 'notes.versionNamed') {
        const live = deps.docs().live(meetingId, event.docName);
        await live?.flushed();
        await takeVersion(deps, meetingId, event.docName, 'named', { id: event.versionId, label: event.label, by: event.by });
        live?.attribution.versionTaken();
      }
      if (event.type === 'notes.restored') await restore(deps, meetingId, event);
    }
  };
}

async function restore(deps: DocHistoryDeps, meetingId: string, event: Extract<MeetingEvent, { type: 'notes.restored' }>): Promise<void> {
  const version = await deps.store.loadDocVersion(meetingId, event.docName, event.versionId);
  // Thinned away since the decision read it: as if it had never been there.
  if (!version) throw new Error(`version ${event.versionId} of ${event.docName} is gone`);
  // The live copy on this instance, loaded here if nobody has it open: connected editors see the restore at once.
  const live = await deps.docs().hold(meetingId, event.docName);
  if (!live) throw new DocBusyError('the document has too many connections');
  const old = new Y.Doc();
  try {
    Y.applyUpdate(old, version.state);
    await live.flushed();
    await takeVersion(deps, meetingId, event.docName, 'before-restore', { id: event.savedAs, by: event.by, state: integratedUpdate(live.doc) });
    live.attribution.versionTaken(false);
    await live.serverEdit(event.by, (doc) => restoreInto(doc, old));
    deps.log.info('document restored', { meetingId, doc: event.docName, version: event.versionId, by: event.by });
  } finally {
    old.destroy();
    live.release();
  }
}
