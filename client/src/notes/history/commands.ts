import type { Command } from '../../../../shared/meeting/commands.js';

/** `notes.restore`: the server writes the version's text over the current one as an ordinary edit. */
export function restoreCommand(docName: string, versionId: string): Command {
  return { type: 'notes.restore', docName, versionId };
}

/** `notes.nameVersion`: the text as it is now, kept as a version under a name. */
export function nameVersionCommand(docName: string, label: string): Command {
  return { type: 'notes.nameVersion', docName, label };
}
