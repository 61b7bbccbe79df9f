import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../server/files/s3Request.js';
import { S3FileStore } from '../../server/files/s3Store.js';

/** A real S3-compatible server (s3rver, in this process) on an ephemeral port, with one bucket. */
export interface TestS3 {
  settings: S3Settings;
  /** A store on it, staging uploads in a folder of its own (as each instance would). */
  open(): Promise<S3FileStore>;
  stop(): Promise<void>;
}

export async function startS3(): Promise<TestS3> {
  const dir = mkdtempSync(join(tmpdir(), 'phong-hop-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory: join(dir, 'objects'), silent: true, configureBuckets: [{ name: 'documents' }] });
  const { port } = await server.run();
  // s3rver's own credentials; it checks the signature with them.
  const settings: S3Settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: 'documents',
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: 'files/',
  };
  let n = 0;
  return {
    settings,
    open: () => S3FileStore.open(settings, join(dir, `staging-${n++}`)),
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
