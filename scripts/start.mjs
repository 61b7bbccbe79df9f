// `npm start`: build the client when it is missing or older than its sources, then run the server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClient, clientIsStale } from './client-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (clientIsStale(root)) {
  console.log('Đang dựng giao diện / building the client (vite build)…');
  const status = buildClient(root);
  if (status !== 0) process.exit(status);
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
