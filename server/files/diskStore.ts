import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobFacts } from '../../shared/documents/types.js';
import { isSha256, type ByteRange, type FileStore, type StagedFile } from './fileStore.js';
import { receive, sweepStale } from './receive.js';
import { HEAD_BYTES, sniffHead } from './sniff.js';

const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** Makes a rename in `dir` durable: the directory's entry is on disk too. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The embedded file store: `<root>/ab/<sha256>` (root = DATA_DIR/files), each written to a temporary
 * file in `<root>/tmp` (the same file system), synced, then renamed to its name, so a crash leaves
 * either no file under the hash or the whole one. Several instances may share the folder (a shared
 * volume): a file's name is its content, so two instances storing the same file write the same bytes.
 */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk';
  private readonly tmp: string;
  /** Stored files never change, so what is known of one stays true (until it is removed). */
  private readonly known = new Map<string, BlobFacts>();

  private constructor(private readonly root: string) {
    this.tmp = join(root, 'tmp');
  }

  static async open(root: string): Promise<DiskFileStore> {
    const store = new DiskFileStore(root);
    await mkdir(store.tmp, { recursive: true, mode: 0o700 });
    await sweepStale(store.tmp);
    return store;
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async facts(sha256: string): Promise<BlobFacts | null> {
    if (!isSha256(sha256)) return null;
    const cached = this.known.get(sha256);
    if (cached) return cached;
    let handle;
    try {
      handle = await open(this.pathOf(sha256), 'r');
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
    try {
      const { size } = await handle.stat();
      const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
      await handle.read(head, 0, head.length, 0);
      // The type is the content's, as it was when stored: asked again of the bytes rather than kept beside them.
      const mime = sniffHead(head, true);
      if (mime === null || mime === 'more') return null;
      const facts = { sha256, bytes: size, mime };
      this.known.set(sha256, facts);
      return facts;
    } finally {
      await handle.close();
    }
  }

  async stage(body: Readable, maxBytes: number): Promise<StagedFile> {
    const { path, facts } = await receive(body, this.tmp, maxBytes);
    const target = this.pathOf(facts.sha256);
    return {
      facts,
      commit: async () => {
        const dir = join(this.root, facts.sha256.slice(0, 2));
        await mkdir(dir, { recursive: true, mode: 0o700 });
        // Over an existing copy too: the same name holds the same bytes, and rename is atomic.
        await rename(path, target);
        await syncDir(dir);
        return facts;
      },
      discard: () => unlink(path).catch(() => undefined),
    };
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable | null> {
    if (!isSha256(sha256)) return null;
    const path = this.pathOf(sha256);
    // A stored file never changes and is not removed while named: checked here, opened by the stream.
    try {
      await stat(path);
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
    return createReadStream(path, { start: range?.start, end: range?.end });
  }

  async remove(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    this.known.delete(sha256);
    await unlink(this.pathOf(sha256)).catch((e: unknown) => {
      if (!missing(e)) throw e;
    });
  }
}
