import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import type { VersionKind } from '../../shared/notes/history.js';
import { takeVersion, type HistoryDeps } from './history.js';
import type { LiveDocs } from './liveDocs.js';

/**
 * The documents a batch of committed events asks versions of (docs/YJS.md, "History"): an item
 * opened, reopened or closed takes its notes and the minutes (`transition`); the day switching or
 * the meeting finishing takes every document of the meeting (`day-end`).
 */
export function versionsDue(events: readonly MeetingEvent[], state: MeetingState): Map<string, VersionKind> {
  const due = new Map<string, VersionKind>();
  for (const event of events) {
    switch (event.type) {
      case 'item.started':
      case 'item.reopened':
      case 'item.ended':
        for (const doc of [notesDocName(event.itemId), MINUTES_DOC]) if (!due.has(doc)) due.set(doc, 'transition');
        break;
      case 'day.switched':
      case 'meeting.finished':
        for (const doc of [...state.agenda.map((i) => notesDocName(i.id)), MINUTES_DOC]) due.set(doc, 'day-end');
        break;
    }
  }
  return due;
}

/**
 * Called with each batch this instance committed (only the committing instance takes them): the
 * versions are read from the store, after the live copy's line, in the background: the command is
 * not held up, and a failure is logged (the text itself is stored).
 */
export function transitionVersions(deps: HistoryDeps & { docs: () => LiveDocs }) {
  let queue: Promise<void> = Promise.resolve();
  return (meetingId: string, events: readonly MeetingEvent[], state: MeetingState): void => {
    const due = versionsDue(events, state);
    if (due.size === 0) return;
    queue = queue.then(async () => {
      for (const [docName, kind] of due) {
        try {
          const live = deps.docs().live(meetingId, docName);
          await live?.flushed();
          if (await takeVersion(deps, meetingId, docName, kind)) live?.attribution.versionTaken();
        } catch (e) {
          deps.log.warn('taking a document version failed', { meetingId, doc: docName, kind, err: String(e) });
        }
      }
    });
  };
}
