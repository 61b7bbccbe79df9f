// Where the app's own files are, the same from both layouts the server runs in:
//   source    <root>/server/paths.ts               (tests through vitest, `npm run dev` through tsx)
//   compiled  <root>/dist/server/server/paths.js   (`npm start`, the Docker image: plain node)
// Everything else locates the client build and the examples through here, never relative to its
// own module. DATA_DIR is not among them: it is the operator's, relative to the working directory.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** True when this is the compiled server (dist/server/…/*.js), false when it runs from source (*.ts). */
export const COMPILED = import.meta.url.endsWith('.js');

/** The app's root: package.json, dist/, examples/. */
export const APP_ROOT = join(here, COMPILED ? '../../..' : '..');

/** The client as `vite build` writes it (index.html, assets/), which the server serves. */
export const CLIENT_DIR = join(APP_ROOT, 'dist/client');

/** The fictional two-day meeting every newcomer's first start creates (README, "Creating a meeting"). */
export const DEMO_DEFINITION = join(APP_ROOT, 'examples/self-review-2024.json');
