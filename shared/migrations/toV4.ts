import type { MigrationStep } from './step.js';

/**
 * Schema 3 → 4. Removing an agenda item keeps it, as it was, in `removedItems`, so its notes stay
 * reachable and in the record; `item.removed` carries its time. A schema 3 state removed items for
 * good: it has none to keep, and its `item.removed` events take their record's time.
 */
export const toV4: MigrationStep = {
  to: 4,
  state: (s) => ({ ...s, schemaVersion: 4, removedItems: Array.isArray(s.removedItems) ? s.removedItems : [] }),
  events: (events, at) => events.map((e) => (e.type === 'item.removed' && e.at === undefined ? { ...e, at } : e)),
};
