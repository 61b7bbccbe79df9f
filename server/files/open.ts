import { join } from 'node:path';
import type { Config } from '../config.js';
import { DiskFileStore } from './diskStore.js';
import type { FileStore } from './fileStore.js';
import { S3FileStore } from './s3Store.js';

/** The documents' store FILE_STORE names: DATA_DIR/files (default), or the S3-compatible store, with uploads staged in DATA_DIR/files/tmp. */
export function openFileStore(config: Pick<Config, 'dataDir' | 'files'>): Promise<FileStore> {
  const root = join(config.dataDir, 'files');
  return config.files.kind === 's3' ? S3FileStore.open(config.files.s3, join(root, 'tmp')) : DiskFileStore.open(root);
}
