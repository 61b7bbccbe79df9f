import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors.js';
import { COMMAND_TYPES } from '../../shared/meeting/commands.js';
import { permissionsTable } from '../../scripts/permissions-table.js';

const doc = readFileSync('docs/PROTOCOL.md', 'utf8');

describe('docs/PROTOCOL.md', () => {
  it('contains the permission table exactly as can() has it', () => {
    expect(doc).toContain(permissionsTable());
  });

  it('documents every command type and every error code', () => {
    const missing = [...COMMAND_TYPES, ...ERROR_CODES].filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
