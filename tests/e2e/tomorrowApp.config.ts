import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeConfig, type Plugin } from 'vite';
import base from '../../vite.config.js';

/**
 * Builds "tomorrow's app" for tests/e2e/upgrade.test.ts into $TOMORROW_OUT: today's client, except
 * that it speaks protocol $TOMORROW_PROTOCOL (shared/versions.ts read with the number changed), and
 * its service worker script differs by a comment, as a deployment's would when the worker changed.
 */
const VERSIONS = fileURLToPath(new URL('../../shared/versions.ts', import.meta.url));
const outDir = process.env.TOMORROW_OUT;
const protocol = Number(process.env.TOMORROW_PROTOCOL);
if (!outDir || !Number.isInteger(protocol)) throw new Error('set TOMORROW_OUT and TOMORROW_PROTOCOL');

function tomorrowsVersions(): Plugin {
  return {
    name: 'tomorrows-versions',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== VERSIONS) return null;
      return readFileSync(VERSIONS, 'utf8')
        .replace(/export const PROTOCOL_VERSION = \d+;/, `export const PROTOCOL_VERSION = ${protocol};`)
        .replace(/export const MIN_CLIENT_PROTOCOL = \d+;/, `export const MIN_CLIENT_PROTOCOL = ${protocol};`);
    },
    closeBundle() {
      appendFileSync(join(outDir!, 'sw.js'), `\n// tomorrow's build: protocol ${protocol}\n`);
    },
  };
}

export default mergeConfig(base, { plugins: [tomorrowsVersions()], build: { outDir, emptyOutDir: true } });
