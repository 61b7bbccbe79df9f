import type { BallotResults } from '../ballots/types.js';
import { sha256Hex } from '../sha256.js';

export { sha256Hex };

/**
 * The fingerprint of a tally (docs/BALLOTS.md, "Counting committee"): what a committee member
 * confirms is the exact result they were shown, and the decision publishes only a result with the
 * same fingerprint. Pure JS, so the server, the tablets and the record compute the same one.
 */

/** JSON with every object's keys sorted: the same result is always the same string, whatever built it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fingerprint of a ballot's tally: SHA-256 of its canonical JSON, tied to the ballot it counts. */
export function tallyFingerprint(ballotId: string, results: BallotResults): string {
  return sha256Hex(canonicalJson({ ballotId, results }));
}

/** The first 8 hex digits in two groups ("3f2a 91c0"): what committee members read aloud to compare their screens. */
export function shortFingerprint(fingerprint: string): string {
  return `${fingerprint.slice(0, 4)} ${fingerprint.slice(4, 8)}`;
}
