import { attends, isPublicRole, manages, ofTheBody } from '../meeting/roles.js';
import type { MeetingState, Role } from '../meeting/state.js';
import type { ObserverRules } from '../meeting/visibility.js';

/**
 * The co-edited documents of a meeting: one notes document per agenda item ("góp ý") and one
 * minutes document ("biên bản"). Their names appear in the URL `/yjs/<meetingId>/<docName>`.
 */
export type DocRef = { kind: 'notes'; itemId: string } | { kind: 'minutes' };

export const MINUTES_DOC = 'minutes';
const NOTES_PREFIX = 'notes-';
/** Same alphabet as agenda item ids (definition.ts `Slug`), so every item has a valid name. */
const ITEM_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

export function notesDocName(itemId: string): string {
  return `${NOTES_PREFIX}${itemId}`;
}

/** `notes-<itemId>` or `minutes`; anything else is no document of ours. */
export function parseDocName(name: string): DocRef | null {
  if (name === MINUTES_DOC) return { kind: 'minutes' };
  if (!name.startsWith(NOTES_PREFIX)) return null;
  const itemId = name.slice(NOTES_PREFIX.length);
  return ITEM_ID.test(itemId) ? { kind: 'notes', itemId } : null;
}

/**
 * Whether `role` may change the document. Reading is `canReadDocs`. The body writes the notes, the
 * presidium the minutes; guests speak but do not write the record; observers and screens only watch.
 * The notes of an item removed from the agenda are kept as they were: nobody writes them any more.
 */
export function canEditDoc(role: Role, doc: DocRef | string, state: Pick<MeetingState, 'removedItems'>): boolean {
  const ref = typeof doc === 'string' ? parseDocName(doc) : doc;
  if (ref === null) return false;
  if (ref.kind === 'notes' && state.removedItems.some((i) => i.id === ref.itemId)) return false;
  return ref.kind === 'minutes' ? manages(role) : ofTheBody(role);
}

/** Whether `role` may read the documents at all: the public observer link only where the body allows it. */
export function canReadDocs(role: Role, rules: ObserverRules): boolean {
  return !isPublicRole(role) || rules.notes;
}

/** Who downloads the meeting's written record (DOCX, Markdown): those who keep the minutes. */
export function canExportRecord(role: Role): boolean {
  return manages(role);
}

/** Who lists, compares and restores a document's versions (docs/YJS.md, "History"): those who keep the record. */
export function canReviewHistory(role: Role): boolean {
  return manages(role);
}

/**
 * Who sees who wrote what (`GET …/docs/:docName/current`, docs/YJS.md, "Attribution"): those in the
 * room. The public observer link and the room screen read the text, not its authors.
 */
export function canSeeAuthors(role: Role): boolean {
  return attends(role);
}

/**
 * A participant's private annotations of the meeting's documents (docs/DOCUMENTS.md, "Annotations"):
 * `annotations-<participantId>`, on the same endpoint as the notes but no meeting document: only the
 * owner's own link opens it, nothing lists, versions, exports or attributes it (parseDocName does not
 * know the name, and every such path goes through it).
 */
const ANNOTATIONS_PREFIX = 'annotations-';
/** Participant ids as the definition allows them (definition.ts `Slug`). */
const PARTICIPANT_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

export function annotationsDocName(participantId: string): string {
  return `${ANNOTATIONS_PREFIX}${participantId}`;
}

/** The owner named by an annotations document's name, or null when the name is not one. */
export function annotationsOwner(name: string): string | null {
  if (!name.startsWith(ANNOTATIONS_PREFIX)) return null;
  const owner = name.slice(ANNOTATIONS_PREFIX.length);
  return PARTICIPANT_ID.test(owner) ? owner : null;
}

/**
 * Whether a link opens (reads or writes) the annotations of `owner`: only the owner's own, and only
 * someone in the room; the chair is refused like anyone else, the observer link and the screen have none.
 */
export function mayOpenAnnotations(reader: { participantId: string; role: Role }, owner: string): boolean {
  return reader.participantId === owner && attends(reader.role);
}
