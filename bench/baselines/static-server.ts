/**
 * The baseline of the documents' download: the same files served by bare `express.static` (ETag,
 * ranges, no auth, no visibility, no meeting), from DIR, on PORT (0: any).
 */
import express from 'express';
import type { AddressInfo } from 'node:net';

const app = express();
app.use('/files', express.static(process.env.DIR!, { immutable: true, maxAge: '1y' }));
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`static-server listening on port ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
