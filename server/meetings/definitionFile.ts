import { readFileSync } from 'node:fs';
import { parseDefinition, type ParsedDefinition } from './validate.js';

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
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
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    return { ok: false, issues: [{ path, message: `not valid JSON${at ? ` at ${lineColumn(text, Number(at[1]))}` : ''}: ${message}` }] };
  }
  return parseDefinition(json);
}
