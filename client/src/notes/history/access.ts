import { manages } from '../../../../shared/meeting/roles.js';
import type { Role } from '../../../../shared/meeting/state.js';

/**
 * Who sees a document's versions, compares and restores them: those who keep the record (the
 * server answers 403 to anyone else; this only hides the controls).
 */
export function seesHistory(role: Role): boolean {
  return manages(role);
}

/** Who may colour the text by author: every participant who reads the document but the public observer link and the room screen. */
export function seesAuthors(role: Role): boolean {
  return role !== 'observer' && role !== 'screen';
}
