import type { MigrationStep, Stored } from './step.js';

/**
 * Schema 2 → 3. Attendance became a record of who marked whom and when (presence, a live connection,
 * no longer checks anyone in). A schema 2 state kept the status alone, and its events no source:
 * both keep their status and say the rest was not recorded, so day one's attendance stays as it was.
 */

const isObject = (v: unknown): v is Stored => typeof v === 'object' && v !== null && !Array.isArray(v);

function attendance(record: unknown): unknown {
  if (!isObject(record)) return {};
  const marks: Stored = {};
  for (const [id, status] of Object.entries(record)) marks[id] = isObject(status) ? status : { status, source: 'unrecorded', by: null, at: null };
  return marks;
}

export const toV3: MigrationStep = {
  to: 3,
  state: (s) => ({ ...s, schemaVersion: 3, attendance: attendance(s.attendance) }),
  events: (events) => events.map((e) => (e.type === 'attendance.marked' && e.source === undefined ? { ...e, source: 'unrecorded', by: null } : e)),
};
