import { attends, isPublicRole, manages, ofTheBody } from '../meeting/roles.js';
import type { Role } from '../meeting/state.js';
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
 */
export function canEditDoc(role: Role, doc: DocRef | string): boolean {
  const ref = typeof doc === 'string' ? parseDocName(doc) : doc;
  if (ref === null) return false;
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
