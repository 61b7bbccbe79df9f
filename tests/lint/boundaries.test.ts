import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The linter with the repository's own eslint.config.js, on code that breaks each boundary: proof
// that `npm run lint` (and so CI) fails when one is crossed. Sources are linted as text under a path
// that does not exist, so nothing is written into shared/ or client/; the cycle needs two real files
// (tests/lint/fixtures/, left out of the main run). A file that is not on disk has no place in a
// TypeScript project, so these are linted without type information: the import rules need none.
const ROOT = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: ROOT, ignore: false, overrideConfig: tseslint.configs.disableTypeChecked });

async function lint(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages;
}

const rules = (messages: Linter.LintMessage[]) => messages.map((m) => m.ruleId);

describe('the architecture the linter guards', () => {
  it('lets shared/ import its own modules and zod', async () => {
    const messages = await lint('shared/lint-probe.ts', "import { z } from 'zod';\nimport { MAX_TEXT } from './limits.js';\n\nexport const Probe = z.string().max(MAX_TEXT);\n");
    expect(messages).toEqual([]);
  });

  it('refuses shared/ importing server/', async () => {
    const messages = await lint('shared/lint-probe.ts', "import { CLIENT_DIR } from '../server/paths.js';\n\nexport const probe = CLIENT_DIR;\n");
    expect(rules(messages)).toContain('import-x/no-restricted-paths');
  });

  it('refuses shared/ importing client/', async () => {
    const messages = await lint('shared/lint-probe.ts', "import { openSocket } from '../client/src/live/socket.js';\n\nexport const probe = openSocket;\n");
    expect(rules(messages)).toContain('import-x/no-restricted-paths');
  });

  it('refuses client/ importing server/', async () => {
    const messages = await lint('client/src/lint-probe.ts', "import { CLIENT_DIR } from '../../server/paths.js';\n\nexport const probe = CLIENT_DIR;\n");
    expect(rules(messages)).toContain('import-x/no-restricted-paths');
  });

  it('lets client/ and server/ import shared/', async () => {
    expect(await lint('client/src/lint-probe.ts', "import { MAX_TEXT } from '../../shared/limits.js';\n\nexport const probe = MAX_TEXT;\n")).toEqual([]);
    expect(await lint('server/lint-probe.ts', "import { MAX_TEXT } from '../shared/limits.js';\n\nexport const probe = MAX_TEXT;\n")).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    const path = 'tests/lint/fixtures/cycle/first.ts';
    const messages = await lint(path, readFileSync(join(ROOT, path), 'utf8'));
    expect(rules(messages)).toEqual(['import-x/no-cycle']);
  });

  it('refuses an import it cannot resolve, which the boundary rules would otherwise pass unseen', async () => {
    const messages = await lint('shared/lint-probe.ts', "import { gone } from '../server/no-such-module.js';\n\nexport const probe = gone;\n");
    expect(rules(messages)).toContain('import-x/no-unresolved');
  });
});
