// Prints the permission table of docs/PROTOCOL.md from shared/meeting/permissions.ts.
// tests/docs/protocol.test.ts checks the document still contains exactly this table.
import { ROLES } from '../shared/definition.js';
import { PERMISSIONS } from '../shared/meeting/permissions.js';

export function permissionsTable(): string {
  const lines = [`| command | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => ':-:').join('|')}|`];
  for (const [command, roles] of Object.entries(PERMISSIONS)) {
    lines.push(`| \`${command}\` | ${ROLES.map((r) => (roles.includes(r) ? '✓' : '')).join(' | ')} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(permissionsTable());
