import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ENTRY } from '../../scripts/build.mjs';
import { assertBuilt } from '../helpers/process.js';

// The Docker image installs `dependencies` only (npm ci --omit=dev) beside dist/: the compiled
// server must need nothing else, and nothing the client bundle alone needs (React, TipTap, the
// y-websocket provider: Vite has bundled them into dist/client) should be installed there.
const ROOT = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const DIST = join(ROOT, 'dist/server');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/** Every module specifier a compiled file loads at run time: static imports, re-exports, side-effect and dynamic imports. */
function specifiers(code: string): string[] {
  const found = new Set<string>();
  for (const re of [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    // A file a package ships, resolved at run time (the PDF's font): the package is needed as much as an import.
    /\brequire\.resolve\(\s*['"`]([^'"`$]+)/g,
  ]) {
    for (const m of code.matchAll(re)) found.add(m[1]);
  }
  return [...found];
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe("the compiled server's dependencies", () => {
  assertBuilt();
  const files = jsFiles(DIST);
  const imports = files.flatMap((file) => specifiers(readFileSync(file, 'utf8')).map((specifier) => ({ file: relative(ROOT, file), specifier })));

  it('compiles every module of server/ and shared/ to plain JavaScript, entry included', () => {
    expect(existsSync(join(ROOT, SERVER_ENTRY))).toBe(true);
    expect(files.length).toBeGreaterThan(50);
    // No TypeScript left for a loader to strip: a `.ts` specifier would need tsx or --experimental-strip-types.
    expect(imports.filter((i) => /\.tsx?$/.test(i.specifier))).toEqual([]);
  });

  it('every relative import resolves to a compiled file', () => {
    const missing = imports.filter((i) => i.specifier.startsWith('.') && !existsSync(join(ROOT, dirname(i.file), i.specifier)));
    expect(missing).toEqual([]);
  });

  it('every package it imports is a `dependencies` entry, installed', () => {
    const bare = imports.filter((i) => !i.specifier.startsWith('.') && !isBuiltin(i.specifier));
    expect(bare.length).toBeGreaterThan(0);
    const notRuntime = bare.filter((i) => !(packageOf(i.specifier) in pkg.dependencies));
    expect(notRuntime, 'imported by the compiled server but not in `dependencies`').toEqual([]);
    for (const name of new Set(bare.map((i) => packageOf(i.specifier)))) {
      expect(existsSync(join(ROOT, 'node_modules', name, 'package.json')), name).toBe(true);
    }
  });

  it('every `dependencies` entry is imported by the compiled server: what only the client or the tests use is a dev dependency', () => {
    const used = new Set(imports.map((i) => packageOf(i.specifier)));
    expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it('installs without any install script (the image runs `npm ci --omit=dev --ignore-scripts`)', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
    };
    const scripted = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.dev && p.hasInstallScript)
      .map(([path]) => path);
    expect(scripted).toEqual([]);
    // better-sqlite3 loads its prebuilt Node-API binary (one for every Node version, 22 and 24 alike).
    const sqlite = JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { gypfile?: boolean; scripts?: Record<string, string> };
    expect(sqlite.scripts?.install).toBeUndefined();
    expect(existsSync(join(ROOT, `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`))).toBe(true);
    expect(existsSync(join(ROOT, 'node_modules/better-sqlite3/build'))).toBe(false); // no local compile taking precedence
  });

  it('every pin, override and install-script decision has its reason in docs/DECISIONS.md', () => {
    const full = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as typeof pkg & {
      overrides?: Record<string, unknown>;
      allowScripts?: Record<string, boolean>;
    };
    const decisions = readFileSync(join(ROOT, 'docs/DECISIONS.md'), 'utf8');
    const section = /^## Dependencies: pins and overrides$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(decisions)?.[1] ?? '';
    const pinned = Object.entries({ ...full.dependencies, ...full.devDependencies })
      .filter(([, range]) => !range.startsWith('^'))
      .map(([name]) => name);
    const named = [...pinned, ...Object.keys(full.overrides ?? {}), ...Object.keys(full.allowScripts ?? {}).map((name) => `allowScripts.${name}`)];
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(section, name).toContain(`\`${name}\``);
  });

  it('runs without tsx: a dev dependency, and no start script uses it', () => {
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.devDependencies).toHaveProperty('tsx');
    for (const name of ['start', 'meeting']) expect(pkg.scripts[name], name).not.toMatch(/tsx/);
    for (const script of ['scripts/start.mjs', 'scripts/meeting.mjs', 'scripts/build.mjs']) {
      expect(readFileSync(join(ROOT, script), 'utf8'), script).not.toMatch(/['"]tsx['"]|--import\s+tsx/);
    }
  });
});
