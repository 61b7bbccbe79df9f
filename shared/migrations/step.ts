/** Stored data as read, before it has the current types: plain JSON objects. */
export type Stored = Record<string, unknown>;

/**
 * One step of the stored schema, from `to - 1` to `to`: pure, total (any data of schema `to - 1`
 * goes through, old or odd as it may be), and frozen once released. A step copies the values it
 * needs (defaults included) rather than importing today's, which may change after it.
 */
export interface MigrationStep {
  to: number;
  /** The meeting state, stamp included. */
  state(state: Stored): Stored;
  /** The events of one stored record; `at` is the record's commit time. */
  events(events: Stored[], at: number): Stored[];
}
