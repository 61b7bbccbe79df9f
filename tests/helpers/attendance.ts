import type { AttendanceMark, AttendanceStatus } from '../../shared/meeting/state.js';

/** An attendance record as the chair would have marked it, for tests that build a state by hand. */
export function marks(statuses: Record<string, AttendanceStatus>, by = 'chair', at = 1): Record<string, AttendanceMark> {
  return Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status, source: 'presidium', by, at }]));
}

/** The statuses alone, for comparing a state's attendance with what was marked. */
export function statuses(attendance: Record<string, AttendanceMark>): Record<string, AttendanceStatus> {
  return Object.fromEntries(Object.entries(attendance).map(([id, mark]) => [id, mark.status]));
}
