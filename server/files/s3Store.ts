import { createReadStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DOCUMENT_MIMES, type BlobFacts, type DocumentMime } from '../../shared/documents/types.js';
import { isSha256, type ByteRange, type FileStore, type StagedFile } from './fileStore.js';
import { receive, sweepStale } from './receive.js';
import { S3Error, s3Fetch, type S3Settings } from './s3Request.js';

export { S3Error };

async function failed(res: Response, what: string): Promise<S3Error> {
  const text = await res.text().catch(() => '');
  const code = /<Code>([^<]{1,80})<\/Code>/.exec(text)?.[1];
  return new S3Error(`file store: ${what} answered HTTP ${res.status}${code ? ` (${code})` : ''}`);
}

/**
 * Documents in an S3-compatible object store (FILE_STORE=s3; MinIO in docker-compose.yml), shared by
 * every instance: `<prefix><ab>/<sha256>`, its Content-Type the type the bytes showed. An upload is
 * received to a temporary file here first (hashed, checked, capped), then sent with its SHA-256 as
 * the signed payload hash, so the store itself refuses bytes that changed on the way. An object
 * appears whole or not at all (S3 has no half-written objects). Range requests pass through.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly known = new Map<string, BlobFacts>();
  private readonly prefix: string;

  private constructor(
    private readonly s3: S3Settings,
    private readonly tmp: string,
  ) {
    this.prefix = s3.prefix ?? 'files/';
  }

  /** `tmp`: this process's folder for uploads on their way (DATA_DIR/files/tmp). */
  static async open(s3: S3Settings, tmp: string): Promise<S3FileStore> {
    await mkdir(tmp, { recursive: true, mode: 0o700 });
    await sweepStale(tmp);
    return new S3FileStore(s3, tmp);
  }

  private keyOf(sha256: string): string {
    return `${this.prefix}${sha256.slice(0, 2)}/${sha256}`;
  }

  async facts(sha256: string): Promise<BlobFacts | null> {
    if (!isSha256(sha256)) return null;
    const cached = this.known.get(sha256);
    if (cached) return cached;
    const res = await s3Fetch(this.s3, 'HEAD', this.keyOf(sha256));
    if (res.status === 404) return null;
    if (!res.ok) throw await failed(res, 'HEAD');
    const mime = res.headers.get('content-type') as DocumentMime;
    const bytes = Number(res.headers.get('content-length'));
    // Only what this server stored: an object someone else put there under such a key is not a document.
    if (!DOCUMENT_MIMES.includes(mime) || !Number.isSafeInteger(bytes)) return null;
    const facts = { sha256, bytes, mime };
    this.known.set(sha256, facts);
    return facts;
  }

  async stage(body: Readable, maxBytes: number): Promise<StagedFile> {
    const { path, facts } = await receive(body, this.tmp, maxBytes);
    const discard = () => unlink(path).catch(() => undefined);
    return {
      facts,
      discard,
      commit: async () => {
        try {
          if ((await this.facts(facts.sha256)) === null) {
            const res = await s3Fetch(this.s3, 'PUT', this.keyOf(facts.sha256), {
              headers: { 'Content-Type': facts.mime, 'Content-Length': String(facts.bytes) },
              body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
              payloadSha256: facts.sha256,
            });
            if (!res.ok) throw await failed(res, 'PUT');
            await res.body?.cancel();
            this.known.set(facts.sha256, facts);
          }
          return facts;
        } finally {
          await discard();
        }
      },
    };
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable | null> {
    if (!isSha256(sha256)) return null;
    const res = await s3Fetch(this.s3, 'GET', this.keyOf(sha256), range ? { headers: { Range: `bytes=${range.start}-${range.end}` } } : {});
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok || !res.body || (range && res.status !== 206)) throw await failed(res, 'GET');
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  }

  async remove(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    this.known.delete(sha256);
    const res = await s3Fetch(this.s3, 'DELETE', this.keyOf(sha256));
    await res.body?.cancel();
    if (!res.ok && res.status !== 404) throw new S3Error(`file store: DELETE answered HTTP ${res.status}`);
  }
}
