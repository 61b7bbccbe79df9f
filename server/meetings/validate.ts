import type { z } from 'zod';
import { MeetingDefinition } from '../../shared/definition.js';
import { forbiddenKeyPath } from '../../shared/forbiddenKeys.js';

/** One problem in a definition, located the way a person finds it in the file: `agenda[3].subject`. */
export interface DefinitionIssue {
  path: string;
  message: string;
}

export type ParsedDefinition = { ok: true; definition: MeetingDefinition } | { ok: false; issues: DefinitionIssue[] };

export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(definition)';
}

export function describeIssues(issues: z.ZodError['issues']): DefinitionIssue[] {
  return issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
}

/** Validates a meeting definition with the shared schema (the same for the HTTP API and the CLI). */
export function parseDefinition(input: unknown): ParsedDefinition {
  const forbidden = forbiddenKeyPath(input);
  if (forbidden) return { ok: false, issues: [{ path: forbidden, message: `the key "${forbidden.split(/[.[]/).at(-1)}" is not allowed` }] };
  const parsed = MeetingDefinition.safeParse(input);
  return parsed.success ? { ok: true, definition: parsed.data } : { ok: false, issues: describeIssues(parsed.error.issues) };
}

/** A one-line summary for an error message: the first few issues, each with its path. */
export function summarise(issues: readonly DefinitionIssue[], max = 5): string {
  const shown = issues
    .slice(0, max)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  return issues.length > max ? `${shown}; and ${issues.length - max} more` : shown;
}
