import type { MigrationStep } from './step.js';

/** Schema 5 → 6: the meeting's documents (issue 14). A meeting stored before had none. */
export const toV6: MigrationStep = {
  to: 6,
  state: (s) => ({ ...s, schemaVersion: 6, documents: Array.isArray(s.documents) ? s.documents : [] }),
  // No event of schema 5 changes shape: the screen modes and events it knew are all still valid.
  events: (events) => events,
};
