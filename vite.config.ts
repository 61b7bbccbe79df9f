import react from '@vitejs/plugin-react';
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
      const assets = Object.keys(bundle).filter((f) => f.startsWith('assets/') && /\.(js|css)$/.test(f)).map((f) => `/${f}`).sort();
      this.emitFile({ type: 'asset', fileName: 'shell-assets.json', source: JSON.stringify(assets) });
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), shellAssets()],
  // The notes editor (TipTap + ProseMirror + Yjs, ~530 KB, 170 KB gzipped) is one lazy chunk,
  // loaded after the meeting is on screen; everything a view needs first is far smaller.
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      '/socket.io': { target: 'http://localhost:3000', ws: true },
      '/yjs': { target: 'ws://localhost:3000', ws: true },
      '/api': 'http://localhost:3000',
    },
  },
});
