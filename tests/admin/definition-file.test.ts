import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonErrorLocation, readDefinitionFile } from '../../server/meetings/definitionFile.js';
import { issuePath } from '../../server/meetings/validate.js';
import { testDefinition } from '../helpers/definitions.js';

const dir = mkdtempSync(join(tmpdir(), 'phong-hop-deffile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a definition file', () => {
  it('locates a JSON syntax error by line and column, whatever V8 says about it', () => {
    expect(jsonErrorLocation('{ "title": "x",\n  "days": [,] }')).toBe('line 2, column 12');
    expect(jsonErrorLocation('{"a": 1,\n "b" 2}')).toBe('line 2, column 6');
    expect(jsonErrorLocation('{"a": tru }')).toBe('line 1, column 10');
    expect(jsonErrorLocation('[1]\nx')).toBe('line 2, column 1');
    expect(jsonErrorLocation('{"a": [1,\n2')).toBe('the end of the file (line 2)');
  });

  it('names problems by their path the way they read in the file', () => {
    expect(issuePath(['agenda', 3, 'subject'])).toBe('agenda[3].subject');
    expect(issuePath(['ballots', 0, 'subjects', 16])).toBe('ballots[0].subjects[16]');
    expect(issuePath([])).toBe('(definition)');
  });

  it('accepts a file with a byte-order mark, as Windows editors save it', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(testDefinition())}`);
    const parsed = readDefinitionFile(file);
    expect(parsed.ok && parsed.definition.participants).toHaveLength(9);
  });
});
