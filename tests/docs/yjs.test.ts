import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/definition.js';
import { canEditDoc, MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import * as limits from '../../shared/notes/limits.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';

const yjsDoc = readFileSync('docs/YJS.md', 'utf8');
const protocol = readFileSync('docs/PROTOCOL.md', 'utf8');
const notesSection = protocol.slice(protocol.indexOf('## Notes (Yjs)'));
const rowOf = (doc: string, cell: string) => doc.split('\n').find((line) => line.startsWith(`| ${cell} |`));

describe('docs/YJS.md and the Yjs section of docs/PROTOCOL.md', () => {
  it('give every limit with the value shared/notes/limits.ts has', () => {
    for (const [name, value] of Object.entries(limits)) {
      const row = rowOf(yjsDoc, `\`${name}\``);
      expect(row, `a row for ${name}`).toBeDefined();
      expect(row!.split('|')[2], name).toMatch(new RegExp(`(^|\\D)${value}(\\D|$)`));
    }
    const quoted = [...notesSection.matchAll(/`([A-Z_]+)` \((\d+)\)/g)];
    expect(quoted.length).toBeGreaterThan(3);
    for (const [, name, value] of quoted) expect(Number(value), name).toBe((limits as Record<string, number>)[name]);
  });

  it('list every close code, and whether the provider reconnects after it', () => {
    for (const [name, code] of Object.entries(DOC_CLOSE)) {
      const row = rowOf(yjsDoc, String(code));
      expect(row, `a row for ${code}`).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      expect(cells[2]).toBe(`\`${name}\``);
      expect(cells[4]).toBe(code >= 4400 && code < 4500 ? 'no' : 'yes');
      expect(notesSection).toContain(String(code));
    }
  });

  it('have the table of who edits what exactly as canEditDoc decides', () => {
    for (const role of ROLES) {
      const notes = canEditDoc(role, notesDocName('any-item')) ? 'edit' : 'read';
      const minutes = canEditDoc(role, MINUTES_DOC) ? 'edit' : 'read';
      expect(yjsDoc).toContain(`| ${role} | ${notes} | ${minutes} |`);
    }
  });

  it('link the full page from PROTOCOL.md', () => {
    expect(notesSection).toContain('[YJS.md](YJS.md)');
  });
});

describe('the History section of docs/YJS.md', () => {
  it('gives the version policy with the values shared/notes/versionPolicy.ts has', async () => {
    const policy = await import('../../shared/notes/versionPolicy.js');
    for (const name of ['VERSION_EVERY_MS', 'MIN_WIPE_ITEMS', 'MAX_VERSIONS_PER_DOC', 'MAX_VERSION_BYTES_PER_DOC'] as const) {
      expect(yjsDoc, name).toContain(`\`${name}\` (${policy[name]}`);
    }
  });
});
