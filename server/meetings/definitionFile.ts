import { readFileSync } from 'node:fs';
import { parseDefinition, type ParsedDefinition } from './validate.js';

/** Whether `prefix` could still become valid JSON: it fails, if at all, only for running out. */
function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (e) {
    const message = (e as Error).message;
    if (/end of JSON input/.test(message)) return true;
    const at = /position (\d+)/.exec(message);
    return at !== null && Number(at[1]) >= prefix.length;
  }
}

/**
 * Where a JSON text goes wrong, as "line L, column C". V8 names the position for some errors and not
 * for others, so this finds it itself: the shortest prefix that can no longer become valid JSON.
 */
export function jsonErrorLocation(text: string): string {
  let lo = 0;
  let hi = text.length;
  if (viablePrefix(text)) return `the end of the file (line ${text.split('\n').length})`;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (viablePrefix(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  const lines = text.slice(0, hi - 1).split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}

/** Reads and validates a meeting definition file; every problem comes back with where it is. */
export function readDefinitionFile(path: string): ParsedDefinition {
  let text: string;
  try {
    // A byte-order mark (Windows editors add one) is not part of the JSON.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, issues: [{ path, message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path, message: `not valid JSON at ${jsonErrorLocation(text)}: ${(e as Error).message}` }] };
  }
  return parseDefinition(json);
}
