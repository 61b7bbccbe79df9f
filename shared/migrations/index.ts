import type { MeetingEvent } from '../meeting/events.js';
import type { MeetingState } from '../meeting/state.js';
import { SCHEMA_VERSION } from '../versions.js';
import type { MigrationStep, Stored } from './step.js';
import { toV2 } from './toV2.js';
import { toV3 } from './toV3.js';
import { toV4 } from './toV4.js';
import { toV5 } from './toV5.js';
import { toV6 } from './toV6.js';

/**
 * Every step of the stored schema, in order: STEPS[i] produces schema i + 2. Adding a schema is a
 * new file here, one entry below and SCHEMA_VERSION + 1 (docs/UPGRADES.md, "Adding a migration").
 */
export const STEPS: readonly MigrationStep[] = [toV2, toV3, toV4, toV5, toV6];

/** Data stamped with a schema this code does not know: it came from a newer version. */
export class NewerSchemaError extends Error {
  constructor(
    readonly what: string,
    readonly found: number,
  ) {
    super(
      `${what} was stored by a newer version of Phòng họp (schema ${found}; this one knows up to ${SCHEMA_VERSION}): ` +
        'run that version or a later one; the data was left as it is',
    );
  }
}

/** The schema a stamp names: none is schema 1, the data from before stamps existed. */
export function schemaOf(stamp: unknown, what: string): number {
  if (stamp === undefined || stamp === null) return 1;
  if (typeof stamp !== 'number' || !Number.isInteger(stamp) || stamp < 1) throw new Error(`${what} has a malformed schema stamp: ${JSON.stringify(stamp)}`);
  return stamp;
}

/** The steps from schema `from` to this code's, refusing data from a newer one. */
function stepsFrom(from: number, what: string): readonly MigrationStep[] {
  if (from > SCHEMA_VERSION) throw new NewerSchemaError(what, from);
  return STEPS.slice(from - 1);
}

/** A stored or cached meeting state, brought to this code's schema (the same object when it is current). */
export function migrateState(raw: unknown, what = 'a meeting'): MeetingState {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${what}: the stored state is not an object`);
  const state = raw as Stored;
  const steps = stepsFrom(schemaOf(state.schemaVersion, what), what);
  return steps.reduce((s, step) => step.state(s), state) as unknown as MeetingState;
}

/** The events of one stored record of schema `schema`, committed at `at`, brought to this code's schema. */
export function migrateEvents(events: unknown[], schema: number, at: number, what = 'an event record'): MeetingEvent[] {
  const steps = stepsFrom(schema, what);
  return steps.reduce((list, step) => step.events(list, at), events as Stored[]) as unknown as MeetingEvent[];
}
