import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Lists every built script and stylesheet in `shell-assets.json`: the service worker (client/public/
 * sw.js) keeps them all, so a tablet reloaded offline can open any view, not only the chunks the
 * HTML names (views and the notes editor are loaded on demand).
 */
function shellAssets(): Plugin {
  return {
    name: 'phong-hop-shell-assets',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/') && /\.(js|css)$/.test(f))
        .map((f) => `/${f}`)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'shell-assets.json', source: JSON.stringify(assets) });
    },
  };
}

/**
 * Writes a gzip sibling (`x.js.gz`) of every text asset at build time, which the server sends to
 * browsers that accept it (server/http/static.ts): a tablet downloads about a third of the bytes
 * and the meeting laptop compresses nothing per request.
 */
function precompress(): Plugin {
  return {
    name: 'phong-hop-precompress',
    // After writing, so the sibling holds exactly the bytes on disk.
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const file = join(options.dir!, fileName);
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), shellAssets(), precompress()],
  // The notes editor (TipTap + ProseMirror + Yjs, ~530 KB, 170 KB gzipped) is one lazy chunk,
  // loaded after the meeting is on screen; everything a view needs first is far smaller.
  // No source maps: they would hand anyone with the public observer link the client's whole source,
  // comments included (the server refuses *.map requests as well, in case an old build has them).
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      '/socket.io': { target: 'http://localhost:3000', ws: true },
      '/yjs': { target: 'ws://localhost:3000', ws: true },
      '/api': 'http://localhost:3000',
    },
  },
});
